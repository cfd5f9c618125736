import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type Stripe from 'stripe';
import {
  createAccountSessionHandler,
  type ComponentAllowlist,
  type ComponentAllowlistResolver,
} from '../../../packages/server/src/index.js';
import { call, post } from '../support/fetch-calls.js';
import { recordingOnError } from '../support/leak-ledger.js';
import { startStripeApiDouble, type StripeApiDouble } from '../support/stripe-api-double.js';

const ADMIN_ACCOUNT = 'acct_1AdminUser00000000';
const VIEWER_ACCOUNT = 'acct_1ViewerUser0000000';

/** What each role may use, as Stripe's docs advise mapping roles to components and features. */
const ROLES = {
  admin: {
    account_onboarding: { enabled: true, features: { external_account_collection: true } },
    payments: { enabled: true, features: { refund_management: true, dispute_management: true } },
    payouts: { enabled: true, features: { instant_payouts: true } },
  },
  viewer: {
    payments: { enabled: true, features: { refund_management: false, dispute_management: false } },
    notification_banner: { enabled: true },
  },
} satisfies Record<string, ComponentAllowlist>;

type Role = keyof typeof ROLES;

/** The signed-in user of a request: their role and account, from a header standing for a session. */
const userOf = (request: Request): { role: Role; account: string } | undefined => {
  const role = request.headers.get('x-role');
  if (role === 'admin') return { role, account: ADMIN_ACCOUNT };
  if (role === 'viewer') return { role, account: VIEWER_ACCOUNT };
  return undefined;
};

const as = (role: string, body: unknown = {}) => post(body, { headers: { 'x-role': role } });

export function accountSessionRolesSuite(): void {
  describe('createAccountSessionHandler with components per request (roles)', () => {
    let api: StripeApiDouble;
    let stripe: Stripe;

    before(async () => {
      api = await startStripeApiDouble();
      stripe = api.client();
    });
    after(() => api.close());

    /** The handler, and every (request, account) its components function was called with. */
    function roleHandler(components?: ComponentAllowlistResolver) {
      const calls: Array<[Request, string]> = [];
      const onError = recordingOnError();
      const handler = createAccountSessionHandler({
        stripe,
        account: (request) => userOf(request)?.account ?? null,
        components: async (request, account) => {
          calls.push([request, account]);
          return components ? components(request, account) : ROLES[userOf(request)!.role];
        },
        onError,
      });
      return { handler, calls, onError };
    }

    /** The form parameters of the one Stripe request `run` makes. */
    async function paramsSentBy(run: () => Promise<unknown>): Promise<[string, string][]> {
      const before = api.requests.length;
      await run();
      assert.equal(api.requests.length, before + 1, 'exactly one Stripe request');
      return api.requests.at(-1)!.params;
    }

    it('enables the allowlist of the role of each request, with its features', async () => {
      const { handler, calls } = roleHandler();
      const admin = await paramsSentBy(() => call(handler, as('admin')));
      assert.deepEqual(admin, [
        ['account', ADMIN_ACCOUNT],
        ['components[account_onboarding][enabled]', 'true'],
        ['components[account_onboarding][features][external_account_collection]', 'true'],
        ['components[payments][enabled]', 'true'],
        ['components[payments][features][refund_management]', 'true'],
        ['components[payments][features][dispute_management]', 'true'],
        ['components[payouts][enabled]', 'true'],
        ['components[payouts][features][instant_payouts]', 'true'],
      ]);
      const viewer = await paramsSentBy(() => call(handler, as('viewer')));
      assert.deepEqual(viewer, [
        ['account', VIEWER_ACCOUNT],
        ['components[payments][enabled]', 'true'],
        ['components[payments][features][refund_management]', 'false'],
        ['components[payments][features][dispute_management]', 'false'],
        ['components[notification_banner][enabled]', 'true'],
      ]);
      // Evaluated per request, after account(), with the account it found.
      assert.deepEqual(
        calls.map(([request, account]) => [request.headers.get('x-role'), account]),
        [
          ['admin', ADMIN_ACCOUNT],
          ['viewer', VIEWER_ACCOUNT],
        ],
      );
    });

    it("lets the body only narrow the role's allowlist", async () => {
      const { handler } = roleHandler();
      const narrowed = await paramsSentBy(() =>
        call(handler, as('viewer', { components: ['payments', 'account_onboarding'] })),
      );
      assert.deepEqual(narrowed, [
        ['account', VIEWER_ACCOUNT],
        ['components[payments][enabled]', 'true'],
        ['components[payments][features][refund_management]', 'false'],
        ['components[payments][features][dispute_management]', 'false'],
      ]);
      const requestsBefore = api.requests.length;
      const refused = await call(handler, as('viewer', { components: ['account_onboarding'] }));
      assert.equal(refused.status, 403);
      const allowed = await call(handler, as('admin', { components: ['account_onboarding'] }));
      assert.equal(allowed.status, 200);
      assert.equal(api.requests.length, requestsBefore + 1, 'Stripe is asked for the admin only');
    });

    it('answers 403, without calling Stripe, when the role may use nothing', async () => {
      const { handler } = roleHandler(() => ({ payments: { enabled: false } }));
      const requestsBefore = api.requests.length;
      assert.equal((await call(handler, as('viewer'))).status, 403);
      assert.equal(api.requests.length, requestsBefore);
    });

    it('does not ask for the allowlist when nobody is signed in', async () => {
      const { handler, calls } = roleHandler();
      assert.equal((await call(handler, as('stranger'))).status, 401);
      assert.equal(calls.length, 0);
    });

    it('answers 500, reported to onError, when the function throws or returns no allowlist', async () => {
      const broken: ComponentAllowlistResolver[] = [
        () => {
          throw new Error('role service down');
        },
        () => Promise.reject(new Error('role service timed out')),
        () => null as unknown as ComponentAllowlist,
        () => [] as unknown as ComponentAllowlist,
      ];
      for (const components of broken) {
        const { handler, onError } = roleHandler(components);
        const requestsBefore = api.requests.length;
        assert.equal((await call(handler, as('admin'))).status, 500);
        assert.equal(api.requests.length, requestsBefore, 'Stripe is not called');
        assert.equal(onError.calls.length, 1);
        assert.equal(onError.calls[0]!.context.stage, 'authentication');
      }
    });

    it('types the function with the stripe package, so a misspelt component fails to compile', () => {
      // @ts-expect-error — `paymentz` is not a component
      const typo: ComponentAllowlistResolver = () => ({ paymentz: { enabled: true } });
      assert.equal(typeof typo, 'function');
    });
  });
}
