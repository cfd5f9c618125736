import assert from 'node:assert/strict';
import { once } from 'node:events';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after, afterEach, before, describe, it } from 'node:test';
import {
  createAccountSessionHandler,
  toNodeHandler,
  type FetchHandler,
  type NodeNext,
  type NodeRequest,
} from '../../../packages/server/src/index.js';
import { createOfflineStripe } from '../../../packages/testing/src/offline-stripe.js';
import { jsonOf } from '../support/fetch-calls.js';
import { recordAnswer, recordingOnError } from '../support/leak-ledger.js';
import { bodyOfSize } from './account-session-handler.js';

interface NodeAnswer {
  status: number;
  headers: IncomingMessage['headers'];
  text: string;
  json: unknown;
}

/** What the echo handler saw of the rebuilt Fetch request. */
interface Echo {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Answers what it received, so the tests see the Request the adapter built. */
const echo: FetchHandler = async (request) =>
  Response.json({
    method: request.method,
    url: request.url,
    headers: Object.fromEntries(request.headers),
    body: await request.text(),
  } satisfies Echo);

type Middleware = (request: NodeRequest, next: () => void) => void;

export function nodeAdapterSuite(): void {
  describe('toNodeHandler through a real node:http server', () => {
    let server: Server;
    let port: number;
    const sockets: Socket[] = [];
    /** What the server runs for the current test. */
    let current: { handler: FetchHandler; before?: Middleware; next?: NodeNext } = {
      handler: echo,
    };
    let handlerCalls = 0;

    before(async () => {
      server = createServer((request: NodeRequest, response) => {
        const adapter = toNodeHandler(async (fetchRequest) => {
          handlerCalls += 1;
          return current.handler(fetchRequest);
        });
        const onNext = current.next;
        // Like Express: a next(error) ends in its final handler's 500 page.
        const next: NodeNext | undefined = onNext
          ? (error) => {
              onNext(error);
              response.statusCode = 500;
              response.end('Internal Server Error');
            }
          : undefined;
        const run = () => adapter(request, response, next);
        if (current.before) current.before(request, run);
        else run();
      });
      server.on('connection', (socket) => sockets.push(socket));
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      port = (server.address() as AddressInfo).port;
    });
    afterEach(() => {
      current = { handler: echo };
      handlerCalls = 0;
    });
    after(async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    });

    /** Sends a request; `body` chunks are written one by one, `end: false` leaves it open. */
    async function send(
      options: {
        method?: string;
        path?: string;
        headers?: OutgoingHttpHeaders;
        chunks?: (string | Uint8Array)[];
        end?: boolean;
      } = {},
    ): Promise<NodeAnswer & { request: ReturnType<typeof httpRequest> }> {
      const request = httpRequest({
        host: '127.0.0.1',
        port,
        method: options.method ?? 'POST',
        path: options.path ?? '/api/session',
        headers: { 'content-type': 'application/json', ...options.headers },
      });
      request.on('error', () => {});
      for (const chunk of options.chunks ?? []) request.write(chunk);
      if (options.end !== false) request.end();
      else request.flushHeaders();
      const [response] = (await once(request, 'response')) as [IncomingMessage];
      let text = '';
      response.setEncoding('utf8');
      for await (const chunk of response) text += chunk as string;
      recordAnswer({
        where: 'node adapter',
        status: response.statusCode ?? 0,
        headers: response.headers as Record<string, string>,
        body: text,
      });
      return {
        status: response.statusCode ?? 0,
        headers: response.headers,
        text,
        json: jsonOf(text),
        request,
      };
    }

    it('passes method, URL with host, headers and body on to the handler, and its answer back', async () => {
      const answer = await send({
        path: '/api/session?from=test',
        headers: { origin: 'https://shop.test', cookie: 'sid=abc' },
        chunks: ['{"components":', '["payments"]}'],
      });
      assert.equal(answer.status, 200);
      const seen = answer.json as Echo;
      assert.equal(seen.method, 'POST');
      assert.equal(seen.url, `http://127.0.0.1:${port}/api/session?from=test`);
      assert.equal(seen.headers.origin, 'https://shop.test');
      assert.equal(seen.headers.cookie, 'sid=abc');
      assert.equal(seen.headers['transfer-encoding'], undefined);
      assert.equal(seen.body, '{"components":["payments"]}');
    });

    it('writes status, headers and every Set-Cookie of the answer', async () => {
      current.handler = async () => {
        const headers = new Headers({ 'content-type': 'text/plain', 'x-answer': 'yes' });
        headers.append('set-cookie', 'a=1');
        headers.append('set-cookie', 'b=2');
        return new Response('created', { status: 201, headers });
      };
      const answer = await send({ chunks: ['{}'] });
      assert.equal(answer.status, 201);
      assert.equal(answer.headers['x-answer'], 'yes');
      assert.deepEqual(answer.headers['set-cookie'], ['a=1', 'b=2']);
      assert.equal(answer.text, 'created');
    });

    it('runs the real handler: 200 with no-store, 405 with Allow: POST', async () => {
      current.handler = createAccountSessionHandler({
        stripe: createOfflineStripe(),
        account: () => 'acct_NodeAdapter01',
        components: { payments: { enabled: true } },
        onError: recordingOnError(),
      });
      const ok = await send({ chunks: ['{"components":["payments"]}'] });
      assert.equal(ok.status, 200);
      assert.equal(ok.headers['cache-control'], 'no-store');
      assert.match((ok.json as { client_secret: string }).client_secret, /^accs_secret__offline_/);

      const get = await send({ method: 'GET' });
      assert.equal(get.status, 405);
      assert.equal(get.headers.allow, 'POST');
    });

    it('hands the real handler the body it read, and the request with its headers', async () => {
      const stripe = createOfflineStripe();
      const created: unknown[] = [];
      const seen: { cookie?: string | null; contentType?: string | null } = {};
      current.handler = createAccountSessionHandler({
        stripe: {
          accountSessions: {
            create: (params, options) => {
              created.push(params.components);
              return stripe.accountSessions.create(params, options);
            },
          },
        },
        account: (request) => {
          seen.cookie = request.headers.get('cookie');
          seen.contentType = request.headers.get('content-type');
          return 'acct_NodeAdapter01';
        },
        components: { payments: { enabled: true }, payouts: { enabled: true } },
        onError: recordingOnError(),
      });
      const ok = await send({
        headers: { cookie: 'sid=abc' },
        chunks: ['{"components":', '["payouts"]}'],
      });
      assert.equal(ok.status, 200);
      assert.deepEqual(created, [{ payouts: { enabled: true } }], 'narrowed by the body');
      assert.deepEqual(seen, { cookie: 'sid=abc', contentType: 'application/json' });
      const notJson = await send({ chunks: ['{"components":'] });
      assert.equal(notJson.status, 400);
    });

    it('answers 405 to a method the Fetch API refuses (TRACE)', async () => {
      const answer = await send({ method: 'TRACE' });
      assert.equal(answer.status, 405);
      assert.equal(answer.headers.allow, 'POST');
      assert.equal(handlerCalls, 0);
    });

    it('accepts a streamed body of exactly 16 KiB and refuses 16 KiB + 1 with 413', async () => {
      const exact = bodyOfSize(16384);
      const accepted = await send({ chunks: [exact.slice(0, 5000), exact.slice(5000)] });
      assert.equal(accepted.status, 200);
      assert.equal((accepted.json as Echo).body.length, 16384);

      const over = bodyOfSize(16385);
      const refused = await send({ chunks: [over.slice(0, 5000), over.slice(5000)] });
      assert.equal(refused.status, 413);
      assert.deepEqual(refused.json, {
        error: { message: 'The request body is larger than 16 KiB.' },
      });
      assert.equal(refused.headers['cache-control'], 'no-store');
      assert.equal(handlerCalls, 1);
    });

    it('answers 413 as soon as the streamed body passes the limit, without waiting for or reading the rest', async () => {
      const socketCount = sockets.length;
      const answer = await send({ chunks: ['{"padding":"', 'x'.repeat(16384)], end: false });
      assert.equal(answer.status, 413);
      assert.equal(answer.headers.connection, 'close');
      assert.equal(handlerCalls, 0);
      // The client keeps sending; the server does not read on.
      const serverSocket = sockets[socketCount]!;
      const readAtAnswer = serverSocket.bytesRead;
      answer.request.write('y'.repeat(64 * 1024));
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(
        serverSocket.bytesRead - readAtAnswer < 64 * 1024,
        `read ${serverSocket.bytesRead - readAtAnswer} more bytes`,
      );
      answer.request.destroy();
    });

    it('refuses a declared Content-Length over the limit before any body arrives', async () => {
      const answer = await send({ headers: { 'content-length': '1048576' }, end: false });
      assert.equal(answer.status, 413);
      assert.equal(handlerCalls, 0);
      answer.request.destroy();
    });

    it('does not call the handler when the client goes away mid-body', async () => {
      let closed!: () => void;
      const serverClosed = new Promise<void>((resolve) => (closed = resolve));
      current.before = (request, next) => {
        request.on('close', () => closed());
        next();
      };
      const request = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/session',
      });
      request.on('error', () => {});
      request.write('{"components":');
      await new Promise((resolve) => setTimeout(resolve, 20));
      request.destroy();
      await serverClosed;
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(handlerCalls, 0);
    });

