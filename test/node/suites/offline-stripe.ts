import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Stripe from 'stripe';
import {
  createAccountSessionHandler,
  createFinancialConnectionsSessionHandler,
  retrieveFinancialConnectionsSession,
  type AccountSessionStripeClient,
  type FinancialConnectionsRetrievalStripeClient,
  type FinancialConnectionsSessionStripeClient,
} from '../../../packages/server/src/index.js';
import { parseOfflineClientSecret } from '../../../packages/testing/src/offline-secret.js';
import {
  createOfflineStripe,
  type OfflineStripe,
} from '../../../packages/testing/src/offline-stripe.js';
import { call, post } from '../support/fetch-calls.js';
import { recordingOnError, rememberSecret, SECRET_KEY } from '../support/leak-ledger.js';

const NOW = Date.UTC(2030, 0, 2, 3, 4, 5);
const NOW_SECONDS = NOW / 1000;
const CUSTOMER = { type: 'customer', customer: 'cus_Offline0001' } as const;

/** Expects `promise` to fail as Stripe's API would: a 400 (or `status`) StripeInvalidRequestError. */
async function rejectsLikeStripe(
  promise: Promise<unknown>,
  expected: { param: string; message?: RegExp; code?: string; status?: number },
): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof Stripe.errors.StripeInvalidRequestError, String(error));
    assert.ok(error instanceof Stripe.errors.StripeError);
    assert.equal(error.type, 'StripeInvalidRequestError');
    assert.equal(error.rawType, 'invalid_request_error');
    assert.equal(error.statusCode, expected.status ?? 400);
    assert.equal(error.param, expected.param);
    assert.match(error.requestId ?? '', /^req_offline/);
    if (expected.message) assert.match(error.message, expected.message);
    if (expected.code) assert.equal(error.code, expected.code);
    return true;
  });
}

