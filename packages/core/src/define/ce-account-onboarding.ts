import { CeAccountOnboarding } from '../components/ce-account-onboarding.js';
import { defineElement } from '../define-element.js';

defineElement('ce-account-onboarding', CeAccountOnboarding);

declare global {
  interface HTMLElementTagNameMap {
    'ce-account-onboarding': CeAccountOnboarding;
  }
}
