import { connectComponentElement } from '../connect-component-element.js';

/**
 * Lists the transactions of one Treasury financial account.
 *
 * Stripe's `financial-account-transactions` embedded component. Its settings, attributes and `ce-*` events are derived
 * from `@stripe/connect-js`; see the README's component table.
 *
 * @summary Lists the transactions of one Treasury financial account.
 * @tag ce-financial-account-transactions
 */
export class CeFinancialAccountTransactions extends connectComponentElement(
  'financial-account-transactions',
) {}
