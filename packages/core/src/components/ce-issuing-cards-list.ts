import { connectComponentElement } from '../connect-component-element.js';

/**
 * Lists the Issuing cards of the connected account.
 *
 * Stripe's `issuing-cards-list` embedded component. Its settings, attributes and `ce-*` events are derived
 * from `@stripe/connect-js`; see the README's component table.
 *
 * @summary Lists the Issuing cards of the connected account.
 * @tag ce-issuing-cards-list
 */
export class CeIssuingCardsList extends connectComponentElement('issuing-cards-list') {}
