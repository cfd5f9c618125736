import { CeAccountManagement } from '../components/ce-account-management.js';
import { defineElement } from '../define-element.js';

defineElement('ce-account-management', CeAccountManagement);

declare global {
  interface HTMLElementTagNameMap {
    'ce-account-management': CeAccountManagement;
  }
}
