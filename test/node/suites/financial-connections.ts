import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type Stripe from 'stripe';
import {
  AccountHolderMismatchError,
  createFinancialConnectionsSessionHandler,
  retrieveFinancialConnectionsSession,
  type FinancialConnectionsAccountHolder,
  type FinancialConnectionsSessionHandlerOptions,
} from '../../../packages/server/src/index.js';
import { call, post } from '../support/fetch-calls.js';
import { recordingOnError, SECRET_KEY } from '../support/leak-ledger.js';
import {
  startStripeApiDouble,
  STRIPE_ERRORS,
  type StripeApiDouble,
} from '../support/stripe-api-double.js';

const CUSTOMER: FinancialConnectionsAccountHolder = {
  type: 'customer',
  customer: 'cus_SignedIn0001',
};
const CUSTOMER_ACCOUNT: FinancialConnectionsAccountHolder = {
  type: 'customer',
  customer_account: 'acct_Customer0001',
};
const ACCOUNT: FinancialConnectionsAccountHolder = {
  type: 'account',
  account: 'acct_SignedIn0001',
};

export function financialConnectionsSuite(): void {
  describe('createFinancialConnectionsSessionHandler on the official stripe client', () => {
    let api: StripeApiDouble;
    let stripe: Stripe;

    before(async () => {
      api = await startStripeApiDouble();
      stripe = api.client();
    });
    after(() => api.close());

    const handlerWith = (options: Partial<FinancialConnectionsSessionHandlerOptions> = {}) =>
      createFinancialConnectionsSessionHandler({
        stripe,
        accountHolder: () => CUSTOMER,
        permissions: ['payment_method'],
        onError: recordingOnError(),
        ...options,
      });

    const lastParams = () => {
      const request = api.requests.at(-1)!;
      assert.equal(request.method, 'POST');
      assert.equal(request.path, '/v1/financial_connections/sessions');
      return request.params;
    };

    it('sends the customer holder and permissions, and answers 200 {client_secret, id} with no-store', async () => {
      const answer = await call(handlerWith(), post({}));
      assert.deepEqual(lastParams(), [
        ['account_holder[type]', 'customer'],
        ['account_holder[customer]', 'cus_SignedIn0001'],
        ['permissions[0]', 'payment_method'],
      ]);
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('cache-control'), 'no-store');
      const body = answer.json as { client_secret: string; id: string };
      assert.deepEqual(Object.keys(body), ['client_secret', 'id']);
      assert.match(body.client_secret, /^fcsess_client_secret_/);
      assert.match(body.id, /^fcsess_/);
    });

    it('sends an account holder, filters, prefetch and return_url as configured', async () => {
      await call(
        handlerWith({
          accountHolder: async () => ACCOUNT,
          permissions: ['payment_method', 'balances', 'ownership'],
          filters: { country: 'US', account_subcategories: ['checking', 'savings'] },
          prefetch: ['balances'],
          returnUrl: 'https://shop.test/bank/return',
        }),
        post(undefined),
      );
      assert.deepEqual(lastParams(), [
        ['account_holder[type]', 'account'],
        ['account_holder[account]', 'acct_SignedIn0001'],
        ['permissions[0]', 'payment_method'],
        ['permissions[1]', 'balances'],
        ['permissions[2]', 'ownership'],
        ['filters[country]', 'US'],
        ['filters[account_subcategories][0]', 'checking'],
        ['filters[account_subcategories][1]', 'savings'],
        ['prefetch[0]', 'balances'],
        ['return_url', 'https://shop.test/bank/return'],
      ]);
    });

    it('sends an Accounts v2 customer_account holder, limits and manual_entry as configured', async () => {
      const answer = await call(
        handlerWith({
          accountHolder: () => CUSTOMER_ACCOUNT,
          limits: { accounts: 1 },
          manualEntry: { mode: 'disabled' },
        }),
        post({}),
      );
      assert.equal(answer.status, 200);
      assert.deepEqual(lastParams(), [
        ['account_holder[type]', 'customer'],
        ['account_holder[customer_account]', 'acct_Customer0001'],
        ['permissions[0]', 'payment_method'],
        ['limits[accounts]', '1'],
        ['manual_entry[mode]', 'disabled'],
      ]);
    });

    it('never takes the holder from the body', async () => {
      await call(
        handlerWith(),
        post({ account_holder: { type: 'customer', customer: 'cus_Attacker' } }),
      );
      assert.equal(lastParams()[1]?.[1], 'cus_SignedIn0001');
    });

    it('answers 401 when accountHolder() finds nobody or a holder without an id', async () => {
      const nobodies = [
        null,
        undefined,
        { type: 'customer', customer: '' },
        { type: 'customer', customer_account: '' },
        { type: 'customer' },
        { type: 'account' },
      ];
      for (const nobody of nobodies) {
        const answer = await call(handlerWith({ accountHolder: () => nobody as never }), post({}));
        assert.equal(answer.status, 401, JSON.stringify(nobody));
      }
    });

    it('answers 500, reported as authentication, when accountHolder() throws or returns a bad shape', async () => {
      const onError = recordingOnError();
      const broken = [
        () => {
          throw new Error('db down');
        },
        () => ({ type: 'person', person: 'per_1' }) as never,
        () => 'cus_1' as never,
        () => ({ type: 'customer', customer: 'cus_1', customer_account: 'acct_1' }) as never,
      ];
      for (const accountHolder of broken) {
        assert.equal((await call(handlerWith({ accountHolder, onError }), post({}))).status, 500);
      }
      assert.deepEqual(
        onError.calls.map(({ error, context }) => [error.name, context.stage, context.endpoint]),
        [
          ['Error', 'authentication', 'financial_connections_session'],
          ['TypeError', 'authentication', 'financial_connections_session'],
          ['TypeError', 'authentication', 'financial_connections_session'],
          ['TypeError', 'authentication', 'financial_connections_session'],
        ],
      );
    });

    it('gives the same 405, 403, 415, 413 and 400 answers as the AccountSession handler', async () => {
      const handler = handlerWith({ allowedOrigins: ['https://shop.test'] });
      const get = await call(handler, new Request('https://shop.test/api/fc', { method: 'GET' }));
      assert.equal(get.status, 405);
      assert.equal(get.headers.get('allow'), 'POST');
      assert.equal(
        (await call(handler, post({}, { headers: { origin: 'https://evil.test' } }))).status,
        403,
      );
      const plain = post('{}', { headers: { 'content-type': 'text/plain' } });
      assert.equal((await call(handler, plain)).status, 415);
      assert.equal((await call(handler, post('not json'))).status, 400);
      assert.equal((await call(handler, post('x'.repeat(16385)))).status, 413);
    });

    it('answers 502 with the request id when Stripe fails', async () => {
      const onError = recordingOnError();
      api.answerNext(STRIPE_ERRORS[401]);
      const answer = await call(handlerWith({ onError }), post({}));
      assert.equal(answer.status, 502);
      assert.match((answer.json as { error: { request_id: string } }).error.request_id, /^req_/);
      assert.equal(onError.calls[0]?.context.stage, 'stripe');
      assert.doesNotMatch(onError.calls[0]?.error.stack ?? '', new RegExp(SECRET_KEY));
    });

    it('refuses to start without a Stripe client, a holder resolver or a permission', () => {
      const options = { stripe, accountHolder: () => CUSTOMER, permissions: ['balances'] };
      assert.throws(
        () => createFinancialConnectionsSessionHandler({ ...options, stripe: {} as never }),
        TypeError,
      );
      assert.throws(
        () =>
          createFinancialConnectionsSessionHandler({
            ...options,
            accountHolder: CUSTOMER as never,
          }),
        TypeError,
      );
      assert.throws(
        () => createFinancialConnectionsSessionHandler({ ...options, permissions: [] }),
        /permission/,
      );
    });

    describe('retrieveFinancialConnectionsSession', () => {
      const linkedAccount = (holder: object, id = 'fca_Linked0001') => ({
        id,
        object: 'financial_connections.account',
        account_holder: holder,
        institution_name: 'StripeBank',
        last4: '6789',
        category: 'cash',
        subcategory: 'checking',
        status: 'active',
        supported_payment_method_types: ['us_bank_account', 'link'],
      });

      /** A session created through the handler, with one linked account. */
      async function linkedSession(holder = CUSTOMER) {
        const answer = await call(handlerWith({ accountHolder: () => holder }), post({}));
        const { id } = answer.json as { id: string };
        const session = api.sessions.get(id)! as { accounts: { data: unknown[] } };
        session.accounts.data.push(linkedAccount({ ...holder }));
        return id;
      }

      it('returns the linked accounts, retrieved from Stripe, when the session is the holder’s', async () => {
        const id = await linkedSession();
        const accounts = await retrieveFinancialConnectionsSession(stripe, id, CUSTOMER);
        const request = api.requests.at(-1)!;
        assert.equal(request.method, 'GET');
        assert.equal(request.path, `/v1/financial_connections/sessions/${id}`);
        assert.deepEqual(
          accounts.map((account) => [account.id, account.last4]),
          [['fca_Linked0001', '6789']],
        );
      });

      it('lists the accounts past the session’s first page, by session, until has_more ends', async () => {
        const id = await linkedSession();
        const session = api.sessions.get(id)! as { accounts: { data: unknown[] } };
        const ids = Array.from({ length: 24 }, (_, index) => `fca_Linked${1001 + index}`);
        session.accounts.data.splice(0, 1, ...ids.map((each) => linkedAccount(CUSTOMER, each)));
        const before = api.requests.length;
        const accounts = await retrieveFinancialConnectionsSession(stripe, id, CUSTOMER);
        assert.deepEqual(
          accounts.map((account) => account.id),
          ids,
        );
        const [retrieve, list, ...rest] = api.requests.slice(before);
        assert.equal(retrieve!.path, `/v1/financial_connections/sessions/${id}`);
        assert.equal(list!.method, 'GET');
        assert.equal(list!.path, '/v1/financial_connections/accounts');
        assert.deepEqual(Object.fromEntries(list!.params), {
          session: id,
          starting_after: 'fca_Linked1010',
          limit: '100',
        });
        assert.deepEqual(rest, []);
      });

      it('follows every further page, and checks the holder of each account on it', async () => {
        const id = await linkedSession();
        const session = api.sessions.get(id)!;
        const page = (ids: string[], hasMore: boolean, holder: object = CUSTOMER) => ({
          status: 200,
          body: {
            object: 'list',
            data: ids.map((each) => linkedAccount(holder, each)),
            has_more: hasMore,
            url: '/v1/financial_connections/accounts',
          },
        });
        const first = { ...session, accounts: page(['fca_Linked0001'], true).body };
        api.answerNext({ status: 200, body: first });
        api.answerNext(page(['fca_Linked0002', 'fca_Linked0003'], true));
        api.answerNext(page(['fca_Linked0004'], false));
        const before = api.requests.length;
        const accounts = await retrieveFinancialConnectionsSession(stripe, id, CUSTOMER);
        assert.deepEqual(
          accounts.map((account) => account.id),
          ['fca_Linked0001', 'fca_Linked0002', 'fca_Linked0003', 'fca_Linked0004'],
        );
        assert.deepEqual(
          api.requests
            .slice(before + 1)
            .map((request) => new Map(request.params).get('starting_after')),
          ['fca_Linked0001', 'fca_Linked0003'],
        );

        api.answerNext({ status: 200, body: first });
        api.answerNext(
          page(['fca_Other0002'], false, { type: 'customer', customer: 'cus_Someone0002' }),
        );
        await assert.rejects(
          retrieveFinancialConnectionsSession(stripe, id, CUSTOMER),
          AccountHolderMismatchError,
        );
      });

      it('matches an account holder too, and an expanded holder object', async () => {
        const id = await linkedSession(ACCOUNT);
        assert.equal((await retrieveFinancialConnectionsSession(stripe, id, ACCOUNT)).length, 1);
        const session = api.sessions.get(id)! as { account_holder: unknown };
        session.account_holder = {
          type: 'account',
          account: { id: 'acct_SignedIn0001', object: 'account' },
        };
        assert.equal((await retrieveFinancialConnectionsSession(stripe, id, ACCOUNT)).length, 1);
      });

      it('matches an Accounts v2 customer_account holder, and no Customer or other Account for it', async () => {
        const id = await linkedSession(CUSTOMER_ACCOUNT);
        assert.equal(
          (await retrieveFinancialConnectionsSession(stripe, id, CUSTOMER_ACCOUNT)).length,
          1,
        );
        const others: FinancialConnectionsAccountHolder[] = [
          { type: 'customer', customer_account: 'acct_Customer0002' },
          { type: 'customer', customer: 'acct_Customer0001' },
          { type: 'account', account: 'acct_Customer0001' },
        ];
        for (const other of others) {
          await assert.rejects(
            retrieveFinancialConnectionsSession(stripe, id, other),
            AccountHolderMismatchError,
          );
        }
        // A Customer's session is not the customer_account's, whatever the ids.
        const customers = await linkedSession(CUSTOMER);
        await assert.rejects(
          retrieveFinancialConnectionsSession(stripe, customers, {
            type: 'customer',
            customer_account: 'cus_SignedIn0001',
          }),
          AccountHolderMismatchError,
        );
      });

      it('throws AccountHolderMismatchError for another holder’s session, naming no holder', async () => {
        const id = await linkedSession();
        const others: FinancialConnectionsAccountHolder[] = [
          { type: 'customer', customer: 'cus_Someone0002' },
          { type: 'account', account: 'cus_SignedIn0001' },
          { type: 'customer', customer: '' },
        ];
        for (const other of others) {
          await assert.rejects(
            retrieveFinancialConnectionsSession(stripe, id, other),
            (error: unknown) => {
              assert.ok(error instanceof AccountHolderMismatchError);
              assert.equal(error.name, 'AccountHolderMismatchError');
              assert.equal(error.sessionId, id);
              assert.doesNotMatch(error.message, /cus_|acct_/);
              return true;
            },
          );
        }
      });

      it('throws AccountHolderMismatchError when a linked account belongs to someone else', async () => {
        const id = await linkedSession();
        const session = api.sessions.get(id)! as { accounts: { data: unknown[] } };
        session.accounts.data.push(
          linkedAccount({ type: 'customer', customer: 'cus_Someone0002' }),
        );
        await assert.rejects(
          retrieveFinancialConnectionsSession(stripe, id, CUSTOMER),
          AccountHolderMismatchError,
        );
      });

      it('throws AccountHolderMismatchError when Stripe answers another session or no holder', async () => {
        const id = await linkedSession();
        const session = api.sessions.get(id)!;
        api.answerNext({ status: 200, body: { ...session, id: 'fcsess_Other0001' } });
        await assert.rejects(
          retrieveFinancialConnectionsSession(stripe, id, CUSTOMER),
          AccountHolderMismatchError,
        );
        api.answerNext({ status: 200, body: { ...session, account_holder: null } });
        await assert.rejects(
          retrieveFinancialConnectionsSession(stripe, id, CUSTOMER),
          AccountHolderMismatchError,
        );
      });

      it('refuses an id that is not a session id, and a malformed holder, before asking Stripe', async () => {
        const before = api.requests.length;
        for (const id of ['', 'fca_123', 'fcsess_../../v1/charges', 42 as never]) {
          await assert.rejects(
            retrieveFinancialConnectionsSession(stripe, id, CUSTOMER),
            TypeError,
          );
        }
        await assert.rejects(
          retrieveFinancialConnectionsSession(stripe, 'fcsess_Abc', { type: 'person' } as never),
          TypeError,
        );
        assert.equal(api.requests.length, before);
      });

      it('lets Stripe’s own error through when the session does not exist', async () => {
        await assert.rejects(
          retrieveFinancialConnectionsSession(stripe, 'fcsess_Missing0001', CUSTOMER),
          (error: Error & { statusCode?: number }) => error.statusCode === 404,
        );
      });
    });
  });
}
