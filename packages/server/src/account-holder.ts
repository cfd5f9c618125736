import type Stripe from 'stripe';

/** The owner of a Financial Connections Session: a Customer or a connected account. */
export type FinancialConnectionsAccountHolder =
  { type: 'customer'; customer: string } | { type: 'account'; account: string };

/** The holder's id (`cus_…` / `acct_…`), or `''` when it has none. */
export function holderId(holder: FinancialConnectionsAccountHolder): string {
  const id = holder.type === 'customer' ? holder.customer : holder.account;
  return typeof id === 'string' ? id : '';
}

/** Throws a `TypeError` unless `holder` is one of the two holder shapes. */
export function assertAccountHolderShape(
  holder: unknown,
  from: string,
): asserts holder is FinancialConnectionsAccountHolder {
  const type = (holder as { type?: unknown } | null)?.type;
  if (
    typeof holder !== 'object' ||
    holder === null ||
    (type !== 'customer' && type !== 'account')
  ) {
    throw new TypeError(
      `${from} must return {type: 'customer', customer} or {type: 'account', account}.`,
    );
  }
}

/** The `account_holder` parameter of a Financial Connections Session for `holder`. */
export function accountHolderParam(
  holder: FinancialConnectionsAccountHolder,
): Stripe.FinancialConnections.SessionCreateParams.AccountHolder {
  return holder.type === 'customer'
    ? { type: 'customer', customer: holder.customer }
    : { type: 'account', account: holder.account };
}

type StripeAccountHolder = {
  type: string;
  account?: string | { id: string };
  customer?: string | { id: string };
};

/** Whether Stripe's `account_holder` (ids or expanded objects) is `expected`. */
export function isSameAccountHolder(
  actual: StripeAccountHolder | null | undefined,
  expected: FinancialConnectionsAccountHolder,
): boolean {
  if (!actual || actual.type !== expected.type) return false;
  const reference = expected.type === 'customer' ? actual.customer : actual.account;
  const actualId = typeof reference === 'string' ? reference : reference?.id;
  const expectedId = holderId(expected);
  return expectedId !== '' && actualId === expectedId;
}
