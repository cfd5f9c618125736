/**
 * `createOfflineStripe()`: a stand-in for the `stripe` API client, with no network, for demos and
 * tests. It covers what `@connect-elements/server` uses — `accountSessions.create`,
 * `financialConnections.sessions.create` / `.retrieve` and `financialConnections.accounts.list` —
 * checks parameters the way Stripe's API
 * does (failing with the `stripe` package's own `StripeInvalidRequestError`), and answers objects
 * shaped as Stripe's. Its client secrets carry their expiry, for `parseOfflineClientSecret()`.
 */
import Stripe from 'stripe';
import { invalidRequest } from './offline-stripe-errors.js';
import { linkedAccount, type LinkedAccountDetails } from './offline-stripe-accounts.js';
import { offlineClientSecret, randomToken } from './offline-stripe-ids.js';
import {
  checkAccountListParams,
  checkAccountSessionParams,
  checkFinancialConnectionsSessionParams,
  COMPONENT_NAMES,
} from './offline-stripe-validation.js';

export type { LinkedAccountDetails } from './offline-stripe-accounts.js';

type Session = Stripe.FinancialConnections.Session;

/** Options of {@link createOfflineStripe}. */
export interface OfflineStripeOptions {
  /**
   * How long AccountSessions (and every client secret) last, in seconds. Default 1800, Stripe's
   * 30 minutes; a test of expiry may use a few seconds.
   */
  sessionLifetimeSeconds?: number;
  /** The clock, in epoch milliseconds. Default `Date.now`. */
  now?: () => number;
}

/** The offline stand-in for the `stripe` client. */
export interface OfflineStripe {
  accountSessions: {
    /** Creates an `account_session` with an `accs_secret__offline_…` client secret. */
    create(
      params: Stripe.AccountSessionCreateParams,
      options?: Stripe.RequestOptions,
    ): Promise<Stripe.Response<Stripe.AccountSession>>;
  };
  financialConnections: {
    sessions: {
      /** Creates a `financial_connections.session` with no linked accounts yet. */
      create(
        params: Stripe.FinancialConnections.SessionCreateParams,
        options?: Stripe.RequestOptions,
      ): Promise<Stripe.Response<Session>>;
      /**
       * A session this stand-in created, with the accounts {@link OfflineStripe.linkAccounts}
       * added: the first 10 in `accounts.data`, as Stripe pages them, and `has_more` beyond.
       */
      retrieve(
        id: string,
        params?: Stripe.FinancialConnections.SessionRetrieveParams,
        options?: Stripe.RequestOptions,
      ): Promise<Stripe.Response<Session>>;
    };
    accounts: {
      /**
       * Linked accounts, oldest first: of one `session`, or of every session; paged forward with
       * `starting_after` and `limit` (1–100, default 10).
       */
      list(
        params?: Stripe.FinancialConnections.AccountListParams,
        options?: Stripe.RequestOptions,
      ): Promise<Stripe.Response<Stripe.ApiList<Stripe.FinancialConnections.Account>>>;
    };
  };
  /**
   * Completes the bank-login step of a session as a user would: links `accounts` (one checking
   * account at "StripeBank" when not given) and returns the new `financial_connections.account`
   * objects. Throws when this stand-in did not create the session.
   */
  linkAccounts(
    sessionId: string,
    accounts?: readonly LinkedAccountDetails[],
  ): Stripe.FinancialConnections.Account[];
}

const ACCOUNTS_URL = '/v1/financial_connections/accounts';

