import { CeIssuingCardsList } from '../components/ce-issuing-cards-list.js';
import { defineElement } from '../define-element.js';

defineElement('ce-issuing-cards-list', CeIssuingCardsList);

declare global {
  interface HTMLElementTagNameMap {
    'ce-issuing-cards-list': CeIssuingCardsList;
  }
}
