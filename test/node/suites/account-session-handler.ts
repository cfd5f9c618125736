import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type Stripe from 'stripe';
import {
  BODY_LIMIT_BYTES,
  createAccountSessionHandler,
  SanitizedError,
  type AccountSessionHandlerOptions,
  type ComponentAllowlist,
} from '../../../packages/server/src/index.js';
import { call, post, SHOP_ORIGIN } from '../support/fetch-calls.js';
import { recordingOnError, SECRET_KEY } from '../support/leak-ledger.js';
import {
  startStripeApiDouble,
  STRIPE_ERRORS,
  type StripeApiDouble,
} from '../support/stripe-api-double.js';

const ACCOUNT = 'acct_1SignedInUser000';

const ALLOWLIST = {
  account_onboarding: {
    enabled: true,
    features: { external_account_collection: true, disable_stripe_user_authentication: false },
  },
  payments: { enabled: true, features: { refund_management: true, dispute_management: true } },
  notification_banner: { enabled: true },
} satisfies ComponentAllowlist;

/** A JSON body of exactly `size` bytes asking for `components`. */
export function bodyOfSize(size: number, components: string[] = ['payments']): string {
  const empty = JSON.stringify({ components, padding: '' });
  return JSON.stringify({ components, padding: 'x'.repeat(size - empty.length) });
}

