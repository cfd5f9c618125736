import { CePayouts } from '../components/ce-payouts.js';
import { defineElement } from '../define-element.js';

defineElement('ce-payouts', CePayouts);

declare global {
  interface HTMLElementTagNameMap {
    'ce-payouts': CePayouts;
  }
}
