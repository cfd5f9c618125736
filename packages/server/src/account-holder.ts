import type Stripe from 'stripe';

/**
 * The owner of a Financial Connections Session: a Customer (`cus_…`), an Accounts v2 Account that
 * represents the customer (`customer_account: 'acct_…'`), or a connected account.
 */
export type FinancialConnectionsAccountHolder =
  | { type: 'customer'; customer: string; customer_account?: never }
  | { type: 'customer'; customer_account: string; customer?: never }
  | { type: 'account'; account: string };

/** Which field of a holder holds its id. */
type HolderIdField = 'customer' | 'customer_account' | 'account';

/** The field that holds `holder`'s id: `customer_account` for an Accounts v2 customer. */
function idField(holder: FinancialConnectionsAccountHolder): HolderIdField {
  if (holder.type === 'account') return 'account';
  return holder.customer_account !== undefined ? 'customer_account' : 'customer';
}

/** The holder's id (`cus_…` / `acct_…`), or `''` when it has none. */
export function holderId(holder: FinancialConnectionsAccountHolder): string {
  const id: unknown = (holder as Partial<Record<HolderIdField, unknown>>)[idField(holder)];
  return typeof id === 'string' ? id : '';
}

/** Throws a `TypeError` unless `holder` is one of the three holder shapes. */
export function assertAccountHolderShape(
  holder: unknown,
  from: string,
): asserts holder is FinancialConnectionsAccountHolder {
  const { type, customer, customer_account } = (holder ?? {}) as Record<string, unknown>;
  if (
    typeof holder !== 'object' ||
    holder === null ||
    (type !== 'customer' && type !== 'account') ||
    (type === 'customer' && customer !== undefined && customer_account !== undefined)
  ) {
    throw new TypeError(
      `${from} must return {type: 'customer', customer}, {type: 'customer', customer_account} or {type: 'account', account}.`,
    );
  }
}

/** The `account_holder` parameter of a Financial Connections Session for `holder`. */
export function accountHolderParam(
  holder: FinancialConnectionsAccountHolder,
): Stripe.FinancialConnections.SessionCreateParams.AccountHolder {
  return { type: holder.type, [idField(holder)]: holderId(holder) };
}

type StripeAccountHolder = { type: string } & Partial<
  Record<HolderIdField, string | { id: string }>
>;

/** Whether Stripe's `account_holder` (ids or expanded objects) is `expected`. */
export function isSameAccountHolder(
  actual: StripeAccountHolder | null | undefined,
  expected: FinancialConnectionsAccountHolder,
): boolean {
  if (!actual || actual.type !== expected.type) return false;
  // A Customer and an Accounts v2 customer Account are different holders, even of one person.
  const reference = actual[idField(expected)];
  const actualId = typeof reference === 'string' ? reference : reference?.id;
  const expectedId = holderId(expected);
  return expectedId !== '' && actualId === expectedId;
}
