import { connectComponentElement } from '../connect-component-element.js';

/**
 * Lets the connected account manage its tax registrations.
 *
 * Stripe's `tax-registrations` embedded component. Its settings, attributes and `ce-*` events are derived
 * from `@stripe/connect-js`; see the README's component table.
 *
 * @summary Lets the connected account manage its tax registrations.
 * @tag ce-tax-registrations
 */
export class CeTaxRegistrations extends connectComponentElement('tax-registrations') {}
