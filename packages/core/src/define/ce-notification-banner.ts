import { CeNotificationBanner } from '../components/ce-notification-banner.js';
import { defineElement } from '../define-element.js';

defineElement('ce-notification-banner', CeNotificationBanner);

declare global {
  interface HTMLElementTagNameMap {
    'ce-notification-banner': CeNotificationBanner;
  }
}
