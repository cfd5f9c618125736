import { connectComponentElement } from '../connect-component-element.js';

/**
 * Shows the payout reconciliation report of the connected account.
 *
 * Stripe's `payout-reconciliation-report` embedded component. Its settings, attributes and `ce-*` events are derived
 * from `@stripe/connect-js`; see the README's component table.
 *
 * @summary Shows the payout reconciliation report of the connected account.
 * @tag ce-payout-reconciliation-report
 */
export class CePayoutReconciliationReport extends connectComponentElement(
  'payout-reconciliation-report',
) {}
