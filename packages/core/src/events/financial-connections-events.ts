import type { BankAccountToken, FinancialConnectionsSession } from '@stripe/stripe-js';
import type { ConnectElementsErrorDetail } from '../errors.js';

/** A bank account linked through Financial Connections, as Stripe.js reports it. */
export type FinancialConnectionsAccount = FinancialConnectionsSession.Account;

/**
 * `event.detail` of `ce-financial-connections-success`: the session's id, linked accounts,
 * filters and permissions (never its client secret), and for `collect="bank-account-token"` the
 * bank account token.
 *
 * Treat it as a hint for the page: your server should retrieve the session by `id` and check it
 * before it trusts the accounts.
 */
export interface FinancialConnectionsSuccessDetail {
  session: Pick<FinancialConnectionsSession, 'id' | 'accounts' | 'filters' | 'permissions'>;
  token?: BankAccountToken;
}

/** `event.detail` of `ce-financial-connections-cancel`: the session that closed with no account. */
export interface FinancialConnectionsCancelDetail {
  session: { id: string };
}

/**
 * What `launch()` (and `retry()`) of `<ce-financial-connections>` resolve with: the outcome it
 * also dispatched.
 *
 * - `success`: `ce-financial-connections-success` was dispatched with the same `session` and `token`.
 * - `cancel`: `ce-financial-connections-cancel` was dispatched; no account was linked.
 * - `error`: `ce-error` was dispatched with `error` as its detail.
 * - `aborted`: nothing was dispatched: the element was disabled, or it was removed from the page
 *   while the launch was in flight (its request was cancelled, a late Stripe result dropped).
 */
export type FinancialConnectionsResult =
  | ({ status: 'success' } & FinancialConnectionsSuccessDetail)
  | ({ status: 'cancel' } & FinancialConnectionsCancelDetail)
  | { status: 'error'; error: ConnectElementsErrorDetail }
  | { status: 'aborted' };

/** `ce-financial-connections-success`: the customer linked one or more accounts. */
export class CeFinancialConnectionsSuccessEvent extends CustomEvent<FinancialConnectionsSuccessDetail> {
  constructor(detail: FinancialConnectionsSuccessDetail) {
    super('ce-financial-connections-success', { detail, bubbles: true, composed: true });
  }
}

/** `ce-financial-connections-cancel`: the flow closed with no account linked. */
export class CeFinancialConnectionsCancelEvent extends CustomEvent<FinancialConnectionsCancelDetail> {
  constructor(detail: FinancialConnectionsCancelDetail) {
    super('ce-financial-connections-cancel', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ce-financial-connections-success': CeFinancialConnectionsSuccessEvent;
    'ce-financial-connections-cancel': CeFinancialConnectionsCancelEvent;
  }
}
