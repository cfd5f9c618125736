import {
  allowedComponentNames,
  planComponents,
  type ComponentAllowlist,
} from './component-allowlist.js';
import type { EndpointErrorListener } from './error-reporting.js';
import { createSessionEndpoint, type FetchHandler } from './session-endpoint.js';
import type { AccountSessionStripeClient } from './stripe-client.js';

/**
 * Finds the connected account (`acct_…`) of the user making the request — from your session
 * cookie, your auth middleware, your database — or returns `null`/`undefined`/`''` when nobody
 * is signed in (answered 401). Read headers and cookies only: the body is already consumed.
 */
export type AccountResolver = (
  request: Request,
) => string | null | undefined | Promise<string | null | undefined>;

/**
 * The allowlist for one request, from what your app knows of the signed-in user — their role,
 * plan or permissions — as Stripe's docs advise: map each user's role to the components and
 * features they may use. Read headers and cookies only: the body is already consumed.
 */
export type ComponentAllowlistResolver = (
  request: Request,
  account: string,
) => ComponentAllowlist | Promise<ComponentAllowlist>;

/** Options of {@link createAccountSessionHandler}. */
export interface AccountSessionHandlerOptions {
  /** A `new Stripe(secretKey)` client, or anything with `accountSessions.create`. */
  stripe: AccountSessionStripeClient;
  /** The signed-in user's connected account. Never taken from the request. */
  account: AccountResolver;
  /**
   * The components this endpoint may enable, with their features: one allowlist, or a function
   * giving the allowlist of each request (`(request, account) => allowlist`, e.g. by the user's
   * role). Either way the body's `components` may only narrow it.
   */
  components: ComponentAllowlist | ComponentAllowlistResolver;
  /**
   * Origins allowed to call the endpoint, e.g. `['https://shop.example']`. When given, a request
   * whose `Origin` is not listed is answered 403. A request without an `Origin` header (not from
   * a browser) is allowed. Not given: no origin check.
   */
  allowedOrigins?: readonly string[];
  /** Told about 500 and 502 answers, with every secret removed. Nothing is logged otherwise. */
  onError?: EndpointErrorListener;
  /**
   * Milliseconds the Stripe call may take, retries included, before the answer is 502; 10 000 by
   * default. Passed to stripe-node as the request's `timeout` (the client's own default is 80 s).
   */
  stripeTimeout?: number;
}

/** An allowlist with the names it enables. */
const allowlistOf = (allowlist: ComponentAllowlist) => ({
  allowlist,
  allowed: allowedComponentNames(allowlist),
});

/**
 * The host endpoint for `<ce-connect>`: creates an AccountSession for the signed-in user's
 * connected account and answers `200 {client_secret, expires_at}`.
 *
 * The browser posts `{"components": ["account_onboarding", "payments", …]}`; the session enables
 * those of them that are in the `components` allowlist, each `{enabled: true, features}` from the
 * allowlist — or the whole allowlist when the body lists none. Names outside the allowlist are
 * ignored; when every requested name is outside it the answer is 403 and Stripe is not called.
 *
 * Other answers, all JSON `{error: {message}}` with `Cache-Control: no-store`: 405 (with
 * `Allow: POST`) for other methods, 403 for an origin outside `allowedOrigins`, 415 for a
 * `Content-Type` other than `application/json`, 413 for a body over 16 KiB, 400 for a body that
 * is not a JSON object, 401 when `account()` finds nobody, 500 when it throws, and 502 (with
 * Stripe's `request_id`) when Stripe fails or takes longer than `stripeTimeout`.
 *
 * @example
 * ```ts
 * export const POST = createAccountSessionHandler({
 *   stripe: new Stripe(process.env.STRIPE_SECRET_KEY!),
 *   account: async (request) => (await getSignedInUser(request))?.stripeAccountId ?? null,
 *   components: { account_onboarding: { enabled: true }, payments: { enabled: true } },
 * });
 * ```
 *
 * With `components` a function, it is called per request after `account()`, with the account:
 * an allowlist that enables nothing is answered 403 (Stripe is not called), and a function that
 * throws or returns something else than an allowlist is answered 500, like `account()`.
 */
export function createAccountSessionHandler(options: AccountSessionHandlerOptions): FetchHandler {
  const { stripe, account, components } = options;
  if (typeof stripe?.accountSessions?.create !== 'function') {
    throw new TypeError('createAccountSessionHandler: `stripe` must be a Stripe client.');
  }
  if (typeof account !== 'function') {
    throw new TypeError('createAccountSessionHandler: `account` must be a function.');
  }
  // A fixed allowlist is checked once, here; one per request when it is asked for.
  const fixed = typeof components === 'function' ? undefined : allowlistOf(components ?? {});
  if (fixed?.allowed.length === 0) {
    throw new TypeError(
      'createAccountSessionHandler: `components` must enable at least one component.',
    );
  }

  return createSessionEndpoint({
    endpoint: 'account_session',
    allowedOrigins: options.allowedOrigins,
    onError: options.onError,
    stripeTimeout: options.stripeTimeout,
    // Who is asking includes what they may use: the allowlist of their request.
    async authenticate(request) {
      const id: unknown = await account(request);
      if (id === null || id === undefined || id === '') return null;
      if (typeof id !== 'string') {
        throw new TypeError('account() must return a connected account id, or null.');
      }
      if (fixed) return { account: id, ...fixed };
      const allowlist: unknown = await (components as ComponentAllowlistResolver)(request, id);
      if (typeof allowlist !== 'object' || allowlist === null || Array.isArray(allowlist)) {
        throw new TypeError('components() must return an allowlist of components.');
      }
      return { account: id, ...allowlistOf(allowlist as ComponentAllowlist) };
    },
    planSession(body, { account: accountId, allowlist, allowed }) {
      const plan = planComponents(allowlist, allowed, body);
      return 'refusal' in plan ? plan : { params: { account: accountId, components: plan.params } };
    },
    async createSession(params, requestOptions) {
      const session = await stripe.accountSessions.create(params, requestOptions);
      return { client_secret: session.client_secret, expires_at: session.expires_at };
    },
  });
}
