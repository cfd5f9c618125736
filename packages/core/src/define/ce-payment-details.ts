import { CePaymentDetails } from '../components/ce-payment-details.js';
import { defineElement } from '../define-element.js';

defineElement('ce-payment-details', CePaymentDetails);

declare global {
  interface HTMLElementTagNameMap {
    'ce-payment-details': CePaymentDetails;
  }
}
