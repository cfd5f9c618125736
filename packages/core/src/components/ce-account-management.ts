import { connectComponentElement } from '../connect-component-element.js';

/**
 * Lets the connected account view and edit its account details.
 *
 * Stripe's `account-management` embedded component. Its settings, attributes and `ce-*` events are derived
 * from `@stripe/connect-js`; see the README's component table.
 *
 * @summary Lets the connected account view and edit its account details.
 * @tag ce-account-management
 */
export class CeAccountManagement extends connectComponentElement('account-management') {}
