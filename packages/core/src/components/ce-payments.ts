import { connectComponentElement } from '../connect-component-element.js';

/**
 * Lists the payments of the connected account, with refunds and disputes.
 *
 * Stripe's `payments` embedded component. Its settings, attributes and `ce-*` events are derived
 * from `@stripe/connect-js`; see the README's component table.
 *
 * @summary Lists the payments of the connected account, with refunds and disputes.
 * @tag ce-payments
 */
export class CePayments extends connectComponentElement('payments') {}
