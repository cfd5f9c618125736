import type Stripe from 'stripe';
import {
  accountHolderParam,
  assertAccountHolderShape,
  holderId,
  type FinancialConnectionsAccountHolder,
} from './account-holder.js';
import type { EndpointErrorListener } from './error-reporting.js';
import { createSessionEndpoint, type FetchHandler } from './session-endpoint.js';
import type { FinancialConnectionsSessionStripeClient } from './stripe-client.js';

type Permission = Stripe.FinancialConnections.SessionCreateParams.Permission;
type Filters = Stripe.FinancialConnections.SessionCreateParams.Filters;
type Prefetch = Stripe.FinancialConnections.SessionCreateParams.Prefetch;
type Limits = Stripe.FinancialConnections.SessionCreateParams.Limits;
type ManualEntry = Stripe.FinancialConnections.SessionCreateParams.ManualEntry;

/**
 * Finds who links the bank accounts — the signed-in user's Customer (`{type: 'customer',
 * customer}`), the Accounts v2 Account that represents them (`{type: 'customer',
 * customer_account}`) or a connected account (`{type: 'account', account}`) — or returns
 * `null`/`undefined` when nobody is signed in (answered 401). Read headers and cookies only: the
 * body is already consumed.
 */
export type AccountHolderResolver = (
  request: Request,
) =>
  | FinancialConnectionsAccountHolder
  | null
  | undefined
  | Promise<FinancialConnectionsAccountHolder | null | undefined>;

/** Options of {@link createFinancialConnectionsSessionHandler}. */
export interface FinancialConnectionsSessionHandlerOptions {
  /** A `new Stripe(secretKey)` client, or anything with `financialConnections.sessions.create`. */
  stripe: FinancialConnectionsSessionStripeClient;
  /** The signed-in account holder. Never taken from the request. */
  accountHolder: AccountHolderResolver;
  /** The data permissions to ask for, e.g. `['payment_method', 'balances']`. */
  permissions: readonly Permission[];
  /** Which accounts may be linked, e.g. `{country: 'US', account_subcategories: ['checking']}`. */
  filters?: Filters;
  /** Data to fetch as soon as an account is linked, e.g. `['balances']`. */
  prefetch?: readonly Prefetch[];
  /** Where to send the user back after an OAuth bank login, for redirect-based flows. */
  returnUrl?: string;
  /** How many accounts may be linked in one session, e.g. `{accounts: 1}` (Stripe's `limits`). */
  limits?: Limits;
  /** Whether the flow offers manual entry of account details, e.g. `{mode: 'disabled'}`. */
  manualEntry?: ManualEntry;
  /** As in {@link AccountSessionHandlerOptions.allowedOrigins}. */
  allowedOrigins?: readonly string[];
  /** Told about 500 and 502 answers, with every secret removed. Nothing is logged otherwise. */
  onError?: EndpointErrorListener;
  /** As in {@link AccountSessionHandlerOptions.stripeTimeout}: 10 000 ms by default. */
  stripeTimeout?: number;
}

/**
 * The host endpoint for `<ce-financial-connections>`: creates a Financial Connections Session for
 * the signed-in account holder and answers `200 {client_secret, id}`. (A Financial Connections
 * Session has no `expires_at`; keep the `id` to check the result with
 * {@link retrieveFinancialConnectionsSession}.) The request body may be empty or any JSON object
 * up to 16 KiB; nothing in it is used.
 *
 * Other answers are those of {@link createAccountSessionHandler}: 405, 403, 415, 413, 400, 401,
 * 500, 502.
 */
export function createFinancialConnectionsSessionHandler(
  options: FinancialConnectionsSessionHandlerOptions,
): FetchHandler {
  const { stripe, accountHolder, permissions, filters, prefetch, returnUrl, limits, manualEntry } =
    options;
  if (typeof stripe?.financialConnections?.sessions?.create !== 'function') {
    throw new TypeError(
      'createFinancialConnectionsSessionHandler: `stripe` must be a Stripe client.',
    );
  }
  if (typeof accountHolder !== 'function') {
    throw new TypeError(
      'createFinancialConnectionsSessionHandler: `accountHolder` must be a function.',
    );
  }
  if (!Array.isArray(permissions) || permissions.length === 0) {
    throw new TypeError(
      'createFinancialConnectionsSessionHandler: `permissions` must list at least one permission.',
    );
  }

  return createSessionEndpoint({
    endpoint: 'financial_connections_session',
    allowedOrigins: options.allowedOrigins,
    onError: options.onError,
    stripeTimeout: options.stripeTimeout,
    async authenticate(request) {
      const holder: unknown = await accountHolder(request);
      if (holder === null || holder === undefined) return null;
      assertAccountHolderShape(holder, 'accountHolder()');
      return holderId(holder) === '' ? null : holder;
    },
    planSession: (_body, holder) => ({
      params: {
        account_holder: accountHolderParam(holder),
        permissions: [...permissions],
        ...(filters && { filters }),
        ...(prefetch && { prefetch: [...prefetch] }),
        ...(returnUrl !== undefined && { return_url: returnUrl }),
        ...(limits && { limits }),
        ...(manualEntry && { manual_entry: manualEntry }),
      },
    }),
    async createSession(params, requestOptions) {
      const session = await stripe.financialConnections.sessions.create(params, requestOptions);
      return { client_secret: session.client_secret, id: session.id };
    },
  });
}
