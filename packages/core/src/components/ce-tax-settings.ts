import { connectComponentElement } from '../connect-component-element.js';

/**
 * Lets the connected account manage its Stripe Tax settings.
 *
 * Stripe's `tax-settings` embedded component. Its settings, attributes and `ce-*` events are derived
 * from `@stripe/connect-js`; see the README's component table.
 *
 * @summary Lets the connected account manage its Stripe Tax settings.
 * @tag ce-tax-settings
 */
export class CeTaxSettings extends connectComponentElement('tax-settings') {}
