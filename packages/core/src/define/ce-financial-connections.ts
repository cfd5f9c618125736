import { CeFinancialConnections } from '../ce-financial-connections.js';
import { defineElement } from '../define-element.js';

defineElement('ce-financial-connections', CeFinancialConnections);

declare global {
  interface HTMLElementTagNameMap {
    'ce-financial-connections': CeFinancialConnections;
  }
}
