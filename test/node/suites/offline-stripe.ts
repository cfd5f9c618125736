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
import type { ObjectParam } from '../../../packages/testing/src/offline-stripe-schema.js';
import { OPERATION_SCHEMAS } from '../../../packages/testing/src/offline-stripe-validation.js';
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

/** Component → feature flags, as the offline Stripe's AccountSession table lists them. */
function componentFlags(): Record<string, string[]> {
  const components = OPERATION_SCHEMAS['accountSessions.create']!.properties[
    'components'
  ] as ObjectParam;
  return Object.fromEntries(
    Object.entries(components.properties).map(([name, component]) => {
      const features = (component as ObjectParam).properties['features'] as ObjectParam;
      return [name, Object.keys(features.properties).sort()];
    }),
  );
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
            payments: { enabled: true, features: { refund_management: false } },
            payouts: { enabled: false },
          },
        });
        rememberSecret(session.client_secret);
        assert.equal(session.object, 'account_session');
        assert.equal(session.account, 'acct_Offline0001');
        assert.equal(session.livemode, false);
        assert.equal(session.expires_at, NOW_SECONDS + 1800);
        assert.match(session.client_secret, /^accs_secret__offline_[A-Za-z0-9]{24}_\d{10}$/);
        // Every component, with every feature flag: as given, else Stripe's default.
        assert.deepEqual(session.components.payments, {
          enabled: true,
          features: {
            refund_management: false,
            capture_payments: true,
            destination_on_behalf_of_charge_management: false,
            dispute_management: true,
            smart_disputes_management: true,
          },
        });
        assert.deepEqual(session.components.payouts, {
          enabled: false,
          features: {
            disable_stripe_user_authentication: false,
            edit_payout_schedule: true,
            external_account_collection: true,
            instant_payouts: true,
            standard_payouts: true,
          },
        });
        assert.deepEqual(session.components.documents, { enabled: false, features: {} });
        // Every component and feature flag of the installed stripe's AccountSession table.
        assert.deepEqual(
          Object.fromEntries(
            Object.entries(session.components).map(([name, c]) => [
              name,
              Object.keys(c.features).sort(),
            ]),
          ),
          componentFlags(),
        );
        assert.match(session.lastResponse.requestId, /^req_offline/);
        assert.equal(session.lastResponse.statusCode, 200);
        assert.equal(Object.keys(session).includes('lastResponse'), false);
      });

      it('defaults a flag that follows another from the value given for that one', async () => {
        const { components } = await offline().accountSessions.create({
          account: 'acct_Offline0001',
          components: {
            account_onboarding: { enabled: true, features: { external_account_collection: false } },
            disputes_list: { enabled: true, features: { dispute_management: false } },
            payment_disputes: {
              enabled: true,
              features: { dispute_management: false, smart_disputes_management: true },
            },
          },
        });
        assert.equal(
          components.account_onboarding.features.disable_stripe_user_authentication,
          true,
        );
        assert.equal(components.disputes_list.features.smart_disputes_management, false);
        assert.equal(components.payment_disputes.features.smart_disputes_management, true);
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

      it('creates a session for an Accounts v2 customer, with limits and manual entry as given', async () => {
        const stripe = offline();
        const holder = { type: 'customer', customer_account: 'acct_Customer0001' } as const;
        const session = await stripe.financialConnections.sessions.create({
          account_holder: holder,
          permissions: ['payment_method'],
          limits: { accounts: 1 },
          manual_entry: { mode: 'disabled' },
        });
        rememberSecret(session.client_secret);
        assert.deepEqual(session.account_holder, holder);
        assert.deepEqual(session.limits, { accounts: 1 });
        assert.deepEqual(session.manual_entry, { mode: 'disabled' });
        const [account] = stripe.linkAccounts(session.id);
        assert.deepEqual(account!.account_holder, holder);
        const retrieved = await stripe.financialConnections.sessions.retrieve(session.id, {
          expand: ['accounts'],
        });
        assert.deepEqual(retrieved.limits, { accounts: 1 });
        // No maximum, sent empty as the SDK allows: Stripe shows no limits.
        const unlimited = await stripe.financialConnections.sessions.create({
          account_holder: holder,
          permissions: ['payment_method'],
          limits: { accounts: '' },
        });
        rememberSecret(unlimited.client_secret);
        assert.equal('limits' in unlimited, false);
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

      it('pages back with ending_before and lists one holder’s accounts, as Stripe does', async () => {
        const stripe = offline();
        const session = await sessionOf(stripe);
        const ids = stripe
          .linkAccounts(
            session.id,
            Array.from({ length: 5 }, () => ({})),
          )
          .map((account) => account.id);
        const v2 = await stripe.financialConnections.sessions.create({
          account_holder: { type: 'customer', customer_account: 'acct_Customer0001' },
          permissions: ['balances'],
        });
        rememberSecret(v2.client_secret);
        const [held] = stripe.linkAccounts(v2.id);
        const list = stripe.financialConnections.accounts;

        const back = await list.list({ ending_before: ids[4], limit: 2 });
        assert.deepEqual(
          back.data.map((account) => account.id),
          ids.slice(2, 4),
        );
        assert.equal(back.has_more, true);
        const first = await list.list({ ending_before: ids[2], limit: 2 });
        assert.deepEqual(
          first.data.map((account) => account.id),
          ids.slice(0, 2),
        );
        assert.equal(first.has_more, false);

        const byCustomerAccount = await list.list({
          account_holder: { customer_account: 'acct_Customer0001' },
        });
        assert.deepEqual(
          byCustomerAccount.data.map((account) => account.id),
          [held!.id],
        );
        const byCustomer = await list.list({ account_holder: { customer: CUSTOMER.customer } });
        assert.deepEqual(
          byCustomer.data.map((account) => account.id),
          ids,
        );
        const nobody = await list.list({ account_holder: { account: 'acct_Nobody0001' } });
        assert.deepEqual(nobody.data, []);
        await rejectsLikeStripe(list.list({ ending_before: 'fca_Unknown' }), {
          param: 'ending_before',
          code: 'resource_missing',
        });
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

      it('completes the flow for an Accounts v2 customer and refuses another customer_account', async () => {
        const stripe = offline();
        const holder = { type: 'customer', customer_account: 'acct_Customer0001' } as const;
        const handler = createFinancialConnectionsSessionHandler({
          stripe,
          accountHolder: () => holder,
          permissions: ['payment_method'],
          limits: { accounts: 1 },
          manualEntry: { mode: 'automatic' },
          onError: recordingOnError(),
        });
        const answer = await call(handler, post({}), 'offline handler');
        assert.equal(answer.status, 200);
        const { id } = answer.json as { id: string };
        const session = await stripe.financialConnections.sessions.retrieve(id);
        assert.deepEqual(session.limits, { accounts: 1 });
        assert.deepEqual(session.manual_entry, { mode: 'automatic' });
        const [linked] = stripe.linkAccounts(id);
        assert.deepEqual(await retrieveFinancialConnectionsSession(stripe, id, holder), [linked]);
        for (const other of [
          { type: 'customer', customer_account: 'acct_Customer0002' },
          { type: 'customer', customer: 'acct_Customer0001' },
          { type: 'account', account: 'acct_Customer0001' },
        ] as const) {
          await assert.rejects(retrieveFinancialConnectionsSession(stripe, id, other), {
            name: 'AccountHolderMismatchError',
          });
        }
      });
    });
  });
}
