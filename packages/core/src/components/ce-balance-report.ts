import { connectComponentElement } from '../connect-component-element.js';

/**
 * Shows the balance report of the connected account.
 *
 * Stripe's `balance-report` embedded component. Its settings, attributes and `ce-*` events are derived
 * from `@stripe/connect-js`; see the README's component table.
 *
 * @summary Shows the balance report of the connected account.
 * @tag ce-balance-report
 */
export class CeBalanceReport extends connectComponentElement('balance-report') {}
