import type Stripe from 'stripe';
import {
  assertAccountHolderShape,
  isSameAccountHolder,
  type FinancialConnectionsAccountHolder,
} from './account-holder.js';
import type { FinancialConnectionsRetrievalStripeClient } from './stripe-client.js';

/**
 * Thrown by {@link retrieveFinancialConnectionsSession} when the session, or an account in it,
 * does not belong to the expected account holder — e.g. a browser reported someone else's
 * session id. Its message names the session, never the holders.
 */
export class AccountHolderMismatchError extends Error {
  /** The session id that was checked. */
  readonly sessionId: string;

  constructor(sessionId: string) {
    super(
      `Financial Connections Session ${sessionId} does not belong to the signed-in account holder.`,
    );
    this.name = 'AccountHolderMismatchError';
    this.sessionId = sessionId;
  }
}

const SESSION_ID = /^fcsess_[A-Za-z0-9]+$/;

/** How many pages of accounts {@link retrieveFinancialConnectionsSession} reads by default. */
export const DEFAULT_MAX_ACCOUNT_PAGES = 100;

/** Options of {@link retrieveFinancialConnectionsSession}. */
export interface FinancialConnectionsRetrievalOptions {
  /**
   * The most pages of linked accounts to read, the session's own first page included; 100 by
   * default (100 accounts a page after the first). A session with more is an error, not an
   * endless loop on a `has_more` that never ends.
   */
  maxPages?: number;
}

/**
 * The bank accounts linked in a Financial Connections Session, retrieved from Stripe on the
 * server — never the accounts a browser reports — once it is checked that the session belongs to
 * `expectedHolder` (same type and id; each linked account too).
 *
 * @param stripe A `new Stripe(secretKey)` client, or anything with
 *   `financialConnections.sessions.retrieve` and `financialConnections.accounts.list` (which
 *   reads the accounts past the session's first page).
 * @param sessionId The `fcsess_…` id, e.g. from the `ce-financial-connections-success` event.
 * @param expectedHolder The signed-in holder, resolved the way the session handler resolves it.
 * @param options `maxPages`: how many pages of accounts to read at most (100).
 * @throws {TypeError} when `sessionId` is not a session id.
 * @throws {RangeError} when the session has more than `maxPages` pages of accounts.
 * @throws {AccountHolderMismatchError} when the session belongs to another holder.
 * @throws Stripe's own error when the retrieval fails (e.g. no such session).
 *
 * @example
 * ```ts
 * const accounts = await retrieveFinancialConnectionsSession(stripe, body.sessionId, {
 *   type: 'customer',
 *   customer: user.stripeCustomerId,
 * });
 * ```
 */
export async function retrieveFinancialConnectionsSession(
  stripe: FinancialConnectionsRetrievalStripeClient,
  sessionId: string,
  expectedHolder: FinancialConnectionsAccountHolder,
  options: FinancialConnectionsRetrievalOptions = {},
): Promise<Stripe.FinancialConnections.Account[]> {
  if (typeof sessionId !== 'string' || !SESSION_ID.test(sessionId)) {
    throw new TypeError('sessionId must be a Financial Connections Session id (fcsess_…).');
  }
  const maxPages = options.maxPages ?? DEFAULT_MAX_ACCOUNT_PAGES;
  if (!Number.isInteger(maxPages) || maxPages < 1) {
    throw new TypeError('maxPages must be a whole number of pages, at least 1.');
  }
  assertAccountHolderShape(expectedHolder, 'expectedHolder');
  const session = await stripe.financialConnections.sessions.retrieve(sessionId);
  if (session.id !== sessionId || !isSameAccountHolder(session.account_holder, expectedHolder)) {
    throw new AccountHolderMismatchError(sessionId);
  }
  const accounts = [...session.accounts.data];
  // The session carries the first page of its accounts; the rest are listed by session.
  let pages = 1;
  for (let more = session.accounts.has_more; more && accounts.length > 0; pages += 1) {
    if (pages >= maxPages) {
      throw new RangeError(
        `Financial Connections Session ${sessionId} has more than ${maxPages} pages of accounts; stopped reading (raise maxPages to read more).`,
      );
    }
    const page = await stripe.financialConnections.accounts.list({
      session: sessionId,
      starting_after: accounts.at(-1)!.id,
      limit: 100,
    });
    accounts.push(...page.data);
    more = page.has_more && page.data.length > 0;
  }
  if (accounts.some((account) => !isSameAccountHolder(account.account_holder, expectedHolder))) {
    throw new AccountHolderMismatchError(sessionId);
  }
  return accounts;
}
