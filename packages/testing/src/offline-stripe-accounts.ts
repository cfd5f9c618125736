/**
 * Linked bank accounts of the offline Financial Connections flow, shaped as Stripe's
 * `financial_connections.account` objects.
 */
import type Stripe from 'stripe';
import { randomToken } from './offline-stripe-ids.js';

type Account = Stripe.FinancialConnections.Account;

/** What a test may choose about an account it links; the rest gets realistic defaults. */
export type LinkedAccountDetails = Partial<
  Pick<
    Account,
    | 'institution_name'
    | 'display_name'
    | 'last4'
    | 'category'
    | 'subcategory'
    | 'status'
    | 'supported_payment_method_types'
    | 'balance'
  >
>;

/** A `financial_connections.account` linked in `session` at `created` (epoch seconds). */
export function linkedAccount(
  session: Pick<Stripe.FinancialConnections.Session, 'account_holder' | 'permissions' | 'livemode'>,
  details: LinkedAccountDetails,
  created: number,
): Account {
  const category = details.category ?? (details.subcategory === 'credit_card' ? 'credit' : 'cash');
  const subcategory = details.subcategory ?? (category === 'credit' ? 'credit_card' : 'checking');
  const payable = category === 'cash' && (subcategory === 'checking' || subcategory === 'savings');
  return {
    id: `fca_${randomToken(24)}`,
    object: 'financial_connections.account',
    account_holder: session.account_holder && { ...session.account_holder },
    account_numbers: null,
    balance: details.balance ?? null,
    balance_refresh: null,
    category,
    created,
    display_name: details.display_name ?? (subcategory === 'savings' ? 'Savings' : 'Checking'),
    institution_name: details.institution_name ?? 'StripeBank',
    last4: details.last4 ?? (subcategory === 'savings' ? '4321' : '6789'),
    livemode: session.livemode,
    ownership: null,
    ownership_refresh: null,
    permissions: [...session.permissions],
    status: details.status ?? 'active',
    subcategory,
    subscriptions: [],
    supported_payment_method_types:
      details.supported_payment_method_types ?? (payable ? ['us_bank_account', 'link'] : []),
    transaction_refresh: null,
  };
}
