/**
 * A host endpoint that answers exactly as the query string says, for the fault suite's
 * property-based tests: any status, content type, body, delay, size, or a connection cut.
 *
 * `POST /api/fault?bucket=B&status=502&type=text%2Fhtml&body=<base64>&repeat=3&pad=1000000&delay=20&cut=body`
 *
 * - `status` (default 200), `type` (the `Content-Type`; none when empty or absent);
 * - `body`: base64 of the body's bytes, sent `repeat` times (default 1) after `pad` spaces;
 * - `delay`: ms before answering; `location`: a `Location` header (with a 3xx `status`);
 * - `chunked=1`: no `Content-Length`, so the body is sent in chunks;
 * - `cut=headers` destroys the connection before any answer; `cut=body` sends the headers and
 *   half the body, then destroys it;
 * - `GET /api/fault/requests?bucket=B` answers how many requests bucket `B` received.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

const counts = new Map<string, number>();

/** The answer described by `params`. */
export function faultAnswer(params: URLSearchParams): {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
} {
  const status = Number(params.get('status') ?? 200);
  const type = params.get('type');
  const location = params.get('location');
  const once = Buffer.from(params.get('body') ?? '', 'base64');
  const repeat = Math.max(0, Number(params.get('repeat') ?? 1));
  const pad = Math.max(0, Number(params.get('pad') ?? 0));
  const body = Buffer.concat([Buffer.alloc(pad, ' '), ...Array<Buffer>(repeat).fill(once)]);
  return {
    status,
    headers: {
      'Cache-Control': 'no-store',
      ...(type && { 'Content-Type': type }),
      ...(location && { Location: location }),
    },
    body,
  };
}

/** Answers `/api/fault` on a `node:http` request; anything else goes to `next`. */
export async function faultEndpoint(
  request: IncomingMessage,
  response: ServerResponse,
  next: () => Promise<unknown>,
): Promise<unknown> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith('/api/fault')) return next();
  const bucket = url.searchParams.get('bucket') ?? 'default';
  if (url.pathname === '/api/fault/requests') {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify(counts.get(bucket) ?? 0));
    return;
  }
  counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  request.resume(); // the request body is not needed
  await new Promise((resolve) => request.on('end', resolve));
  const delay = Number(url.searchParams.get('delay') ?? 0);
  if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
  if (response.destroyed) return;
  const cut = url.searchParams.get('cut');
  if (cut === 'headers') {
    response.destroy();
    return;
  }
  const { status, headers, body } = faultAnswer(url.searchParams);
  const length = url.searchParams.has('chunked') ? {} : { 'Content-Length': String(body.length) };
  response.writeHead(status, { ...headers, ...length });
  if (cut === 'body') {
    response.write(body.subarray(0, body.length >> 1), () => response.destroy());
    return;
  }
  response.end(body);
}

/** The same, as dev-server (Koa) middleware for web-test-runner.config.mjs. */
export function faultEndpointMiddleware(
  context: {
    url: string;
    req: IncomingMessage;
    res: ServerResponse;
    respond?: boolean;
    status?: number;
  },
  next: () => Promise<unknown>,
): Promise<unknown> {
  if (!context.url.startsWith('/api/fault')) return next();
  context.respond = false; // answered on the raw response
  context.status = 200; // so the dev server does not log it as a 404
  return faultEndpoint(context.req, context.res, next);
}
