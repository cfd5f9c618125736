import { CePayoutsList } from '../components/ce-payouts-list.js';
import { defineElement } from '../define-element.js';

defineElement('ce-payouts-list', CePayoutsList);

declare global {
  interface HTMLElementTagNameMap {
    'ce-payouts-list': CePayoutsList;
  }
}
