/**
 * Runs a Fetch-API handler as `node:http` / Express / Connect middleware. Only types come from
 * `node:http`, so importing the package stays safe on runtimes without it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ANSWER_MESSAGES, bodyRefusal, errorAnswer, type Answer } from './json-answer.js';
import {
  BODY_LIMIT_BYTES,
  concatBytes,
  declaresMoreThan,
  type BodyReadResult,
} from './request-body.js';
import {
  answerWithBody,
  checkTimeout,
  type FetchHandler,
  type SessionHandler,
} from './session-endpoint.js';

/** How long {@link toNodeHandler} waits for a request body by default: 10 s. */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

/** Options of {@link toNodeHandler}. */
export interface NodeHandlerOptions {
  /**
   * Milliseconds the request body may take to arrive, from when the handler starts reading it;
   * 10 000 by default. A body still incomplete then is answered 408 (with `Connection: close`),
   * so a client that trickles a body cannot hold the handler open.
   */
  bodyTimeout?: number;
}

/** A `node:http` request, as Express or Connect may have decorated it. */
export type NodeRequest = IncomingMessage & {
  /** Set by a body parser (Express `express.json()`, `express.text()`, `express.raw()`, …). */
  body?: unknown;
  /** Express: the URL before mounting stripped its prefix from `url`. */
  originalUrl?: string;
  /** body-parser's flag for "I read the stream". */
  _body?: boolean;
};

/** `next` of Express and Connect: called only with an error the adapter could not answer. */
export type NodeNext = (error?: unknown) => void;

/** A `node:http` request listener that is also Express / Connect middleware. */
export type NodeHandler = (request: NodeRequest, response: ServerResponse, next?: NodeNext) => void;

// Headers that describe the original message's framing; the rebuilt Request has its own.
const FRAMING_HEADERS = new Set([
  'connection',
  'content-length',
  'keep-alive',
  'transfer-encoding',
]);

/**
 * Adapts a handler of this package to `node:http`, Express and Connect.
 *
 * The request body is streamed and reading stops as soon as it goes over 16 KiB: the adapter
 * answers 413 at once (with `Connection: close`) without reading the rest; a body not complete
 * within `bodyTimeout` is answered 408. When a body parser has already read the stream
 * (`req.body` is an object, string or Buffer), that body is used instead. The `Request` the
 * handler gets has a `signal` that aborts when the client goes away, so a handler makes no Stripe
 * call for a client that is gone.
 *
 * @example
 * ```ts
 * app.post('/api/account-session', toNodeHandler(handler));
 * http.createServer(toNodeHandler(handler)).listen(3000);
 * ```
 */
export function toNodeHandler(
  handler: FetchHandler,
  options: NodeHandlerOptions = {},
): NodeHandler {
  checkTimeout(options.bodyTimeout, 'toNodeHandler: bodyTimeout');
  const bodyTimeout = options.bodyTimeout ?? DEFAULT_BODY_TIMEOUT_MS;
  return (request, response, next) => {
    handle(handler, request, response, bodyTimeout).catch((error: unknown) => {
      if (next) {
        next(error);
      } else if (!response.headersSent) {
        void writeAnswer(response, errorAnswer(500, ANSWER_MESSAGES.internal)).catch(() =>
          response.destroy(),
        );
      } else {
        response.destroy();
      }
    });
  };
}

async function handle(
  handler: FetchHandler,
  request: NodeRequest,
  response: ServerResponse,
  bodyTimeout: number,
): Promise<void> {
  const method = request.method ?? 'GET';
  const client = new ClientConnection(response);
  let body: Uint8Array<ArrayBuffer> | undefined;
  // Only POST is answered with more than a 405, so only a POST body is worth reading.
  if (method === 'POST') {
    const read =
      preParsedBody(request) ?? (await readNodeBody(request, BODY_LIMIT_BYTES, bodyTimeout));
    if (!read.ok) {
      // Stop here: the rest of an oversized body is not read, and the connection is not reused.
      await writeAnswer(response, bodyRefusal(read.reason, { Connection: 'close' }));
      return;
    }
    body = read.bytes;
  }
  // A handler of this package takes the body as read: no body stream, and a plain answer.
  const pipeline = (handler as Partial<SessionHandler>)[answerWithBody];
  let fetchRequest: Request;
  try {
    const url = urlOf(request);
    const init = { method, headers: headersOf(request) };
    fetchRequest = pipeline
      ? new NodeFetchRequest(url, init, client)
      : new Request(url, { ...init, body, signal: client.signal });
  } catch {
    // A method the Fetch API refuses (CONNECT, TRACE, TRACK) is not POST either.
    await writeAnswer(
      response,
      errorAnswer(405, ANSWER_MESSAGES.methodNotAllowed, {}, { Allow: 'POST' }),
    );
    return;
  }
  await writeAnswer(
    response,
    pipeline
      ? await pipeline(fetchRequest, body ?? new Uint8Array(0), () => client.gone)
      : await handler(fetchRequest),
  );
}

