import type { ConnectElementsErrorDetail } from '../errors.js';

/**
 * `ce-error`: the kit's own work failed. Cancel it (`preventDefault()`) to hide the built-in
 * error panel and show your own.
 */
export class CeErrorEvent extends CustomEvent<ConnectElementsErrorDetail> {
  constructor(detail: ConnectElementsErrorDetail) {
    super('ce-error', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ce-error': CeErrorEvent;
  }
}
