import { sanitizeError, type SanitizedError } from './sanitized-error.js';

/** Which handler a reported failure happened in. */
export type EndpointName = 'account_session' | 'financial_connections_session';

/**
 * Where a reported failure happened: `authentication` — the `account()` / `accountHolder()`
 * resolver threw (answered 500); `stripe` — the Stripe request failed (answered 502);
 * `internal` — anything else (answered 500).
 */
export type FailureStage = 'authentication' | 'stripe' | 'internal';

/** What {@link EndpointErrorListener} is told besides the error. */
export interface EndpointErrorContext {
  endpoint: EndpointName;
  stage: FailureStage;
  /** The status the endpoint answered with. */
  status: number;
  /** The request's method and path (never its query string, which may carry tokens). */
  method: string;
  path: string;
}

/**
 * Receives the endpoint's own failures (answers 500 and 502), for logging. The error is a
 * {@link SanitizedError}: no API key, client secret or raw Stripe answer is in it. Answers to bad
 * requests (400, 401, 403, 405) are not failures and are not reported. The endpoint does not wait
 * for a returned promise, and a listener that throws or rejects does not change the answer.
 */
export type EndpointErrorListener = (
  error: SanitizedError,
  context: EndpointErrorContext,
) => void | Promise<void>;

/** Hands a sanitized copy of `thrown` to `listener`, shielding the answer from the listener. */
export function reportFailure(
  listener: EndpointErrorListener | undefined,
  thrown: unknown,
  context: EndpointErrorContext,
): void {
  if (!listener) return;
  // Sanitizing never throws, whatever was thrown (getters that throw, Proxies), so every failure
  // that is answered is also reported.
  const error = sanitizeError(thrown);
  try {
    const pending = listener(error, context);
    if (pending && typeof pending.then === 'function') pending.then(undefined, ignore);
  } catch {
    // A broken logger must not turn an answer into a crash.
  }
}

const ignore = (): void => {};