/**
 * Whether the client went away: the connection closed before the answer was written. Its
 * `signal` is made only when asked for (an `AbortSignal` costs about 10 µs in Node 20).
 */
class ClientConnection {
  gone = false;
  #controller: AbortController | undefined;

  constructor(response: ServerResponse) {
    response.once('close', () => {
      if (response.writableEnded) return;
      this.gone = true;
      this.#controller?.abort();
    });
  }

  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.gone) this.#controller.abort();
    }
    return this.#controller.signal;
  }
}

/**
 * The `Request` a handler of this package gets: its `signal` is the client connection's. Handing
 * a signal to `Request`'s constructor instead costs about 30 µs a request in Node 20 (a dependent
 * signal, registered for finalization), more than the rest of the adapter together; the
 * pipeline reads the connection directly, and the signal exists only if the `account` or
 * `accountHolder` callback asks for it.
 */
class NodeFetchRequest extends Request {
  readonly #client: ClientConnection;

  constructor(url: string, init: RequestInit, client: ClientConnection) {
    super(url, init);
    this.#client = client;
  }

  override get signal(): AbortSignal {
    return this.#client.signal;
  }
}

/** The body a body parser already read, or `undefined` when the stream is still to be read. */
function preParsedBody(request: NodeRequest): BodyReadResult | undefined {
  const { body } = request;
  // Express 4 leaves `req.body = {}` when no parser matched; then the stream is still unread.
  if (body === undefined || (request.readableEnded === false && request._body !== true)) {
    return undefined;
  }
  let bytes: Uint8Array<ArrayBuffer>;
  if (body instanceof Uint8Array) {
    if (body.byteLength > BODY_LIMIT_BYTES) return { ok: false, reason: 'too_large' };
    bytes = new Uint8Array(body);
  } else if (typeof body === 'string') {
    bytes = new TextEncoder().encode(body);
  } else {
    try {
      bytes = new TextEncoder().encode(JSON.stringify(body) ?? '');
    } catch {
      return { ok: false, reason: 'unreadable' };
    }
  }
  return bytes.byteLength > BODY_LIMIT_BYTES
    ? { ok: false, reason: 'too_large' }
    : { ok: true, bytes };
}

/** Reads the body stream, pausing it as soon as it goes over `limit` bytes or `timeout` ms. */
function readNodeBody(
  request: IncomingMessage,
  limit: number,
  timeout: number,
): Promise<BodyReadResult> {
  if (declaresMoreThan(request.headers['content-length'], limit)) {
    return Promise.resolve({ ok: false, reason: 'too_large' });
  }
  // Read to the end by someone else (a parser that kept nothing), or gone: nothing will arrive.
  if (request.readableEnded) return Promise.resolve({ ok: true, bytes: new Uint8Array(0) });
  if (request.destroyed) return Promise.resolve({ ok: false, reason: 'unreadable' });
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    const finish = (result: BodyReadResult) => {
      clearTimeout(timer);
      request.off('data', onData).off('end', onEnd).off('error', onFailure).off('close', onFailure);
      resolve(result);
    };
    const timer = setTimeout(() => {
      request.pause();
      finish({ ok: false, reason: 'timeout' });
    }, timeout);
    const onData = (chunk: Uint8Array | string) => {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      total += bytes.byteLength;
      if (total > limit) {
        request.pause();
        finish({ ok: false, reason: 'too_large' });
        return;
      }
      chunks.push(bytes);
    };
    const onEnd = () => finish({ ok: true, bytes: concatBytes(chunks, total) });
    const onFailure = () => finish({ ok: false, reason: 'unreadable' });
    request.on('data', onData).on('end', onEnd).on('error', onFailure).on('close', onFailure);
  });
}

function urlOf(request: NodeRequest): string {
  const path = request.originalUrl ?? request.url ?? '/';
  const protocol = (request.socket as { encrypted?: boolean } | undefined)?.encrypted
    ? 'https'
    : 'http';
  try {
    return new URL(path, `${protocol}://${request.headers.host ?? 'localhost'}`).href;
  } catch {
    return new URL(path.startsWith('/') ? path : '/', `${protocol}://localhost`).href;
  }
}

function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name.startsWith(':') || FRAMING_HEADERS.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

async function writeAnswer(response: ServerResponse, answer: Answer | Response): Promise<void> {
  if (!(answer instanceof Response)) {
    response.writeHead(answer.status, {
      ...answer.headers,
      'Content-Length': Buffer.byteLength(answer.body),
    });
    response.end(answer.body);
    return;
  }
  const body = new Uint8Array(await answer.arrayBuffer());
  response.statusCode = answer.status;
  answer.headers.forEach((value, name) => {
    if (name !== 'set-cookie') response.setHeader(name, value);
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) response.setHeader('set-cookie', cookies);
  response.setHeader('content-length', body.byteLength);
  response.end(body);
}
