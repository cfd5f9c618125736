import { css, type PropertyValues } from '@lit/reactive-element';
import { ConnectOptionsElement } from './connect-options-element.js';
import { ConnectSession } from './connect-session.js';
import { connectSessionContext } from './context.js';

/**
 * One Connect instance for every component element inside it: one client-secret request and one
 * Connect.js load for the whole section, shared across shadow roots.
 *
 * @summary Configures Stripe Connect for the component elements inside it.
 * @tag ce-connect
 * @slot - Component elements (`<ce-account-onboarding>`, `<ce-payments>`, …) at any depth.
 */
export class CeConnect extends ConnectOptionsElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  private readonly session = new ConnectSession(this);

  constructor() {
    super();
    // Offers the session through the context protocol (`@lit/context`'s `context-request`
    // event), answered here directly: the session never changes, so `ContextProvider`'s
    // subscription machinery (1.6 kB minified) would have nothing to do.
    this.addEventListener('context-request', (event) => {
      if (event.context !== connectSessionContext) return;
      event.stopPropagation();
      event.callback(this.session);
    });
  }

  /** Logs the Connect session out. */
  logout(): Promise<void> {
    return this.session.logout();
  }

  /** Starts over after a failure: a new client secret and new Stripe elements for every component. */
  retry(): void {
    this.session.retry();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.hasUpdatedOnce) this.updateSession(this.session, changed);
    this.hasUpdatedOnce = true;
  }

  private hasUpdatedOnce = false;
}
