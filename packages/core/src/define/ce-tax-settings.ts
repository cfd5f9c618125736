import { CeTaxSettings } from '../components/ce-tax-settings.js';
import { defineElement } from '../define-element.js';

defineElement('ce-tax-settings', CeTaxSettings);

declare global {
  interface HTMLElementTagNameMap {
    'ce-tax-settings': CeTaxSettings;
  }
}