/** A new offline Stripe client; each has its own sessions. */
export function createOfflineStripe(options: OfflineStripeOptions = {}): OfflineStripe {
  const lifetime = options.sessionLifetimeSeconds ?? 30 * 60;
  if (!Number.isFinite(lifetime) || lifetime <= 0) {
    throw new RangeError('sessionLifetimeSeconds must be a positive number of seconds.');
  }
  const now = options.now ?? Date.now;
  const nowSeconds = () => Math.floor(now() / 1000);
  const sessions = new Map<string, Session>();
  /** A session this client created, or Stripe's error: 404 when retrieved, 400 as a filter. */
  const sessionNamed = (id: string, status: 400 | 404): Session => {
    const session = sessions.get(id);
    if (!session) {
      throw invalidRequest(
        `No such financial_connections.session: '${String(id)}'`,
        'session',
        'resource_missing',
        status,
      );
    }
    return session;
  };

  return {
    accountSessions: {
      async create(params) {
        const { account, components } = checkAccountSessionParams(params);
        const expiresAt = nowSeconds() + lifetime;
        // Stripe lists every component; features it would default are echoed as given.
        const echoed = Object.fromEntries(
          COMPONENT_NAMES.map((name) => [
            name,
            {
              enabled: components[name]?.enabled ?? false,
              features: { ...components[name]?.features },
            },
          ]),
        ) as unknown as Stripe.AccountSession.Components;
        return withLastResponse({
          object: 'account_session',
          account,
          client_secret: offlineClientSecret('accs_secret__', expiresAt),
          components: echoed,
          expires_at: expiresAt,
          livemode: false,
        } satisfies Stripe.AccountSession);
      },
    },
    financialConnections: {
      sessions: {
        async create(params) {
          const checked = checkFinancialConnectionsSessionParams(params);
          const holder = checked.account_holder;
          const token = randomToken(24);
          const session: Session = {
            id: `fcsess_${token}`,
            object: 'financial_connections.session',
            account_holder:
              holder.type === 'customer'
                ? { type: 'customer', customer: holder.customer }
                : { type: 'account', account: holder.account },
            accounts: { object: 'list', data: [], has_more: false, url: ACCOUNTS_URL },
            client_secret: offlineClientSecret(
              'fcsess_client_secret_',
              nowSeconds() + lifetime,
              token,
            ),
            ...(checked.filters && {
              filters: {
                account_subcategories: checked.filters.account_subcategories ?? null,
                country: checked.filters.country ?? null,
                ...(checked.filters.require_payment_method_support && {
                  require_payment_method_support: checked.filters.require_payment_method_support,
                }),
              },
            }),
            livemode: false,
            permissions: [...checked.permissions],
            prefetch: checked.prefetch ? [...checked.prefetch] : null,
            ...(checked.return_url !== undefined && { return_url: checked.return_url }),
          };
          sessions.set(session.id, session);
          return withLastResponse(structuredClone(session));
        },
        async retrieve(id) {
          const session = sessionNamed(id, 404);
          return withLastResponse({
            ...structuredClone(session),
            accounts: accountPage(session.accounts.data, 0, SESSION_ACCOUNTS_PAGE),
          });
        },
      },
      accounts: {
        async list(params) {
          const { session: sessionId, startingAfter, limit } = checkAccountListParams(params);
          const accounts =
            sessionId === undefined
              ? [...sessions.values()].flatMap((session) => session.accounts.data)
              : sessionNamed(sessionId, 400).accounts.data;
          let start = 0;
          if (startingAfter !== undefined) {
            start = accounts.findIndex((account) => account.id === startingAfter) + 1;
            if (start === 0) {
              throw invalidRequest(
                `No such financial_connections.account: '${startingAfter}'`,
                'starting_after',
                'resource_missing',
              );
            }
          }
          return withLastResponse(accountPage(accounts, start, limit));
        },
      },
    },
    linkAccounts(sessionId, accounts = [{}]) {
      const session = sessions.get(sessionId);
      if (!session) {
        throw new Error(`linkAccounts: this offline Stripe created no session ${sessionId}.`);
      }
      const linked = accounts.map((details) => linkedAccount(session, details, nowSeconds()));
      session.accounts.data.push(...linked);
      return structuredClone(linked);
    },
  };
}

/** How many accounts a retrieved session carries; Stripe's default page size. */
const SESSION_ACCOUNTS_PAGE = 10;

/** `limit` accounts from `start`, as a Stripe list object. */
function accountPage(
  accounts: readonly Stripe.FinancialConnections.Account[],
  start: number,
  limit: number,
): Stripe.ApiList<Stripe.FinancialConnections.Account> {
  return {
    object: 'list',
    data: structuredClone(accounts.slice(start, start + limit)),
    has_more: accounts.length > start + limit,
    url: ACCOUNTS_URL,
  };
}

/** `object` with Stripe's non-enumerable `lastResponse`, as the real client answers. */
function withLastResponse<T extends object>(object: T): Stripe.Response<T> {
  const requestId = `req_offline${randomToken(14)}`;
  return Object.defineProperty(object, 'lastResponse', {
    enumerable: false,
    writable: false,
    value: {
      headers: { 'request-id': requestId },
      requestId,
      statusCode: 200,
      apiVersion: Stripe.API_VERSION,
    },
  }) as Stripe.Response<T>;
}
