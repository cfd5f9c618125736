import { connectComponentElement } from '../connect-component-element.js';

/**
 * Shows and answers the disputes of one payment.
 *
 * Stripe's `payment-disputes` embedded component. Its settings, attributes and `ce-*` events are derived
 * from `@stripe/connect-js`; see the README's component table.
 *
 * @summary Shows and answers the disputes of one payment.
 * @tag ce-payment-disputes
 */
export class CePaymentDisputes extends connectComponentElement('payment-disputes') {}
