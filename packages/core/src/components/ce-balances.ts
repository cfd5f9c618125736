import { connectComponentElement } from '../connect-component-element.js';

/**
 * Shows the balances of the connected account and lets it pay out.
 *
 * Stripe's `balances` embedded component. Its settings, attributes and `ce-*` events are derived
 * from `@stripe/connect-js`; see the README's component table.
 *
 * @summary Shows the balances of the connected account and lets it pay out.
 * @tag ce-balances
 */
export class CeBalances extends connectComponentElement('balances') {}
