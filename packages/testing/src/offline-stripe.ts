/**
 * `@connect-elements/testing/offline-stripe` (peer dependency: `stripe`). `createOfflineStripe()`:
 * a stand-in for the `stripe` API client, with no network, for demos and
 * tests. It covers what `@connect-elements/server` uses — `accountSessions.create`,
 * `financialConnections.sessions.create` / `.retrieve` and `financialConnections.accounts.list` —
 * checks parameters the way Stripe's API does, against tables the compiler holds to the installed
 * `stripe` types (`./offline-stripe-validation.js`), failing with the `stripe` package's own
 * `StripeInvalidRequestError`, and answers objects with every field Stripe's answers carry. Its
 * client secrets carry their expiry, for `parseOfflineClientSecret()`.
 */
import Stripe from 'stripe';
import { invalidRequest } from './offline-stripe-errors.js';
import { linkedAccount, type LinkedAccountDetails } from './offline-stripe-accounts.js';
import { offlineClientSecret, randomToken } from './offline-stripe-ids.js';
import {
  checkAccountListParams,
  checkAccountSessionParams,
  checkFinancialConnectionsSessionParams,
  checkSessionRetrieveParams,
} from './offline-stripe-validation.js';

export type { LinkedAccountDetails } from './offline-stripe-accounts.js';
export { parseOfflineClientSecret } from './offline-secret.js';

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
    /**
     * Creates an `account_session` with an `accs_secret__offline_…` client secret; its
     * `components` list every component with every feature flag, Stripe's default where not given.
     */
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
       * Takes only `expand`, as Stripe does.
       */
      retrieve(
        id: string,
        params?: Stripe.FinancialConnections.SessionRetrieveParams,
        options?: Stripe.RequestOptions,
      ): Promise<Stripe.Response<Session>>;
    };
    accounts: {
      /**
       * Linked accounts, oldest first: of one `session` or of every session, of one
       * `account_holder` (`{customer}`, `{customer_account}` or `{account}`) or of any; paged with
       * `starting_after` or `ending_before` and `limit` (1–100, default 10).
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
        // Stripe lists every component with every feature flag, defaulted where not given.
        const { account, components } = checkAccountSessionParams(params);
        const expiresAt = nowSeconds() + lifetime;
        return withLastResponse({
          object: 'account_session',
          account,
          client_secret: offlineClientSecret('accs_secret__', expiresAt),
          components,
          expires_at: expiresAt,
          livemode: false,
        } satisfies Stripe.AccountSession);
      },
    },
    financialConnections: {
      sessions: {
        async create(params) {
          const checked = checkFinancialConnectionsSessionParams(params);
          const token = randomToken(24);
          const accountsLimit = checked.limits?.accounts;
          const session: Session = {
            id: `fcsess_${token}`,
            object: 'financial_connections.session',
            // One of account, customer or customer_account (an Accounts v2 customer), as given.
            account_holder: { ...checked.account_holder },
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
            // `limits[accounts]` sent empty means no maximum: no limits to show.
            ...(typeof accountsLimit === 'number' && { limits: { accounts: accountsLimit } }),
            livemode: false,
            ...(checked.manual_entry && { manual_entry: { ...checked.manual_entry } }),
            permissions: [...checked.permissions],
            prefetch: checked.prefetch ? [...checked.prefetch] : null,
            ...(checked.return_url !== undefined && { return_url: checked.return_url }),
          };
          sessions.set(session.id, session);
          return withLastResponse(structuredClone(session));
        },
        async retrieve(id, params) {
          checkSessionRetrieveParams(params);
          const session = sessionNamed(id, 404);
          return withLastResponse({
            ...structuredClone(session),
            accounts: pageFrom(session.accounts.data, 0, SESSION_ACCOUNTS_PAGE),
          });
        },
      },
      accounts: {
        async list(params) {
          const checked = checkAccountListParams(params);
          const { session, account_holder: holder, limit } = checked;
          const accounts = (
            session === undefined
              ? [...sessions.values()].flatMap(({ accounts }) => accounts.data)
              : sessionNamed(session, 400).accounts.data
          ).filter((account) => !holder || isHeldBy(account, holder));
          // At most one cursor: the checks refuse both.
          const param = checked.ending_before === undefined ? 'starting_after' : 'ending_before';
          const cursor = checked[param];
          if (cursor === undefined) return withLastResponse(pageFrom(accounts, 0, limit));
          const at = accounts.findIndex((account) => account.id === cursor);
          if (at < 0) {
            throw invalidRequest(
              `No such financial_connections.account: '${cursor}'`,
              param,
              'resource_missing',
            );
          }
          if (param === 'starting_after') {
            return withLastResponse(pageFrom(accounts, at + 1, limit));
          }
          // `ending_before` pages back: the `limit` accounts before the cursor, `has_more` when
          // there are earlier ones.
          const start = Math.max(0, at - limit);
          return withLastResponse(accountList(accounts.slice(start, at), start > 0));
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

/** Whether `account` belongs to the holder an `accounts.list` names (by one id). */
function isHeldBy(
  account: Stripe.FinancialConnections.Account,
  holder: Stripe.FinancialConnections.AccountListParams.AccountHolder,
): boolean {
  const ids = account.account_holder as Partial<Record<keyof typeof holder, unknown>> | null;
  return (Object.keys(holder) as (keyof typeof holder)[]).every(
    (key) => ids?.[key] === holder[key],
  );
}

/** How many accounts a retrieved session carries; Stripe's default page size. */
const SESSION_ACCOUNTS_PAGE = 10;

/** `accounts` as a Stripe list object. */
function accountList(
  accounts: readonly Stripe.FinancialConnections.Account[],
  hasMore: boolean,
): Stripe.ApiList<Stripe.FinancialConnections.Account> {
  return {
    object: 'list',
    data: structuredClone([...accounts]),
    has_more: hasMore,
    url: ACCOUNTS_URL,
  };
}

/** The `limit` accounts from `start` on, `has_more` when there are more after them. */
const pageFrom = (
  accounts: readonly Stripe.FinancialConnections.Account[],
  start: number,
  limit: number,
) => accountList(accounts.slice(start, start + limit), accounts.length > start + limit);

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
