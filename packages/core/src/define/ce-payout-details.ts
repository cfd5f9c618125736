import { CePayoutDetails } from '../components/ce-payout-details.js';
import { defineElement } from '../define-element.js';

defineElement('ce-payout-details', CePayoutDetails);

declare global {
  interface HTMLElementTagNameMap {
    'ce-payout-details': CePayoutDetails;
  }
}
