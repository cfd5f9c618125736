/**
 * Everything the suite's endpoints answered and reported, and every secret that was issued, so
 * the last test can check that no secret got out where it must not.
 */
import type {
  EndpointErrorContext,
  EndpointErrorListener,
  SanitizedError,
} from '../../../packages/server/src/index.js';

/** The secret key every Stripe client of the suite uses. */
export const SECRET_KEY = 'sk_test_51NodeSuiteSecretKey0123456789abcdefghijklmnop';

export interface RecordedAnswer {
  where: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RecordedReport {
  error: SanitizedError;
  context: EndpointErrorContext;
}

export interface Ledger {
  answers: RecordedAnswer[];
  reports: RecordedReport[];
  secrets: Set<string>;
}

export const ledger: Ledger = { answers: [], reports: [], secrets: new Set([SECRET_KEY]) };

/** Remembers a client secret that was issued, to look for it everywhere later. */
export function rememberSecret(secret: unknown): void {
  if (typeof secret === 'string' && secret !== '') ledger.secrets.add(secret);
}

/** Records an answer; a `client_secret` in a 200 answer is remembered as issued. */
export function recordAnswer(answer: RecordedAnswer): void {
  ledger.answers.push(answer);
  if (answer.status === 200) {
    try {
      rememberSecret((JSON.parse(answer.body) as { client_secret?: unknown }).client_secret);
    } catch {
      // Not JSON: nothing to remember; the scan still reads it.
    }
  }
}

/** An `onError` that records every report, in the ledger and in its own `calls`. */
export function recordingOnError(): EndpointErrorListener & { calls: RecordedReport[] } {
  const calls: RecordedReport[] = [];
  const listener = (error: SanitizedError, context: EndpointErrorContext) => {
    const report = { error, context };
    calls.push(report);
    ledger.reports.push(report);
  };
  return Object.assign(listener, { calls });
}

/** Every recorded place where a secret was found, as `where: secret prefix`. */
export function findLeaks(scanned: Ledger = ledger): string[] {
  const leaks: string[] = [];
  const scan = (where: string, text: string) => {
    for (const secret of scanned.secrets) {
      if (text.includes(secret)) leaks.push(`${where}: ${secret.slice(0, 14)}…`);
    }
  };
  for (const answer of scanned.answers) {
    let body = answer.body;
    if (answer.status === 200) {
      // The one place a client secret belongs: the client_secret field of a 200 answer.
      const parsed = JSON.parse(body) as Record<string, unknown>;
      delete parsed.client_secret;
      body = JSON.stringify(parsed);
    }
    scan(`${answer.where} (${answer.status}) body`, body);
    scan(`${answer.where} (${answer.status}) headers`, JSON.stringify(answer.headers));
  }
  for (const { error, context } of scanned.reports) {
    scan(`onError ${context.endpoint}/${context.stage}`, describeError(error));
    scan(`onError ${context.endpoint}/${context.stage} context`, JSON.stringify(context));
  }
  return leaks;
}

/** All text an error carries, its causes included. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return JSON.stringify(error) ?? String(error);
  const own = Object.fromEntries(
    Object.getOwnPropertyNames(error).map((name) => [
      name,
      (error as unknown as Record<string, unknown>)[name],
    ]),
  );
  return [
    error.name,
    error.message,
    error.stack ?? '',
    JSON.stringify(own, (key, value: unknown) => (key === 'cause' ? undefined : value)),
    error.cause === undefined ? '' : describeError(error.cause),
  ].join('\n');
}
