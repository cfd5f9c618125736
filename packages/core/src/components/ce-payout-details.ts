import { connectComponentElement } from '../connect-component-element.js';

/**
 * Shows one payout of the connected account in an overlay.
 *
 * Stripe's `payout-details` embedded component. Its settings, attributes and `ce-*` events are derived
 * from `@stripe/connect-js`; see the README's component table.
 *
 * @summary Shows one payout of the connected account in an overlay.
 * @tag ce-payout-details
 */
export class CePayoutDetails extends connectComponentElement('payout-details') {}
