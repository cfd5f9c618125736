import { CePayments } from '../components/ce-payments.js';
import { defineElement } from '../define-element.js';

defineElement('ce-payments', CePayments);

declare global {
  interface HTMLElementTagNameMap {
    'ce-payments': CePayments;
  }
}
