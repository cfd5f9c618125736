import { CeFinancialAccountTransactions } from '../components/ce-financial-account-transactions.js';
import { defineElement } from '../define-element.js';

defineElement('ce-financial-account-transactions', CeFinancialAccountTransactions);

declare global {
  interface HTMLElementTagNameMap {
    'ce-financial-account-transactions': CeFinancialAccountTransactions;
  }
}
