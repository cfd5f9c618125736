import { CeConnect } from '../ce-connect.js';
import { defineElement } from '../define-element.js';

defineElement('ce-connect', CeConnect);

declare global {
  interface HTMLElementTagNameMap {
    'ce-connect': CeConnect;
  }
}
