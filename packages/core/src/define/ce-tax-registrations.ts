import { CeTaxRegistrations } from '../components/ce-tax-registrations.js';
import { defineElement } from '../define-element.js';

defineElement('ce-tax-registrations', CeTaxRegistrations);

declare global {
  interface HTMLElementTagNameMap {
    'ce-tax-registrations': CeTaxRegistrations;
  }
}
