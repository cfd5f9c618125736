/**
 * A host endpoint for the browser tests, served by the test runner's dev server, which fails in
 * every way the error table of docs/errors.md names and records what it was asked.
 *
 * `POST /api/test/secret?bucket=B&status=500&body=html&delay=300` (`body=fc-session` answers a
 * Financial Connections Session secret; `body=endless` streams whitespace until the client goes
 * away; `body=stall` declares a 40 MiB body and sends one byte of it; `location=URL` adds a `Location` header, e.g. with `status=307`; `reason=…` is the status
 * line's text; `failures=N` answers so only the bucket's first N requests, and a client secret
 * after them) — `bucket` groups the requests of one test, `GET /api/test/requests?bucket=B`
 * returns them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** For `body=endless`: the bytes written before the client went away. */
  sent?: number;
}

const buckets = new Map<string, RecordedRequest[]>();
let issued = 0;

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });

const json = (response: ServerResponse, status: number, body: unknown, reason?: string) => {
  const headers = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
  if (reason) response.writeHead(status, reason, headers);
  else response.writeHead(status, headers);
  response.end(JSON.stringify(body));
};

/** Writes 64 KiB of whitespace at a time, as fast as the client reads, until it goes away. */
function endless(response: ServerResponse, recorded: RecordedRequest) {
  const chunk = Buffer.alloc(64 * 1024, ' ');
  recorded.sent = 0;
  response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  const write = () => {
    while (!response.destroyed) {
      recorded.sent! += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', write);
        return;
      }
    }
  };
  write();
}

/** The answer `kind` asks for, after the request was recorded. */
function answer(
  response: ServerResponse,
  params: URLSearchParams,
  bucket: string,
  recorded: RecordedRequest,
) {
  const { body } = recorded;
  const status = Number(params.get('status') ?? 200);
  const location = params.get('location');
  if (location) response.setHeader('Location', location);
  const reason = params.get('reason') ?? undefined;
  switch (params.get('body')) {
    case 'endless':
      endless(response, recorded);
      return;
    case 'stall':
      response.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Length': String(40 * 1024 * 1024),
      });
      response.write(' '); // and nothing more, until the client goes away
      return;
    case 'html':
      response.writeHead(status, { 'Content-Type': 'text/html' });
      response.end('<!doctype html><title>Sign in</title><p>Please sign in</p>');
      return;
    case 'no-secret':
      json(response, status, { ok: true, expires_at: 0 });
      return;
    case 'fc-session':
      json(response, status, {
        client_secret: `fcsess_client_secret_test_${bucket}_${++issued}`,
        expires_at: Math.floor(Date.now() / 1000) + 1800,
      });
      return;
    case 'camel':
      json(response, status, { clientSecret: `accs_secret__test_${bucket}_${++issued}` });
      return;
    case 'truncated':
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end('{"client_secret": "accs_secret__tr');
      return;
    case 'ephemeral-key': {
      const { issuingCard, nonce } = (body ?? {}) as { issuingCard?: string; nonce?: string };
      json(response, status, {
        issuingCard,
        nonce,
        ephemeralKeySecret: `ek_test_secret_${++issued}`,
      });
      return;
    }
    default:
      if (status >= 300) {
        json(response, status, { error: { message: `test endpoint answered ${status}` } }, reason);
      } else {
        json(response, status, {
          client_secret: `accs_secret__test_${bucket}_${++issued}`,
          expires_at: Math.floor(Date.now() / 1000) + 1800,
        });
      }
  }
}

/** Connect-style middleware for the dev server. */
export async function testEndpoint(
  request: IncomingMessage,
  response: ServerResponse,
  next: () => Promise<unknown>,
): Promise<unknown> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith('/api/test/')) return next();
  const bucket = url.searchParams.get('bucket') ?? 'default';
  if (url.pathname === '/api/test/requests') {
    json(response, 200, buckets.get(bucket) ?? []);
    return;
  }
  const text = await readBody(request);
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // recorded as text
  }
  const requests = buckets.get(bucket) ?? [];
  const recorded: RecordedRequest = {
    method: request.method ?? '',
    path: url.pathname,
    headers: request.headers,
    body,
  };
  requests.push(recorded);
  buckets.set(bucket, requests);
  const delay = Number(url.searchParams.get('delay') ?? 0);
  if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
  // Past its `failures`, the endpoint recovers: a plain client secret.
  const failures = url.searchParams.get('failures');
  const recovered = failures !== null && requests.length > Number(failures);
  const params = recovered ? new URLSearchParams() : url.searchParams;
  if (!response.destroyed) answer(response, params, bucket, recorded);
}
