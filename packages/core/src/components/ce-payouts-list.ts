import { connectComponentElement } from '../connect-component-element.js';

/**
 * Lists the payouts of the connected account.
 *
 * Stripe's `payouts-list` embedded component. Its settings, attributes and `ce-*` events are derived
 * from `@stripe/connect-js`; see the README's component table.
 *
 * @summary Lists the payouts of the connected account.
 * @tag ce-payouts-list
 */
export class CePayoutsList extends connectComponentElement('payouts-list') {}
