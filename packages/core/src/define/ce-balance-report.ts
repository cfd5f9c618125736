import { CeBalanceReport } from '../components/ce-balance-report.js';
import { defineElement } from '../define-element.js';

defineElement('ce-balance-report', CeBalanceReport);

declare global {
  interface HTMLElementTagNameMap {
    'ce-balance-report': CeBalanceReport;
  }
}