    it('builds the URL from Express’s originalUrl, and from localhost when Host is unusable', async () => {
      current.before = (request, next) => {
        request.originalUrl = '/mounted/api/session';
        request.url = '/api/session';
        next();
      };
      const mounted = await send({ chunks: ['{}'] });
      assert.equal((mounted.json as Echo).url, `http://127.0.0.1:${port}/mounted/api/session`);

      current.before = undefined;
      const badHost = await send({ headers: { host: 'bad host' }, chunks: ['{}'] });
      assert.equal((badHost.json as Echo).url, 'http://localhost/api/session');
    });

    it('reads a stream that a middleware switched to text (setEncoding)', async () => {
      current.before = (request, next) => {
        request.setEncoding('utf8');
        next();
      };
      const answer = await send({ chunks: ['{"components":["payouts"]}'] });
      assert.equal((answer.json as Echo).body, '{"components":["payouts"]}');
    });

    describe('with a body an Express-style parser already read', () => {
      /** Reads the stream like express.json()/text()/raw() and leaves `req.body` behind. */
      const parser =
        (toBody: (raw: Buffer) => unknown): Middleware =>
        (request, next) => {
          const chunks: Buffer[] = [];
          request.on('data', (chunk: Buffer) => chunks.push(chunk));
          request.on('end', () => {
            request.body = toBody(Buffer.concat(chunks));
            request._body = true;
            next();
          });
        };

      it('uses an object req.body (express.json())', async () => {
        current.before = parser((raw) => JSON.parse(raw.toString()));
        const answer = await send({ chunks: ['{ "components" : [ "payments" ] }'] });
        assert.equal((answer.json as Echo).body, '{"components":["payments"]}');
      });

      it('uses a string req.body (express.text())', async () => {
        current.before = parser((raw) => raw.toString());
        const answer = await send({ chunks: ['{"components":["balances"]}'] });
        assert.equal((answer.json as Echo).body, '{"components":["balances"]}');
      });

      it('uses a Buffer req.body (express.raw())', async () => {
        current.before = parser((raw) => raw);
        const answer = await send({ chunks: ['{"components":["documents"]}'] });
        assert.equal((answer.json as Echo).body, '{"components":["documents"]}');
      });

      it('refuses a parsed body over 16 KiB, as text, Buffer or re-serialized object', async () => {
        const big = bodyOfSize(20000);
        for (const toBody of [
          (raw: Buffer) => raw.toString(),
          (raw: Buffer) => raw,
          (raw: Buffer) => JSON.parse(raw.toString()),
        ]) {
          current.before = parser(toBody);
          const answer = await send({ chunks: [big] });
          assert.equal(answer.status, 413);
        }
        assert.equal(handlerCalls, 0);
      });

      it('refuses a parsed body that cannot be turned back into JSON', async () => {
        current.before = parser(() => ({ amount: 10n }));
        assert.equal((await send({ chunks: ['{}'] })).status, 400);
      });

      it('reads the stream itself when req.body is only Express 4’s {} placeholder', async () => {
        current.before = (request, next) => {
          request.body = {};
          next();
        };
        const answer = await send({ chunks: ['{"components":["payouts"]}'] });
        assert.equal((answer.json as Echo).body, '{"components":["payouts"]}');
      });

      it('sends an empty body when a middleware read the stream and kept nothing', async () => {
        current.before = (request, next) => {
          request.resume();
          request.on('end', next);
        };
        const answer = await send({ chunks: ['{"components":["payouts"]}'] });
        assert.equal((answer.json as Echo).body, '');
      });
    });

    describe('when the handler itself throws', () => {
      const throwing: FetchHandler = () => Promise.reject(new Error('handler bug'));

      it('passes the error to next() when there is one (Express)', async () => {
        const errors: unknown[] = [];
        current.handler = throwing;
        current.next = (error) => errors.push(error);
        const answer = await send({ chunks: ['{}'] });
        assert.equal(answer.text, 'Internal Server Error');
        assert.deepEqual(
          errors.map((error) => (error as Error).message),
          ['handler bug'],
        );
      });

      it('answers 500 JSON itself when there is no next()', async () => {
        current.handler = throwing;
        const answer = await send({ chunks: ['{}'] });
        assert.equal(answer.status, 500);
        assert.deepEqual(answer.json, {
          error: { message: 'The server could not handle this request.' },
        });
      });
    });
  });
}
