import { connectComponentElement } from '../connect-component-element.js';

/**
 * Shows balances, the payout schedule and payouts of the connected account.
 *
 * Stripe's `payouts` embedded component. Its settings, attributes and `ce-*` events are derived
 * from `@stripe/connect-js`; see the README's component table.
 *
 * @summary Shows balances, the payout schedule and payouts of the connected account.
 * @tag ce-payouts
 */
export class CePayouts extends connectComponentElement('payouts') {}
