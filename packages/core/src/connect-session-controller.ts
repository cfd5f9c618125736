import { ContextEvent } from '@lit/context';
import type { ReactiveController } from 'lit';
import {
  ConnectSession,
  type ConnectSessionClient,
  type ConnectSessionHost,
} from './connect-session.js';
import { closestComposed } from './closest-composed.js';
import { connectSessionContext } from './context.js';
import { configurationError } from './errors.js';
import type { EndpointOptions } from './endpoint-request.js';

type Host = HTMLElement &
  ConnectSessionClient &
  ConnectSessionHost & {
    addController(controller: ReactiveController): void;
    readonly publishableKey?: string | undefined;
  };

/**
 * Finds the Connect session of a component element: its own when it has a `publishable-key`,
 * else the one of the nearest `<ce-connect>` (through `@lit/context`, so across shadow roots).
 *
 * A move in the DOM (removed and re-added in the same task, as frameworks and HTMX do) keeps the
 * Stripe element: letting go of the session waits a task.
 */
export class ConnectSessionController implements ReactiveController {
  private session: ConnectSession | undefined;
  private ownSession: ConnectSession | undefined;
  private releaseTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    clearTimeout(this.releaseTimer);
    this.releaseTimer = undefined;
    const session = this.findSession();
    if (session && session === this.session) return; // moved within the same provider
    this.session?.detach(this.host);
    this.session = session;
    if (session) {
      session.attach(this.host);
    } else if (closestComposed(this.host, 'ce-connect') && !customElements.get('ce-connect')) {
      // The provider is in the page but not defined yet.
      void customElements.whenDefined('ce-connect').then(() => {
        if (this.host.isConnected && !this.session) this.hostConnected();
      });
    } else {
      queueMicrotask(() => {
        if (this.host.isConnected && !this.session) {
          this.host.fail(
            configurationError(
              `<${this.host.localName}> needs a <ce-connect> around it, or its own publishable-key and endpoint.`,
            ),
          );
        }
      });
    }
  }

  hostDisconnected(): void {
    this.releaseTimer = setTimeout(() => this.release(), 0);
  }

  /** Starts the session over (`retry()`). */
  retry(): void {
    if (this.session) this.session.retry();
    else if (this.host.isConnected) this.hostConnected();
  }

  /** How the session in use asks endpoints (credentials, headers, timeout). */
  requestOptions(): EndpointOptions | undefined {
    return this.session?.requestOptions();
  }

  private findSession(): ConnectSession | undefined {
    if (this.host.publishableKey) {
      this.ownSession ??= new ConnectSession(this.host);
      return this.ownSession;
    }
    let provided: ConnectSession | undefined;
    this.host.dispatchEvent(
      new ContextEvent(connectSessionContext, this.host, (session: ConnectSession) => {
        provided = session;
      }),
    );
    return provided;
  }

  private release(): void {
    this.releaseTimer = undefined;
    this.session?.detach(this.host);
    this.session = undefined;
    this.ownSession = undefined;
  }
}
