import { CeIssuingCard } from '../components/ce-issuing-card.js';
import { defineElement } from '../define-element.js';

defineElement('ce-issuing-card', CeIssuingCard);

declare global {
  interface HTMLElementTagNameMap {
    'ce-issuing-card': CeIssuingCard;
  }
}
