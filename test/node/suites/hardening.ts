/**
 * The server's hardening (issue 12): secrets scrubbed wherever they start, reports that survive
 * hostile error objects, JSON-only bodies, deadlines for the body and for Stripe, no Stripe call
 * for a client that went away, strict `allowedOrigins` entries, a bounded account listing, and
 * the Content-Security-Policy helper.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type Stripe from 'stripe';
import { SECRET_PATTERNS as CORE_PATTERNS } from '../../../packages/core/src/secret-scrubbing.js';
import {
  createAccountSessionHandler,
  createFinancialConnectionsSessionHandler,
  DEFAULT_BODY_TIMEOUT_MS,
  DEFAULT_MAX_ACCOUNT_PAGES,
  DEFAULT_STRIPE_TIMEOUT_MS,
  retrieveFinancialConnectionsSession,
  scrubSecrets,
  stripeContentSecurityPolicy,
  stripeCspDirectives,
  toNodeHandler,
  type AccountSessionHandlerOptions,
  type AccountSessionStripeClient,
  type FetchHandler,
  type FinancialConnectionsRetrievalStripeClient,
} from '../../../packages/server/src/index.js';
import { SECRET_PATTERNS as SERVER_PATTERNS } from '../../../packages/server/src/secret-scrubbing.js';
import { call, post, SHOP_ORIGIN } from '../support/fetch-calls.js';
import { recordAnswer, recordingOnError, SECRET_KEY } from '../support/leak-ledger.js';
import { startStripeApiDouble, type StripeApiDouble } from '../support/stripe-api-double.js';

const ACCOUNT = 'acct_1Hardening000001';
const COMPONENTS = { payments: { enabled: true } } as const;

/** A Stripe client that records each AccountSession call and answers as `answer` says. */
function recordingStripe(answer: () => Promise<unknown> = async () => ({})) {
  const calls: Array<{ params: unknown; options: unknown }> = [];
  const stripe = {
    accountSessions: {
      create(params: unknown, options?: unknown) {
        calls.push({ params, options });
        return answer().then(() => ({ client_secret: 'accs_secret__Recorded', expires_at: 1 }));
      },
    },
  } as unknown as AccountSessionStripeClient;
  return { stripe, calls };
}

const handlerWith = (options: Partial<AccountSessionHandlerOptions> = {}) =>
  createAccountSessionHandler({
    stripe: recordingStripe().stripe,
    account: () => ACCOUNT,
    components: COMPONENTS,
    onError: recordingOnError(),
    ...options,
  });

/** An error whose `message` (and `stack`) getter throws, as a hostile library might throw. */
function errorWithThrowingMessage(): Error {
  const error = new Error('placeholder');
  for (const field of ['stack', 'message']) {
    Object.defineProperty(error, field, {
      get() {
        throw new Error(`${field} getter throws`);
      },
    });
  }
  return error;
}

/** A Proxy of an Error whose every trap throws (`instanceof` included). */
function proxyThatThrows(): unknown {
  const trap = () => {
    throw new Error('trap');
  };
  return new Proxy(new Error('proxied'), {
    get: trap,
    getPrototypeOf: trap,
    has: trap,
    ownKeys: trap,
    getOwnPropertyDescriptor: trap,
  });
}

const never = () => new Promise<never>(() => {});

