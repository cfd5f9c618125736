import { CeInstantPayoutsPromotion } from '../components/ce-instant-payouts-promotion.js';
import { defineElement } from '../define-element.js';

defineElement('ce-instant-payouts-promotion', CeInstantPayoutsPromotion);

declare global {
  interface HTMLElementTagNameMap {
    'ce-instant-payouts-promotion': CeInstantPayoutsPromotion;
  }
}
