import { CeBalances } from '../components/ce-balances.js';
import { defineElement } from '../define-element.js';

defineElement('ce-balances', CeBalances);

declare global {
  interface HTMLElementTagNameMap {
    'ce-balances': CeBalances;
  }
}
