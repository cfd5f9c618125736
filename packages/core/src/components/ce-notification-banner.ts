import { connectComponentElement } from '../connect-component-element.js';

/**
 * Shows the open risk and compliance requirements of the connected account.
 *
 * Stripe's `notification-banner` embedded component. Its settings, attributes and `ce-*` events are derived
 * from `@stripe/connect-js`; see the README's component table.
 *
 * @summary Shows the open risk and compliance requirements of the connected account.
 * @tag ce-notification-banner
 */
export class CeNotificationBanner extends connectComponentElement('notification-banner') {}
