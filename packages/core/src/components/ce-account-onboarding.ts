import { connectComponentElement } from '../connect-component-element.js';

/**
 * Onboards a connected account: collects what Stripe needs to verify it.
 *
 * Stripe's `account-onboarding` embedded component. Its settings, attributes and `ce-*` events are derived
 * from `@stripe/connect-js`; see the README's component table.
 *
 * @summary Onboards a connected account: collects what Stripe needs to verify it.
 * @tag ce-account-onboarding
 */
export class CeAccountOnboarding extends connectComponentElement('account-onboarding') {}
