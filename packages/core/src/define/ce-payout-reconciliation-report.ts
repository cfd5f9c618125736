import { CePayoutReconciliationReport } from '../components/ce-payout-reconciliation-report.js';
import { defineElement } from '../define-element.js';

defineElement('ce-payout-reconciliation-report', CePayoutReconciliationReport);

declare global {
  interface HTMLElementTagNameMap {
    'ce-payout-reconciliation-report': CePayoutReconciliationReport;
  }
}
