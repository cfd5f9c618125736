import { CeFinancialAccount } from '../components/ce-financial-account.js';
import { defineElement } from '../define-element.js';

defineElement('ce-financial-account', CeFinancialAccount);

declare global {
  interface HTMLElementTagNameMap {
    'ce-financial-account': CeFinancialAccount;
  }
}
