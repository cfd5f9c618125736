import { connectComponentElement } from '../connect-component-element.js';

/**
 * Promotes instant payouts to a connected account that can use them.
 *
 * Stripe's `instant-payouts-promotion` embedded component. Its settings, attributes and `ce-*` events are derived
 * from `@stripe/connect-js`; see the README's component table.
 *
 * @summary Promotes instant payouts to a connected account that can use them.
 * @tag ce-instant-payouts-promotion
 */
export class CeInstantPayoutsPromotion extends connectComponentElement(
  'instant-payouts-promotion',
) {}
