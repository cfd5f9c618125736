import { CeDisputesList } from '../components/ce-disputes-list.js';
import { defineElement } from '../define-element.js';

defineElement('ce-disputes-list', CeDisputesList);

declare global {
  interface HTMLElementTagNameMap {
    'ce-disputes-list': CeDisputesList;
  }
}