export function accountSessionHandlerSuite(): void {
  describe('createAccountSessionHandler on the official stripe client', () => {
    let api: StripeApiDouble;
    let stripe: Stripe;

    before(async () => {
      api = await startStripeApiDouble();
      stripe = api.client();
    });
    after(() => api.close());

    const handlerWith = (options: Partial<AccountSessionHandlerOptions> = {}) =>
      createAccountSessionHandler({
        stripe,
        account: () => ACCOUNT,
        components: ALLOWLIST,
        onError: recordingOnError(),
        ...options,
      });

    /** The form parameters of the one Stripe request `run` makes. */
    async function paramsSentBy(run: () => Promise<unknown>): Promise<[string, string][]> {
      const before = api.requests.length;
      await run();
      assert.equal(api.requests.length, before + 1, 'exactly one Stripe request');
      const request = api.requests.at(-1)!;
      assert.equal(request.method, 'POST');
      assert.equal(request.path, '/v1/account_sessions');
      assert.equal(request.headers.authorization, `Bearer ${SECRET_KEY}`);
      return request.params;
    }

    it('enables the whole allowlist, with its features, when the body names no components', async () => {
      const params = await paramsSentBy(() => call(handlerWith(), post({})));
      assert.deepEqual(params, [
        ['account', ACCOUNT],
        ['components[account_onboarding][enabled]', 'true'],
        ['components[account_onboarding][features][external_account_collection]', 'true'],
        ['components[account_onboarding][features][disable_stripe_user_authentication]', 'false'],
        ['components[payments][enabled]', 'true'],
        ['components[payments][features][refund_management]', 'true'],
        ['components[payments][features][dispute_management]', 'true'],
        ['components[notification_banner][enabled]', 'true'],
      ]);
    });

    it('treats an empty body and an empty components list as the whole allowlist', async () => {
      const whole = await paramsSentBy(() => call(handlerWith(), post({})));
      assert.deepEqual(await paramsSentBy(() => call(handlerWith(), post(undefined))), whole);
      assert.deepEqual(
        await paramsSentBy(() => call(handlerWith(), post({ components: [] }))),
        whole,
      );
      assert.deepEqual(await paramsSentBy(() => call(handlerWith(), post(' \n'))), whole);
    });

    it('narrows the allowlist to the components the body asks for', async () => {
      const params = await paramsSentBy(() =>
        call(handlerWith(), post({ components: ['payments', 'notification_banner'] })),
      );
      assert.deepEqual(params, [
        ['account', ACCOUNT],
        ['components[payments][enabled]', 'true'],
        ['components[payments][features][refund_management]', 'true'],
        ['components[payments][features][dispute_management]', 'true'],
        ['components[notification_banner][enabled]', 'true'],
      ]);
    });

    it('ignores requested components outside the allowlist, never widening it', async () => {
      const params = await paramsSentBy(() =>
        call(
          handlerWith(),
          post({
            components: [
              'payouts',
              'account_onboarding',
              'balances',
              '__proto__',
              'toString',
              'no_such',
            ],
          }),
        ),
      );
      assert.deepEqual(params, [
        ['account', ACCOUNT],
        ['components[account_onboarding][enabled]', 'true'],
        ['components[account_onboarding][features][external_account_collection]', 'true'],
        ['components[account_onboarding][features][disable_stripe_user_authentication]', 'false'],
      ]);
    });

    it('sends a single-component allowlist with no features as just enabled', async () => {
      const params = await paramsSentBy(() =>
        call(
          handlerWith({ components: { payouts: { enabled: true } } }),
          post({ components: ['payouts'] }),
        ),
      );
      assert.deepEqual(params, [
        ['account', ACCOUNT],
        ['components[payouts][enabled]', 'true'],
      ]);
    });

    it('leaves out allowlist entries that say enabled: false', async () => {
      const params = await paramsSentBy(() =>
        call(
          handlerWith({
            components: {
              payouts: { enabled: false },
              balances: { enabled: true, features: { edit_payout_schedule: true } },
            },
          }),
          post({ components: ['payouts', 'balances'] }),
        ),
      );
      assert.deepEqual(params, [
        ['account', ACCOUNT],
        ['components[balances][enabled]', 'true'],
        ['components[balances][features][edit_payout_schedule]', 'true'],
      ]);
    });

    it('takes the account from account(), never from the body', async () => {
      const seen: Request[] = [];
      const handler = handlerWith({
        account: (request) => {
          seen.push(request);
          return ACCOUNT;
        },
      });
      const params = await paramsSentBy(() =>
        call(
          handler,
          post({ account: 'acct_attacker', components: ['payments'], 'components[x]': 1 }),
        ),
      );
      assert.equal(params.filter(([key]) => key === 'account').length, 1);
      assert.deepEqual(params[0], ['account', ACCOUNT]);
      assert.equal(seen.length, 1);
      assert.equal(new URL(seen[0]!.url).pathname, '/api/session');
    });

    it('answers 200 {client_secret, expires_at} as JSON with Cache-Control: no-store', async () => {
      const answer = await call(handlerWith(), post({ components: ['payments'] }));
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('cache-control'), 'no-store');
      assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
      const body = answer.json as { client_secret: string; expires_at: number };
      assert.deepEqual(Object.keys(body), ['client_secret', 'expires_at']);
      assert.match(body.client_secret, /^accs_secret__/);
      assert.ok(Math.abs(body.expires_at - (Date.now() / 1000 + 1800)) < 60);
    });

    it('refuses with 403, without calling Stripe, when every requested component is outside the allowlist', async () => {
      const before = api.requests.length;
      const answer = await call(handlerWith(), post({ components: ['payouts', 'tax_settings'] }));
      assert.equal(answer.status, 403);
      assert.deepEqual(answer.json, {
        error: { message: 'None of the requested components is enabled on this endpoint.' },
      });
      assert.equal(api.requests.length, before);
    });

    it('refuses a components field that is not a list of names with 400', async () => {
      for (const components of ['payments', [1, 2], { payments: true }, null]) {
        const answer = await call(handlerWith(), post({ components }));
        assert.equal(answer.status, 400, JSON.stringify(components));
        assert.match((answer.json as { error: { message: string } }).error.message, /components/);
      }
    });

    describe('answers every other case with JSON {error: {message}} and no-store', () => {
      const assertError = (
        answer: { status: number; headers: Headers; json: unknown },
        status: number,
      ) => {
        assert.equal(answer.status, status);
        assert.equal(answer.headers.get('cache-control'), 'no-store');
        const body = answer.json as { error: { message: string } };
        assert.deepEqual(Object.keys(body), ['error']);
        assert.equal(typeof body.error.message, 'string');
      };

      it('405 with Allow: POST for GET, PUT, DELETE, OPTIONS and HEAD', async () => {
        for (const method of ['GET', 'PUT', 'DELETE', 'OPTIONS', 'HEAD']) {
          const answer = await call(
            handlerWith(),
            new Request('https://shop.test/api/session', { method }),
          );
          assertError(answer, 405);
          assert.equal(answer.headers.get('allow'), 'POST', method);
        }
      });

      it('401 when account() finds nobody: null, undefined or an empty string', async () => {
        for (const nobody of [null, undefined, '']) {
          assertError(await call(handlerWith({ account: async () => nobody }), post({})), 401);
        }
      });

      it('500, reported to onError without secrets, when account() throws', async () => {
        const onError = recordingOnError();
        const handler = handlerWith({
          onError,
          account: () => {
            throw new Error(`session store down (key ${SECRET_KEY})`, {
              cause: new Error('pool exhausted'),
            });
          },
        });
        const answer = await call(handler, post({}));
        assertError(answer, 500);
        assert.equal(onError.calls.length, 1);
        const { error, context } = onError.calls[0]!;
        assert.ok(error instanceof SanitizedError);
        assert.equal(error.message, 'session store down (key [redacted])');
        assert.equal((error.cause as Error).message, 'pool exhausted');
        assert.deepEqual(context, {
          endpoint: 'account_session',
          stage: 'authentication',
          status: 500,
          method: 'POST',
          path: '/api/session',
        });
      });

      it('500 when account() returns something that is not an account id', async () => {
        const onError = recordingOnError();
        const account = (() => 42) as unknown as AccountSessionHandlerOptions['account'];
        assertError(await call(handlerWith({ account, onError }), post({})), 500);
        assert.equal(onError.calls[0]?.error.name, 'TypeError');
      });

      it('400 for a body that is not JSON, not a JSON object, or not UTF-8', async () => {
        const bodies: (string | Uint8Array<ArrayBuffer>)[] = [
          '{"components": [',
          'components=payments',
          '["payments"]',
          'null',
          '"payments"',
          new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
        ];
        for (const body of bodies) {
          const answer = await call(handlerWith(), post(body));
          assertError(answer, 400);
        }
      });

      it('accepts a body of exactly 16 KiB and refuses 16 KiB + 1 byte with 413', async () => {
        assert.equal(BODY_LIMIT_BYTES, 16384);
        const exact = bodyOfSize(16384);
        assert.equal(Buffer.byteLength(exact), 16384);
        assert.equal((await call(handlerWith(), post(exact))).status, 200);
        const over = bodyOfSize(16385);
        assertError(await call(handlerWith(), post(over)), 413);
      });

      it('refuses an oversized streamed body with no Content-Length after reading just past the limit', async () => {
        let pulled = 0;
        const endless = new ReadableStream<Uint8Array>({
          pull(controller) {
            pulled += 1024;
            controller.enqueue(new Uint8Array(1024).fill(0x20));
          },
        });
        const request = new Request('https://shop.test/api/session', {
          method: 'POST',
          body: endless,
          duplex: 'half',
          headers: { 'content-type': 'application/json' },
        } as RequestInit);
        assert.equal(request.headers.get('content-length'), null);
        assertError(await call(handlerWith(), request), 413);
        assert.ok(pulled <= BODY_LIMIT_BYTES + 4 * 1024, `pulled ${pulled} bytes`);
      });

      it('refuses a declared Content-Length over the limit without reading the body', async () => {
        let pulled = 0;
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            pulled += 1;
            controller.enqueue(new Uint8Array(1));
          },
        });
        const request = new Request('https://shop.test/api/session', {
          method: 'POST',
          body,
          duplex: 'half',
          headers: { 'content-length': '1000000', 'content-type': 'application/json' },
        } as RequestInit);
        assertError(await call(handlerWith(), request), 413);
        assert.ok(pulled <= 1, `pulled ${pulled} chunks`);
      });

      it('400 when the body stream fails while being read', async () => {
        const broken = new ReadableStream<Uint8Array>({
          pull(controller) {
            controller.error(new Error('socket hang up'));
          },
        });
        const request = new Request('https://shop.test/api/session', {
          method: 'POST',
          body: broken,
          duplex: 'half',
          headers: { 'content-type': 'application/json' },
        } as RequestInit);
        assertError(await call(handlerWith(), request), 400);
      });

      describe('allowedOrigins', () => {
        const guarded = () =>
          handlerWith({ allowedOrigins: [SHOP_ORIGIN, 'https://Admin.Shop.test:8443/'] });

        it('answers a listed origin', async () => {
          const answer = await call(guarded(), post({}, { headers: { origin: SHOP_ORIGIN } }));
          assert.equal(answer.status, 200);
        });

        it('matches listed origins written with capitals or a trailing slash', async () => {
          const answer = await call(
            guarded(),
            post({}, { headers: { origin: 'https://admin.shop.test:8443' } }),
          );
          assert.equal(answer.status, 200);
        });

        it('refuses a foreign origin with 403 before calling Stripe or account()', async () => {
          let asked = 0;
          const before = api.requests.length;
          const handler = handlerWith({
            allowedOrigins: [SHOP_ORIGIN],
            account: () => (asked++, ACCOUNT),
          });
          for (const origin of [
            'https://evil.test',
            'http://shop.test',
            'https://shop.test:444',
            'null',
          ]) {
            assertError(await call(handler, post({}, { headers: { origin } })), 403);
          }
          assert.equal(asked, 0);
          assert.equal(api.requests.length, before);
        });

        it('allows a request with no Origin header (not made by a browser)', async () => {
          assert.equal((await call(guarded(), post({}))).status, 200);
        });

        it('refuses a request with no Origin that a browser marked Sec-Fetch-Site: cross-site', async () => {
          const answer = await call(
            guarded(),
            post({}, { headers: { 'sec-fetch-site': 'cross-site' } }),
          );
          assertError(answer, 403);
        });

        it('with no allowedOrigins, checks no origin', async () => {
          const answer = await call(
            handlerWith(),
            post({}, { headers: { origin: 'https://anywhere.test' } }),
          );
          assert.equal(answer.status, 200);
        });

        it('refuses to start with an entry that is not an origin', () => {
          for (const entry of ['shop.test', 'null', '*']) {
            assert.throws(() => handlerWith({ allowedOrigins: [entry] }), TypeError, entry);
          }
        });
      });
    });

    describe('answers 502 {error: {message, request_id}} when Stripe fails', () => {
      for (const status of [400, 401, 429, 500] as const) {
        it(`when Stripe answers ${status}, with Stripe's request id and a sanitized report`, async () => {
          const onError = recordingOnError();
          api.answerNext(STRIPE_ERRORS[status]);
          const answer = await call(handlerWith({ onError }), post({}));
          assert.equal(answer.status, 502);
          assert.equal(answer.headers.get('cache-control'), 'no-store');
          const body = answer.json as { error: { message: string; request_id: string } };
          assert.deepEqual(Object.keys(body.error), ['message', 'request_id']);
          assert.match(body.error.request_id, /^req_double/);
          assert.doesNotMatch(body.error.message, /parameter|API Key|rate limit|unknown error/i);

          assert.equal(onError.calls.length, 1);
          const { error, context } = onError.calls[0]!;
          assert.equal(context.stage, 'stripe');
          assert.equal(context.status, 502);
          assert.equal(error.statusCode, status);
          assert.equal(error.requestId, body.error.request_id);
          assert.match(error.type ?? '', /^Stripe\w+Error$/);
          for (const field of ['raw', 'headers', 'detail', 'requestBody']) {
            assert.equal(field in error, false, `${field} must not be passed on`);
          }
        });
      }

      it('names the Stripe error class, code and param in the report of a 400', async () => {
        const onError = recordingOnError();
        api.answerNext(STRIPE_ERRORS[400]);
        await call(handlerWith({ onError }), post({}));
        const { error } = onError.calls[0]!;
        assert.equal(error.name, 'StripeInvalidRequestError');
        assert.equal(error.type, 'StripeInvalidRequestError');
        assert.equal(error.rawType, 'invalid_request_error');
        assert.equal(error.code, 'parameter_unknown');
        assert.equal(error.param, 'components[paymentz]');
        assert.equal(error.docUrl, 'https://stripe.com/docs/error-codes/parameter-unknown');
      });

      it('scrubs the secret key out of the report of a 401', async () => {
        const onError = recordingOnError();
        api.answerNext(STRIPE_ERRORS[401]);
        await call(handlerWith({ onError }), post({}));
        assert.equal(onError.calls[0]?.error.message, 'Invalid API Key provided: [redacted]');
      });

      it('scrubs client secrets out of the report when Stripe’s message holds one', async () => {
        const issued = (await call(handlerWith(), post({}))).json as { client_secret: string };
        const onError = recordingOnError();
        api.answerNext({
          status: 500,
          body: {
            error: { type: 'api_error', message: `Could not refresh ${issued.client_secret}.` },
          },
        });
        await call(handlerWith({ onError }), post({}));
        assert.equal(onError.calls[0]?.error.message, 'Could not refresh [redacted].');
      });

      it('when Stripe does not answer within stripeTimeout (no request id)', async () => {
        const onError = recordingOnError();
        api.answerNext('no-answer');
        const answer = await call(handlerWith({ stripeTimeout: 300, onError }), post({}));
        assert.equal(answer.status, 502);
        assert.deepEqual(Object.keys((answer.json as { error: object }).error), ['message']);
        assert.match(onError.calls[0]?.error.name ?? '', /^Stripe(Connection|Timeout)Error$/);
        assert.equal(onError.calls[0]?.error.requestId, undefined);
      });

      it('when Stripe cannot be reached at all', async () => {
        const closed = await startStripeApiDouble();
        const unreachable = closed.client();
        await closed.close();
        const onError = recordingOnError();
        const answer = await call(handlerWith({ stripe: unreachable, onError }), post({}));
        assert.equal(answer.status, 502);
        assert.equal(onError.calls[0]?.error.name, 'StripeConnectionError');
      });

      it('when Stripe answers a session without a client secret', async () => {
        api.answerNext({ status: 200, body: { object: 'account_session', client_secret: null } });
        const onError = recordingOnError();
        const answer = await call(handlerWith({ onError }), post({}));
        assert.equal(answer.status, 502);
        assert.match(onError.calls[0]?.error.message ?? '', /client_secret/);
      });
    });

    it('answers the same when onError throws or rejects', async () => {
      api.answerNext(STRIPE_ERRORS[500]);
      const throwing = await call(
        handlerWith({
          onError: () => {
            throw new Error('logger down');
          },
        }),
        post({}),
      );
      assert.equal(throwing.status, 502);
      api.answerNext(STRIPE_ERRORS[500]);
      const rejecting = await call(
        handlerWith({ onError: () => Promise.reject(new Error('logger down')) }),
        post({}),
      );
      assert.equal(rejecting.status, 502);
    });

    it('answers 500, reported as internal, when something unexpected breaks inside the handler', async () => {
      const onError = recordingOnError();
      const request = post({});
      Object.defineProperty(request, 'headers', {
        get: () => {
          throw new Error('broken request');
        },
      });
      const answer = await call(handlerWith({ onError }), request);
      assert.equal(answer.status, 500);
      assert.equal(onError.calls[0]?.context.stage, 'internal');
    });

    it('refuses to start without a Stripe client, an account resolver or an enabled component', () => {
      const options = { stripe, account: () => ACCOUNT, components: ALLOWLIST };
      assert.throws(
        () => createAccountSessionHandler({ ...options, stripe: {} as never }),
        TypeError,
      );
      assert.throws(
        () => createAccountSessionHandler({ ...options, account: 'acct_1' as never }),
        TypeError,
      );
      assert.throws(() => createAccountSessionHandler({ ...options, components: {} }), TypeError);
      assert.throws(
        () =>
          createAccountSessionHandler({ ...options, components: { payments: { enabled: false } } }),
        /at least one component/,
      );
    });

    it('types the allowlist with the stripe package, so a misspelt component or feature fails to compile', () => {
      const typoComponent: ComponentAllowlist = {
        // @ts-expect-error — `paymentz` is not a component
        paymentz: { enabled: true },
      };
      const typoFeature: ComponentAllowlist = {
        // @ts-expect-error — `refunds` is not a feature of payments
        payments: { enabled: true, features: { refunds: true } },
      };
      assert.ok(typoComponent && typoFeature);
    });
  });
}
