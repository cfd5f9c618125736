import { connectComponentElement } from '../connect-component-element.js';

/**
 * Lists the disputes of the connected account.
 *
 * Stripe's `disputes-list` embedded component. Its settings, attributes and `ce-*` events are derived
 * from `@stripe/connect-js`; see the README's component table.
 *
 * @summary Lists the disputes of the connected account.
 * @tag ce-disputes-list
 */
export class CeDisputesList extends connectComponentElement('disputes-list') {}