export function hardeningSuite(): void {
  describe('hardening', () => {
    describe('secret scrubbing wherever a key starts', () => {
      const key = 'sk_test_51HardeningKey0123456789';
      const cases: Array<[string, string]> = [
        ['after a JSON-escaped newline', `{"line":"\\n${key}"}`],
        ['after a real newline', `line\n${key}`],
        ['URL-encoded after Bearer', `Authorization: Bearer%20${key}`],
        ['after an encoded quote', `q=%22${key}%22`],
        ['after a letter', `x${key}`],
        ['after a digit', `9${key}`],
        ['live and restricted keys', `9sk_live_51Abc0123 Xrk_live_51Abc0123 0rk_test_51Abc0123`],
        ['with encoded underscores', `sk%5Ftest%5F51Abc0123`],
        ['a client secret after an encoded quote', `%22accs_secret__AbCdEf0123%22`],
        ['a client secret after a newline escape', `\\nfcsess_client_secret_AbCd0123`],
        ['a base64 key, as in Basic auth', `Authorization: Basic ${btoa(`${key}:`)}`],
      ];
      for (const [what, text] of cases) {
        it(`removes a key or client secret ${what}`, () => {
          const scrubbed = scrubSecrets(text);
          assert.match(scrubbed, /\[redacted\]/);
          assert.doesNotMatch(scrubbed, /(sk|rk)(_|%5F)(test|live)|_secret_|c2tfdGVz/, scrubbed);
        });
      }

      it('uses the same patterns as the browser kit', () => {
        assert.deepEqual(SERVER_PATTERNS.map(String), CORE_PATTERNS.map(String));
      });

      it('scrubs message and stack of a report whose keys sit after an escape', async () => {
        const onError = recordingOnError();
        const message = `lookup failed: {"auth":"\\n${SECRET_KEY}"} Bearer%20${SECRET_KEY} %22${SECRET_KEY}%22`;
        const handler = handlerWith({
          onError,
          account: () => {
            throw new Error(message);
          },
        });
        assert.equal((await call(handler, post({}))).status, 500);
        const { error } = onError.calls[0]!;
        for (const text of [error.message, error.stack ?? '']) {
          assert.doesNotMatch(text, /sk_test/);
          assert.match(text, /\[redacted\]/);
        }
      });
    });

    describe('reporting hostile error objects', () => {
      it('reports an error whose message getter throws, and still answers 500', async () => {
        const onError = recordingOnError();
        const handler = handlerWith({
          onError,
          account: () => {
            throw errorWithThrowingMessage();
          },
        });
        assert.equal((await call(handler, post({}))).status, 500);
        assert.equal(onError.calls.length, 1);
        assert.equal(
          onError.calls[0]!.error.message,
          'An error was thrown that could not be read.',
        );
        assert.equal(onError.calls[0]!.context.stage, 'authentication');
      });

      it('reports a Proxy whose every trap throws', async () => {
        const onError = recordingOnError();
        const handler = handlerWith({
          onError,
          account: () => {
            throw proxyThatThrows();
          },
        });
        assert.equal((await call(handler, post({}))).status, 500);
        assert.equal(onError.calls.length, 1);
        assert.equal(onError.calls[0]!.error.name, 'Error');
      });

      it('answers 502 and reports when the Stripe call throws a hostile error', async () => {
        const onError = recordingOnError();
        const hostile = errorWithThrowingMessage();
        Object.defineProperty(hostile, 'requestId', {
          get() {
            throw new Error('requestId getter throws');
          },
        });
        const { stripe } = recordingStripe(() => Promise.reject(hostile));
        const answer = await call(handlerWith({ stripe, onError }), post({}));
        assert.equal(answer.status, 502);
        assert.equal(onError.calls.length, 1);
        assert.equal(onError.calls[0]!.context.stage, 'stripe');
      });

      it('keeps what can be read of a hostile error: a scrubbed message, a cause', async () => {
        const onError = recordingOnError();
        const error = new Error(`denied for ${SECRET_KEY}`, { cause: errorWithThrowingMessage() });
        Object.defineProperty(error, 'name', {
          get() {
            throw new Error('name getter throws');
          },
        });
        const handler = handlerWith({
          onError,
          account: () => {
            throw error;
          },
        });
        await call(handler, post({}));
        const report = onError.calls[0]!.error;
        assert.equal(report.name, 'Error');
        assert.equal(report.message, 'denied for [redacted]');
        assert.equal(
          (report.cause as Error).message,
          'An error was thrown that could not be read.',
        );
      });
    });

    describe('JSON bodies only', () => {
      it('answers 415, without calling Stripe, to anything but application/json', async () => {
        const { stripe, calls } = recordingStripe();
        const handler = handlerWith({ stripe });
        for (const type of [
          'text/plain',
          'text/plain;charset=UTF-8',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/jsonx',
          'application/json-patch+json',
          'application/json, text/plain',
          '',
        ]) {
          const request = post({}, { headers: { 'content-type': type } });
          if (type === '') request.headers.delete('content-type');
          const answer = await call(handler, request);
          assert.equal(answer.status, 415, JSON.stringify(type));
          assert.deepEqual(answer.json, {
            error: { message: 'The request body must be sent as Content-Type: application/json.' },
          });
          assert.equal(answer.headers.get('cache-control'), 'no-store');
        }
        assert.equal(calls.length, 0);
      });

      it('accepts application/json in any case and with parameters', async () => {
        for (const type of [
          'application/json',
          'application/json; charset=utf-8',
          'Application/JSON;charset="UTF-8"',
          'application/json ;',
        ]) {
          const answer = await call(handlerWith(), post({}, { headers: { 'content-type': type } }));
          assert.equal(answer.status, 200, type);
        }
      });

      it('checks the content type after the method and origin, and before the size', async () => {
        const guarded = handlerWith({ allowedOrigins: [SHOP_ORIGIN] });
        const plain = { 'content-type': 'text/plain' };
        const get = new Request('https://shop.test/api/session', { method: 'GET', headers: plain });
        assert.equal((await call(guarded, get)).status, 405);
        const foreign = post({}, { headers: { ...plain, origin: 'https://evil.test' } });
        assert.equal((await call(guarded, foreign)).status, 403);
        const big = post('x'.repeat(20_000), { headers: plain });
        assert.equal((await call(guarded, big)).status, 415);
      });
    });

    describe('Stripe deadline', () => {
      it('passes stripe-node a per-request timeout: 10 s by default, or stripeTimeout', async () => {
        assert.equal(DEFAULT_STRIPE_TIMEOUT_MS, 10_000);
        const byDefault = recordingStripe();
        await call(handlerWith({ stripe: byDefault.stripe }), post({}));
        assert.deepEqual(byDefault.calls[0]!.options, { timeout: 10_000 });
        const short = recordingStripe();
        await call(handlerWith({ stripe: short.stripe, stripeTimeout: 250 }), post({}));
        assert.deepEqual(short.calls[0]!.options, { timeout: 250 });
      });

      it('passes the timeout on for Financial Connections Sessions too', async () => {
        const seen: unknown[] = [];
        const handler = createFinancialConnectionsSessionHandler({
          stripe: {
            financialConnections: {
              sessions: {
                create: async (_params: unknown, options?: unknown) => {
                  seen.push(options);
                  return { id: 'fcsess_Hardening', client_secret: 'fcsess_client_secret_Hard' };
                },
              },
            },
          } as never,
          accountHolder: () => ({ type: 'customer', customer: 'cus_Hardening' }),
          permissions: ['balances'],
          stripeTimeout: 1234,
        });
        assert.equal((await call(handler, post({}))).status, 200);
        assert.deepEqual(seen, [{ timeout: 1234 }]);
      });

      it(
        'answers 502 once stripeTimeout has passed, however long the Stripe call would take',
        { timeout: 5000 },
        async () => {
          const onError = recordingOnError();
          const { stripe } = recordingStripe(never);
          const started = performance.now();
          const answer = await call(handlerWith({ stripe, onError, stripeTimeout: 150 }), post({}));
          assert.equal(answer.status, 502);
          assert.ok(performance.now() - started < 2000, 'answered at the deadline');
          assert.equal(onError.calls[0]!.error.name, 'StripeTimeoutError');
          assert.equal(onError.calls[0]!.context.stage, 'stripe');
        },
      );

      it('refuses a stripeTimeout setTimeout cannot wait', () => {
        for (const stripeTimeout of [0, -1, 2_147_483_648, Number.NaN, Infinity]) {
          assert.throws(() => handlerWith({ stripeTimeout }), TypeError, String(stripeTimeout));
        }
        assert.doesNotThrow(() => handlerWith({ stripeTimeout: 2_147_483_647 }));
      });

      describe('on the official stripe client', () => {
        let api: StripeApiDouble;
        let stripe: Stripe;
        before(async () => {
          api = await startStripeApiDouble();
          stripe = api.client(5000);
        });
        after(() => api.close());

        it('gives up on a silent Stripe at stripeTimeout, not at the client’s own timeout', async () => {
          api.answerNext('no-answer');
          const started = performance.now();
          const answer = await call(handlerWith({ stripe, stripeTimeout: 300 }), post({}));
          assert.equal(answer.status, 502);
          assert.ok(performance.now() - started < 2000, `${performance.now() - started} ms`);
        });
      });
    });

    describe('a client that went away', () => {
      it('makes no Stripe call when the request is aborted before Stripe is called', async () => {
        const { stripe, calls } = recordingStripe();
        const client = new AbortController();
        const handler = handlerWith({
          stripe,
          account: () => {
            client.abort(); // the browser tab closed while the session store was asked
            return ACCOUNT;
          },
        });
        const answer = await call(handler, post({}, { signal: client.signal }));
        assert.equal(answer.status, 499);
        assert.equal(calls.length, 0);
      });

      for (const wrapped of [false, true]) {
        it(
          `through toNodeHandler${wrapped ? ', around a Fetch handler of its own' : ''}: a dropped connection aborts the request, and Stripe is not called`,
          { timeout: 5000 },
          async () => {
            const { stripe, calls } = recordingStripe();
            let markAsked!: (request: Request) => void;
            const asked = new Promise<Request>((resolve) => (markAsked = resolve));
            let resolveAccount!: (id: string) => void;
            const handler = handlerWith({
              stripe,
              account: (request) => {
                markAsked(request);
                return new Promise<string>((resolve) => (resolveAccount = resolve));
              },
            });
            // The handler itself takes the adapter's pipeline; a wrapper is a Fetch handler.
            const adapter = toNodeHandler(wrapped ? (request) => handler(request) : handler);
            let markFinished!: (status: number) => void;
            const finished = new Promise<number>((resolve) => (markFinished = resolve));
            let markClosed!: () => void;
            const closed = new Promise<void>((resolve) => (markClosed = resolve));
            const server = createServer((request, response) => {
              response.once('close', () => markClosed());
              const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
              response.end = ((...args: unknown[]) => {
                markFinished(response.statusCode);
                return end(...args);
              }) as typeof response.end;
              adapter(request, response);
            });
            server.listen(0, '127.0.0.1');
            await once(server, 'listening');
            try {
              const request = httpRequest({
                host: '127.0.0.1',
                port: (server.address() as AddressInfo).port,
                method: 'POST',
                path: '/api/session',
                headers: { 'content-type': 'application/json' },
              });
              request.on('error', () => {});
              request.end('{}');
              const seen = await asked;
              assert.equal(seen.signal.aborted, false);
              request.destroy(); // the browser tab closed while the session store was asked
              await closed;
              assert.equal(seen.signal.aborted, true, 'the signal the account callback got');
              resolveAccount(ACCOUNT);
              assert.equal(await finished, 499);
              assert.equal(calls.length, 0);
            } finally {
              server.closeAllConnections();
              server.close();
            }
          },
        );
      }
    });

    describe('toNodeHandler body deadline', () => {
      let server: ReturnType<typeof createServer>;
      let port: number;
      let handlerCalls = 0;
      before(async () => {
        const handler: FetchHandler = async () => {
          handlerCalls += 1;
          return Response.json({});
        };
        server = createServer(toNodeHandler(handler, { bodyTimeout: 150 }));
        server.listen(0, '127.0.0.1');
        await once(server, 'listening');
        port = (server.address() as AddressInfo).port;
      });
      after(async () => {
        server.closeAllConnections();
        server.close();
        await once(server, 'close');
      });

      it('answers 408 with Connection: close to a body that does not arrive in time', async () => {
        const request = httpRequest({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/session',
          headers: { 'content-type': 'application/json', 'content-length': '100' },
        });
        request.on('error', () => {});
        request.write('{"components":'); // and nothing more
        const started = performance.now();
        const answered = once(request, 'response') as Promise<[IncomingMessage]>;
        const late = new Promise<never>((_resolve, reject) =>
          setTimeout(() => reject(new Error('no answer within 3 s')), 3000).unref(),
        );
        const [response] = await Promise.race([answered, late]);
        let text = '';
        for await (const chunk of response) text += String(chunk);
        recordAnswer({
          where: 'node adapter 408',
          status: response.statusCode ?? 0,
          headers: response.headers as Record<string, string>,
          body: text,
        });
        assert.equal(response.statusCode, 408);
        assert.equal(response.headers.connection, 'close');
        assert.deepEqual(JSON.parse(text), {
          error: { message: 'The request body did not arrive in time.' },
        });
        assert.ok(performance.now() - started < 2000);
        assert.equal(handlerCalls, 0);
        request.destroy();
      });

      it('waits 10 s by default, and refuses a bodyTimeout setTimeout cannot wait', () => {
        assert.equal(DEFAULT_BODY_TIMEOUT_MS, 10_000);
        for (const bodyTimeout of [0, 2_147_483_648, Number.NaN]) {
          assert.throws(() => toNodeHandler(handlerWith(), { bodyTimeout }), TypeError);
        }
      });
    });

    describe('allowedOrigins entries', () => {
      it('throws a TypeError naming an entry with a path, query, user info or wildcard', () => {
        for (const entry of [
          'https://shop.test/path',
          'https://shop.test/?a=1',
          'https://shop.test?',
          'https://shop.test/#top',
          'https://user@shop.test',
          'https://user:pw@shop.test',
          'https://shop.test/*',
          'https://shop.test*',
          'https://*.shop.test',
          'ftp://shop.test',
        ]) {
          assert.throws(
            () => handlerWith({ allowedOrigins: [entry] }),
            (error: unknown) => error instanceof TypeError && error.message.includes(`"${entry}"`),
            entry,
          );
        }
      });

      it('accepts plain origins, with capitals, a trailing slash, a port or an IPv6 host', async () => {
        const handler = handlerWith({
          allowedOrigins: ['https://Shop.Test/', 'http://localhost:3000', 'https://[::1]:8443'],
        });
        for (const origin of ['https://shop.test', 'http://localhost:3000', 'https://[::1]:8443']) {
          assert.equal((await call(handler, post({}, { headers: { origin } }))).status, 200);
        }
      });
    });

    describe('retrieveFinancialConnectionsSession page bound', () => {
      const HOLDER = { type: 'customer', customer: 'cus_PageBound' } as const;
      /** A Stripe whose account listing has `pages` pages after the session's own. */
      function pagedStripe(pages: number) {
        let listed = 0;
        const account = (index: number) => ({ id: `fca_${index}`, account_holder: { ...HOLDER } });
        const stripe = {
          financialConnections: {
            sessions: {
              retrieve: async (id: string) => ({
                id,
                account_holder: { ...HOLDER },
                accounts: { data: [account(0)], has_more: true },
              }),
            },
            accounts: {
              list: async () => {
                listed += 1;
                return { data: [account(listed)], has_more: listed < pages };
              },
            },
          },
        } as unknown as FinancialConnectionsRetrievalStripeClient;
        return { stripe, listed: () => listed };
      }

      it('stops after 100 pages by default with a clear error', async () => {
        assert.equal(DEFAULT_MAX_ACCOUNT_PAGES, 100);
        const { stripe, listed } = pagedStripe(250);
        await assert.rejects(
          retrieveFinancialConnectionsSession(stripe, 'fcsess_PageBound', HOLDER),
          (error: unknown) =>
            error instanceof RangeError &&
            /fcsess_PageBound has more than 100 pages of accounts/.test(error.message),
        );
        assert.equal(listed(), 99);
      });

      it('reads up to maxPages pages, and all of a session that has no more', async () => {
        const short = pagedStripe(250);
        await assert.rejects(
          retrieveFinancialConnectionsSession(short.stripe, 'fcsess_PageBound', HOLDER, {
            maxPages: 3,
          }),
          RangeError,
        );
        assert.equal(short.listed(), 2);
        const within = pagedStripe(4);
        const accounts = await retrieveFinancialConnectionsSession(
          within.stripe,
          'fcsess_PageBound',
          HOLDER,
          { maxPages: 5 },
        );
        assert.equal(accounts.length, 5);
        await assert.rejects(
          retrieveFinancialConnectionsSession(within.stripe, 'fcsess_PageBound', HOLDER, {
            maxPages: 0,
          }),
          TypeError,
        );
      });
    });

    describe('Content-Security-Policy helper', () => {
      const CONNECT_AND_STRIPE_JS = [
        'frame-src https://connect-js.stripe.com https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com',
        'img-src https://*.stripe.com',
        'script-src https://connect-js.stripe.com https://js.stripe.com https://*.js.stripe.com https://maps.googleapis.com',
        "style-src 'sha256-0hAheEzaMe6uXIKV4EehS9pu1am1lj/KnnzrOYqckXk='",
        'connect-src https://api.stripe.com https://maps.googleapis.com',
      ].join('; ');

      it('returns the directives Stripe documents, for Connect and Stripe.js', () => {
        assert.equal(stripeContentSecurityPolicy(), CONNECT_AND_STRIPE_JS);
        assert.deepEqual(stripeCspDirectives({ products: ['connect'] }), {
          'frame-src': ['https://connect-js.stripe.com', 'https://js.stripe.com'],
          'img-src': ['https://*.stripe.com'],
          'script-src': ['https://connect-js.stripe.com', 'https://js.stripe.com'],
          'style-src': ["'sha256-0hAheEzaMe6uXIKV4EehS9pu1am1lj/KnnzrOYqckXk='"],
        });
        assert.deepEqual(stripeCspDirectives({ products: ['financial-connections'] }), {
          'connect-src': ['https://api.stripe.com', 'https://maps.googleapis.com'],
          'frame-src': [
            'https://*.js.stripe.com',
            'https://js.stripe.com',
            'https://hooks.stripe.com',
          ],
          'script-src': [
            'https://*.js.stripe.com',
            'https://js.stripe.com',
            'https://maps.googleapis.com',
          ],
        });
      });

      it('merges them into the app’s policy, keeping its nonce and strict-dynamic', () => {
        const nonce = "'nonce-cmFuZG9tMTIzNDU2Nzg='";
        const header = stripeContentSecurityPolicy({
          products: ['connect'],
          policy: `default-src 'self'; script-src 'self' ${nonce} 'strict-dynamic'; object-src 'none'`,
        });
        assert.equal(
          header,
          [
            "default-src 'self'",
            `script-src 'self' ${nonce} 'strict-dynamic' https://connect-js.stripe.com https://js.stripe.com`,
            "object-src 'none'",
            "frame-src 'self' https://connect-js.stripe.com https://js.stripe.com",
            "img-src 'self' https://*.stripe.com",
            "style-src 'self' 'sha256-0hAheEzaMe6uXIKV4EehS9pu1am1lj/KnnzrOYqckXk='",
          ].join('; '),
        );
      });

      it('starts a missing directive from its fallback, and leaves an unrestricted one alone', () => {
        assert.deepEqual(
          stripeCspDirectives({
            products: ['connect'],
            policy: { childSrc: "'self'", frameAncestors: "'none'", 'img-src': ["'none'"] },
          }),
          {
            'child-src': ["'self'"],
            'frame-ancestors': ["'none'"],
            'img-src': ['https://*.stripe.com'],
            'frame-src': ["'self'", 'https://connect-js.stripe.com', 'https://js.stripe.com'],
          },
        );
      });

      it('leaves the style hash out where it would switch off the app’s unsafe-inline', () => {
        const directives = stripeCspDirectives({
          products: ['connect'],
          policy: { 'style-src': ["'self'", "'unsafe-inline'"], 'style-src-elem': ["'self'"] },
        });
        assert.deepEqual(directives['style-src'], ["'self'", "'unsafe-inline'"]);
        assert.deepEqual(directives['style-src-elem'], [
          "'self'",
          "'sha256-0hAheEzaMe6uXIKV4EehS9pu1am1lj/KnnzrOYqckXk='",
        ]);
      });

      it('adds the connect-elements Trusted Types policy to a trusted-types directive', () => {
        const header = stripeContentSecurityPolicy({
          products: [],
          policy: "require-trusted-types-for 'script'; trusted-types 'none'",
        });
        assert.equal(header, "require-trusted-types-for 'script'; trusted-types connect-elements");
        assert.equal(
          stripeContentSecurityPolicy({ products: [], policy: 'trusted-types lit-html' }),
          'trusted-types lit-html connect-elements',
        );
      });

      it('allows the CSS files of Connect’s fonts in connect-src, without their query', () => {
        assert.deepEqual(
          stripeCspDirectives({
            products: [],
            fontCssUrls: ['https://fonts.googleapis.com/css2?family=Inter&display=swap'],
            policy: "default-src 'self'",
          }),
          {
            'default-src': ["'self'"],
            'connect-src': ["'self'", 'https://fonts.googleapis.com/css2'],
          },
        );
        assert.throws(() => stripeCspDirectives({ fontCssUrls: ['/fonts.css'] }), TypeError);
      });

      it('refuses a source that would change the policy (a nonce with a semicolon)', () => {
        assert.throws(
          () => stripeCspDirectives({ policy: { 'script-src': ["'nonce-x'; script-src *"] } }),
          TypeError,
        );
      });
    });
  });
}
