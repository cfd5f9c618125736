import { connectComponentElement } from '../connect-component-element.js';

/**
 * Shows one Treasury financial account.
 *
 * Stripe's `financial-account` embedded component. Its settings, attributes and `ce-*` events are derived
 * from `@stripe/connect-js`; see the README's component table.
 *
 * @summary Shows one Treasury financial account.
 * @tag ce-financial-account
 */
export class CeFinancialAccount extends connectComponentElement('financial-account') {}
