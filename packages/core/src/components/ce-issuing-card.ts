import { connectComponentElement } from '../connect-component-element.js';

/**
 * Shows one Issuing card, with its details and spend controls.
 *
 * Stripe's `issuing-card` embedded component. Its settings, attributes and `ce-*` events are derived
 * from `@stripe/connect-js`; see the README's component table.
 *
 * @summary Shows one Issuing card, with its details and spend controls.
 * @tag ce-issuing-card
 */
export class CeIssuingCard extends connectComponentElement('issuing-card') {}
