import { CeDocuments } from '../components/ce-documents.js';
import { defineElement } from '../define-element.js';

defineElement('ce-documents', CeDocuments);

declare global {
  interface HTMLElementTagNameMap {
    'ce-documents': CeDocuments;
  }
}
