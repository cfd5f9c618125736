/**
 * The parts of the `stripe` client the handlers use, as structural types: an official `Stripe`
 * instance fits, and so does `createOfflineStripe()` from `@connect-elements/testing` or any
 * stand-in with these methods.
 */
import type Stripe from 'stripe';

/** What {@link createAccountSessionHandler} needs of the Stripe client. */
export interface AccountSessionStripeClient {
  accountSessions: {
    create(
      params: Stripe.AccountSessionCreateParams,
      options?: Stripe.RequestOptions,
    ): Promise<Pick<Stripe.AccountSession, 'client_secret' | 'expires_at'>>;
  };
}

/** What {@link createFinancialConnectionsSessionHandler} needs of the Stripe client. */
export interface FinancialConnectionsSessionStripeClient {
  financialConnections: {
    sessions: {
      create(
        params: Stripe.FinancialConnections.SessionCreateParams,
        options?: Stripe.RequestOptions,
      ): Promise<Pick<Stripe.FinancialConnections.Session, 'id' | 'client_secret'>>;
    };
  };
}

/** What {@link retrieveFinancialConnectionsSession} needs of the Stripe client. */
export interface FinancialConnectionsRetrievalStripeClient {
  financialConnections: {
    sessions: {
      retrieve(
        id: string,
      ): Promise<Pick<Stripe.FinancialConnections.Session, 'id' | 'account_holder' | 'accounts'>>;
    };
    accounts: {
      /** The pages after the session's own first page of accounts (`session`, `starting_after`). */
      list(
        params: Stripe.FinancialConnections.AccountListParams,
      ): Promise<Pick<Stripe.ApiList<Stripe.FinancialConnections.Account>, 'data' | 'has_more'>>;
    };
  };
}
