import { CePaymentDisputes } from '../components/ce-payment-disputes.js';
import { defineElement } from '../define-element.js';

defineElement('ce-payment-disputes', CePaymentDisputes);

declare global {
  interface HTMLElementTagNameMap {
    'ce-payment-disputes': CePaymentDisputes;
  }
}