export function offlineStripeSuite(): void {
  describe('createOfflineStripe', () => {
    const offline = (options = {}) => createOfflineStripe({ now: () => NOW, ...options });

    it('fits every handler’s stripe option, as the official client does', () => {
      const clients: [
        AccountSessionStripeClient,
        FinancialConnectionsSessionStripeClient,
        FinancialConnectionsRetrievalStripeClient,
      ][] = [
        [createOfflineStripe(), createOfflineStripe(), createOfflineStripe()],
        [new Stripe(SECRET_KEY), new Stripe(SECRET_KEY), new Stripe(SECRET_KEY)],
      ];
      assert.equal(clients.length, 2);
    });

    describe('accountSessions.create', () => {
      it('answers an account_session shaped as Stripe’s', async () => {
        const session = await offline().accountSessions.create({
          account: 'acct_Offline0001',
          components: {
            payments: { enabled: true, features: { refund_management: true } },
            payouts: { enabled: false },
          },
        });
        rememberSecret(session.client_secret);
        assert.equal(session.object, 'account_session');
        assert.equal(session.account, 'acct_Offline0001');
        assert.equal(session.livemode, false);
        assert.equal(session.expires_at, NOW_SECONDS + 1800);
        assert.match(session.client_secret, /^accs_secret__offline_[A-Za-z0-9]{24}_\d{10}$/);
        assert.deepEqual(session.components.payments, {
          enabled: true,
          features: { refund_management: true },
        });
        assert.deepEqual(session.components.payouts, { enabled: false, features: {} });
        assert.deepEqual(session.components.account_onboarding, { enabled: false, features: {} });
        assert.equal(Object.keys(session.components).length, 25);
        assert.match(session.lastResponse.requestId, /^req_offline/);
        assert.equal(session.lastResponse.statusCode, 200);
        assert.equal(Object.keys(session).includes('lastResponse'), false);
      });

      it('encodes the expiry in the secret for parseOfflineClientSecret()', async () => {
        const session = await offline({ sessionLifetimeSeconds: 60 }).accountSessions.create({
          account: 'acct_Offline0001',
          components: { payments: { enabled: true } },
        });
        rememberSecret(session.client_secret);
        assert.equal(session.expires_at, NOW_SECONDS + 60);
        assert.deepEqual(parseOfflineClientSecret(session.client_secret), {
          expiresAt: session.expires_at,
        });
        assert.equal(parseOfflineClientSecret('accs_secret__realStripeSecret'), null);
      });

      it('lasts 30 minutes from the real clock by default', async () => {
        const session = await createOfflineStripe().accountSessions.create({
          account: 'acct_Offline0001',
          components: { payments: { enabled: true } },
        });
        rememberSecret(session.client_secret);
        assert.ok(Math.abs(session.expires_at - (Date.now() / 1000 + 1800)) <= 2);
      });

      it('refuses a lifetime that is not a positive number', () => {
        for (const sessionLifetimeSeconds of [0, -5, Number.NaN]) {
          assert.throws(() => createOfflineStripe({ sessionLifetimeSeconds }), RangeError);
        }
      });

      const create = (params: unknown) =>
        offline().accountSessions.create(params as Stripe.AccountSessionCreateParams);
      const cases: [string, unknown, { param: string; message?: RegExp; code?: string }][] = [
        ['no params', undefined, { param: 'params', code: 'parameter_missing' }],
        [
          'a missing account',
          { components: { payments: { enabled: true } } },
          {
            param: 'account',
            message: /^Missing required param: account\.$/,
            code: 'parameter_missing',
          },
        ],
        [
          'an account that is not acct_',
          { account: 'cus_1', components: {} },
          { param: 'account', message: /No such account: 'cus_1'/, code: 'resource_missing' },
        ],
        [
          'an account that is not a string',
          { account: 7, components: {} },
          { param: 'account', message: /Invalid string/ },
        ],
        [
          'missing components',
          { account: 'acct_1' },
          { param: 'components', code: 'parameter_missing' },
        ],
        [
          'components that are not an object',
          { account: 'acct_1', components: ['payments'] },
          { param: 'components', message: /Invalid object/ },
        ],
        [
          'an unknown component',
          { account: 'acct_1', components: { paymentz: { enabled: true } } },
          {
            param: 'components[paymentz]',
            message: /^Received unknown parameter: components\[paymentz\]$/,
            code: 'parameter_unknown',
          },
        ],
        [
          'a component without enabled',
          { account: 'acct_1', components: { payments: { features: {} } } },
          { param: 'components[payments][enabled]', code: 'parameter_missing' },
        ],
        [
          'enabled that is not a boolean',
          { account: 'acct_1', components: { payments: { enabled: 'yes' } } },
          { param: 'components[payments][enabled]', message: /Invalid boolean: yes/ },
        ],
        [
          'an unknown key in a component',
          { account: 'acct_1', components: { payments: { enabled: true, feature: {} } } },
          { param: 'components[payments][feature]', code: 'parameter_unknown' },
        ],
        [
          'a feature that is not a boolean',
          {
            account: 'acct_1',
            components: { payments: { enabled: true, features: { refund_management: 1 } } },
          },
          {
            param: 'components[payments][features][refund_management]',
            message: /Invalid boolean: 1/,
          },
        ],
        [
          'an unknown parameter',
          { account: 'acct_1', components: {}, acount: 'acct_1' },
          { param: 'acount', code: 'parameter_unknown' },
        ],
      ];
      for (const [what, params, expected] of cases) {
        it(`refuses ${what} as Stripe does (400, param ${expected.param})`, () =>
          rejectsLikeStripe(create(params), expected));
      }
    });

    describe('financialConnections.sessions', () => {
      it('creates a session shaped as Stripe’s and retrieves it', async () => {
        const stripe = offline();
        const session = await stripe.financialConnections.sessions.create({
          account_holder: CUSTOMER,
          permissions: ['payment_method', 'balances'],
          filters: {
            country: 'US',
            account_subcategories: ['checking'],
            require_payment_method_support: 'all',
          },
          prefetch: ['balances'],
          return_url: 'https://shop.test/return',
        });
        rememberSecret(session.client_secret);
        assert.match(session.id, /^fcsess_[A-Za-z0-9]{24}$/);
        assert.equal(session.object, 'financial_connections.session');
        assert.match(
          session.client_secret ?? '',
          /^fcsess_client_secret_offline_[A-Za-z0-9]+_\d{10}$/,
        );
        assert.deepEqual(parseOfflineClientSecret(session.client_secret), {
          expiresAt: NOW_SECONDS + 1800,
        });
        // The Stripe.js stand-in reports `fcsess_<token>` for `fcsess_client_secret_offline_<token>_…`.
        assert.equal(
          session.client_secret?.replace(
            /^fcsess_client_secret_offline_([A-Za-z0-9]+)_\d+$/,
            'fcsess_$1',
          ),
          session.id,
        );
        assert.deepEqual(session.account_holder, CUSTOMER);
        assert.deepEqual(session.accounts, {
          object: 'list',
          data: [],
          has_more: false,
          url: '/v1/financial_connections/accounts',
        });
        assert.deepEqual(session.permissions, ['payment_method', 'balances']);
        assert.deepEqual(session.filters, {
          account_subcategories: ['checking'],
          country: 'US',
          require_payment_method_support: 'all',
        });
        assert.deepEqual(session.prefetch, ['balances']);
        assert.equal(session.return_url, 'https://shop.test/return');
        assert.equal(session.livemode, false);

        const retrieved = await stripe.financialConnections.sessions.retrieve(session.id);
        assert.deepEqual({ ...retrieved }, { ...session });
        assert.match(retrieved.lastResponse.requestId, /^req_offline/);
      });

      it('creates a session for a connected account with no filters or prefetch', async () => {
        const session = await offline().financialConnections.sessions.create({
          account_holder: { type: 'account', account: 'acct_Offline0001' },
          permissions: ['ownership'],
        });
        rememberSecret(session.client_secret);
        assert.deepEqual(session.account_holder, { type: 'account', account: 'acct_Offline0001' });
        assert.equal(session.prefetch, null);
        assert.equal('filters' in session, false);
        assert.equal('return_url' in session, false);
      });

      it('keeps each client’s sessions to itself and answers 404 for others', async () => {
        const first = offline();
        const session = await first.financialConnections.sessions.create({
          account_holder: CUSTOMER,
          permissions: ['balances'],
        });
        rememberSecret(session.client_secret);
        await rejectsLikeStripe(offline().financialConnections.sessions.retrieve(session.id), {
          param: 'session',
          code: 'resource_missing',
          status: 404,
          message: /No such financial_connections\.session/,
        });
      });

      const create = (params: unknown) =>
        offline().financialConnections.sessions.create(
          params as Stripe.FinancialConnections.SessionCreateParams,
        );
      const base = { account_holder: CUSTOMER, permissions: ['balances'] };
      const cases: [string, unknown, { param: string; message?: RegExp; code?: string }][] = [
        [
          'a missing account_holder',
          { permissions: ['balances'] },
          { param: 'account_holder', code: 'parameter_missing' },
        ],
        [
          'an account_holder that is not an object',
          { ...base, account_holder: 'cus_1' },
          { param: 'account_holder', message: /Invalid object/ },
        ],
        [
          'a missing account_holder type',
          { ...base, account_holder: { customer: 'cus_1' } },
          { param: 'account_holder[type]', code: 'parameter_missing' },
        ],
        [
          'an unknown account_holder type',
          { ...base, account_holder: { type: 'person' } },
          { param: 'account_holder[type]', message: /must be one of account or customer/ },
        ],
        [
          'a customer holder without customer',
          { ...base, account_holder: { type: 'customer' } },
          { param: 'account_holder[customer]', code: 'parameter_missing' },
        ],
        [
          'an account holder without account',
          { ...base, account_holder: { type: 'account' } },
          { param: 'account_holder[account]', code: 'parameter_missing' },
        ],
        [
          'a customer id that is not cus_',
          { ...base, account_holder: { type: 'customer', customer: 'acct_1' } },
          { param: 'account_holder[customer]', code: 'resource_missing' },
        ],
        [
          'both customer and account',
          { ...base, account_holder: { type: 'customer', customer: 'cus_1', account: 'acct_1' } },
          { param: 'account_holder', code: 'parameters_exclusive' },
        ],
        [
          'an unknown account_holder key',
          { ...base, account_holder: { type: 'customer', customer: 'cus_1', person: 'p' } },
          { param: 'account_holder[person]', code: 'parameter_unknown' },
        ],
        [
          'missing permissions',
          { account_holder: CUSTOMER },
          {
            param: 'permissions',
            message: /^Missing required param: permissions\.$/,
            code: 'parameter_missing',
          },
        ],
        [
          'empty permissions',
          { ...base, permissions: [] },
          { param: 'permissions', code: 'parameter_missing' },
        ],
        [
          'permissions that are not a list',
          { ...base, permissions: 'balances' },
          { param: 'permissions', message: /Invalid array/ },
        ],
        [
          'an unknown permission',
          { ...base, permissions: ['balances', 'everything'] },
          {
            param: 'permissions[1]',
            message: /must be one of balances, ownership, payment_method, or transactions/,
          },
        ],
        [
          'an unknown prefetch',
          { ...base, prefetch: ['payment_method'] },
          { param: 'prefetch[0]' },
        ],
        [
          'an unknown filter',
          { ...base, filters: { institution: 'x' } },
          { param: 'filters[institution]', code: 'parameter_unknown' },
        ],
        [
          'an unknown account subcategory',
          { ...base, filters: { account_subcategories: ['brokerage'] } },
          { param: 'filters[account_subcategories][0]' },
        ],
        [
          'an unknown payment method support',
          { ...base, filters: { require_payment_method_support: 'some' } },
          { param: 'filters[require_payment_method_support]' },
        ],
        [
          'a return_url that is not a URL',
          { ...base, return_url: 'shop.test/return' },
          { param: 'return_url', code: 'url_invalid' },
        ],
        [
          'an unknown parameter',
          { ...base, permisions: ['balances'] },
          { param: 'permisions', code: 'parameter_unknown' },
        ],
      ];
      for (const [what, params, expected] of cases) {
        it(`refuses ${what} as Stripe does (400, param ${expected.param})`, () =>
          rejectsLikeStripe(create(params), expected));
      }
    });

    describe('linkAccounts', () => {
      async function sessionOf(stripe: OfflineStripe) {
        const session = await stripe.financialConnections.sessions.create({
          account_holder: CUSTOMER,
          permissions: ['payment_method', 'balances'],
        });
        rememberSecret(session.client_secret);
        return session;
      }

      it('links one checking account shaped as Stripe’s, which retrieve then lists', async () => {
        const stripe = offline();
        const session = await sessionOf(stripe);
        const [account] = stripe.linkAccounts(session.id);
        assert.ok(account);
        assert.match(account.id, /^fca_[A-Za-z0-9]{24}$/);
        assert.equal(account.object, 'financial_connections.account');
        assert.deepEqual(account.account_holder, CUSTOMER);
        assert.equal(account.institution_name, 'StripeBank');
        assert.equal(account.display_name, 'Checking');
        assert.equal(account.last4, '6789');
        assert.equal(account.category, 'cash');
        assert.equal(account.subcategory, 'checking');
        assert.equal(account.status, 'active');
        assert.deepEqual(account.supported_payment_method_types, ['us_bank_account', 'link']);
        assert.deepEqual(account.permissions, ['payment_method', 'balances']);
        assert.equal(account.created, NOW_SECONDS);
        assert.equal(account.livemode, false);

        const retrieved = await stripe.financialConnections.sessions.retrieve(session.id);
        assert.deepEqual(retrieved.accounts.data, [account]);
      });

      it('links the accounts a test describes, with fitting defaults', async () => {
        const stripe = offline();
        const session = await sessionOf(stripe);
        const accounts = stripe.linkAccounts(session.id, [
          { subcategory: 'savings' },
          { subcategory: 'credit_card', institution_name: 'Test Credit Union', last4: '0005' },
          { category: 'investment', subcategory: 'other', display_name: 'Brokerage' },
        ]);
        assert.deepEqual(
          accounts.map((a) => [
            a.category,
            a.subcategory,
            a.display_name,
            a.last4,
            a.supported_payment_method_types,
          ]),
          [
            ['cash', 'savings', 'Savings', '4321', ['us_bank_account', 'link']],
            ['credit', 'credit_card', 'Checking', '0005', []],
            ['investment', 'other', 'Brokerage', '6789', []],
          ],
        );
        assert.equal(new Set(accounts.map((a) => a.id)).size, 3);
      });

      it('pages accounts as Stripe does: 10 on the session, the rest through accounts.list', async () => {
        const stripe = offline();
        const session = await sessionOf(stripe);
        const other = await sessionOf(stripe);
        const linked = stripe.linkAccounts(
          session.id,
          Array.from({ length: 25 }, () => ({})),
        );
        const [elsewhere] = stripe.linkAccounts(other.id);
        const ids = linked.map((account) => account.id);

        const retrieved = await stripe.financialConnections.sessions.retrieve(session.id);
        assert.deepEqual(
          retrieved.accounts.data.map((account) => account.id),
          ids.slice(0, 10),
        );
        assert.equal(retrieved.accounts.has_more, true);

        const list = stripe.financialConnections.accounts;
        const page = await list.list({ session: session.id, starting_after: ids[9], limit: 12 });
        assert.equal(page.object, 'list');
        assert.deepEqual(
          page.data.map((account) => account.id),
          ids.slice(10, 22),
        );
        assert.equal(page.has_more, true);
        assert.match(page.lastResponse.requestId, /^req_offline/);
        const last = await list.list({ session: session.id, starting_after: ids[21] });
        assert.deepEqual(
          last.data.map((account) => account.id),
          ids.slice(22),
        );
        assert.equal(last.has_more, false);
        const everything = await list.list({ limit: 100 });
        assert.deepEqual(
          everything.data.map((account) => account.id),
          [...ids, elsewhere!.id],
        );
        assert.deepEqual(
          await retrieveFinancialConnectionsSession(stripe, session.id, CUSTOMER),
          linked,
        );
      });

      it('checks accounts.list parameters as Stripe does', async () => {
        const stripe = offline();
        const session = await sessionOf(stripe);
        const list = (params: unknown) =>
          stripe.financialConnections.accounts.list(params as never);
        const cases: Array<[unknown, Parameters<typeof rejectsLikeStripe>[1]]> = [
          [{ limit: 0 }, { param: 'limit', code: 'parameter_invalid_integer' }],
          [{ limit: 101 }, { param: 'limit', code: 'parameter_invalid_integer' }],
          [{ limit: 2.5 }, { param: 'limit', code: 'parameter_invalid_integer' }],
          [{ color: 'red' }, { param: 'color', code: 'parameter_unknown' }],
          [{ session: 'fcsess_Unknown' }, { param: 'session', code: 'resource_missing' }],
          [{ session: 'fca_123' }, { param: 'session', code: 'resource_missing' }],
          [
            { session: session.id, starting_after: 'fca_Unknown' },
            { param: 'starting_after', code: 'resource_missing' },
          ],
          [{ ending_before: 'fca_Unknown' }, { param: 'ending_before', message: /offline/ }],
          [{ account_holder: CUSTOMER }, { param: 'account_holder', message: /offline/ }],
          ['session', { param: 'params' }],
        ];
        for (const [params, expected] of cases) await rejectsLikeStripe(list(params), expected);
        assert.deepEqual((await list(undefined)).data, []);
      });

      it('refuses a session it did not create', () => {
        assert.throws(
          () => offline().linkAccounts('fcsess_Unknown'),
          /created no session fcsess_Unknown/,
        );
      });
    });

    describe('under the server handlers', () => {
      it('serves the AccountSession handler: 200 with a secret parseOfflineClientSecret() reads', async () => {
        const handler = createAccountSessionHandler({
          stripe: offline(),
          account: () => 'acct_Offline0001',
          components: { account_onboarding: { enabled: true }, payments: { enabled: true } },
          onError: recordingOnError(),
        });
        const answer = await call(handler, post({ components: ['payments'] }), 'offline handler');
        assert.equal(answer.status, 200);
        const body = answer.json as { client_secret: string; expires_at: number };
        assert.deepEqual(parseOfflineClientSecret(body.client_secret), {
          expiresAt: body.expires_at,
        });
      });

      it('turns its validation errors into a 502 with its request id', async () => {
        const onError = recordingOnError();
        const handler = createAccountSessionHandler({
          stripe: offline(),
          account: () => 'cus_NotAnAccount',
          components: { payments: { enabled: true } },
          onError,
        });
        const answer = await call(handler, post({}), 'offline handler');
        assert.equal(answer.status, 502);
        assert.match(
          (answer.json as { error: { request_id: string } }).error.request_id,
          /^req_offline/,
        );
        assert.equal(onError.calls[0]?.error.name, 'StripeInvalidRequestError');
        assert.equal(onError.calls[0]?.error.param, 'account');
      });

      it('completes a Financial Connections flow: create, link, retrieve and check the holder', async () => {
        const stripe = offline();
        const handler = createFinancialConnectionsSessionHandler({
          stripe,
          accountHolder: () => CUSTOMER,
          permissions: ['payment_method'],
          onError: recordingOnError(),
        });
        const answer = await call(handler, post({}), 'offline handler');
        assert.equal(answer.status, 200);
        const { id } = answer.json as { id: string };
        const [linked] = stripe.linkAccounts(id);
        const accounts = await retrieveFinancialConnectionsSession(stripe, id, CUSTOMER);
        assert.deepEqual(accounts, [linked]);
        await assert.rejects(
          retrieveFinancialConnectionsSession(stripe, id, {
            type: 'customer',
            customer: 'cus_Other',
          }),
          { name: 'AccountHolderMismatchError' },
        );
      });
    });
  });
}
