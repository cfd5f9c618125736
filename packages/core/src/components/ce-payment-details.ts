import { connectComponentElement } from '../connect-component-element.js';

/**
 * Shows one payment of the connected account in an overlay.
 *
 * Stripe's `payment-details` embedded component. Its settings, attributes and `ce-*` events are derived
 * from `@stripe/connect-js`; see the README's component table.
 *
 * @summary Shows one payment of the connected account in an overlay.
 * @tag ce-payment-details
 */
export class CePaymentDetails extends connectComponentElement('payment-details') {}
