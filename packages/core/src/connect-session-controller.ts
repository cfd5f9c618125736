import type { ReactiveController } from '@lit/reactive-element';
import {
  ConnectSession,
  type ConnectSessionClient,
  type ConnectSessionHost,
} from './connect-session.js';
import { configurationError } from './errors.js';
import type { EndpointOptions } from './endpoint-request.js';
import {
  findProviderSession,
  type ProviderClient,
  type ProviderLookup,
} from './provider-lookup.js';

type Host = ProviderClient &
  ConnectSessionClient &
  ConnectSessionHost & {
    addController(controller: ReactiveController): void;
    readonly publishableKey?: string | undefined;
  };

/**
 * Finds the Connect session of a component element: its own when it has a `publishable-key`;
 * else that of the `<ce-connect>` its `provider` attribute names by id, anywhere in the document
 * (as `<input form>` names its form: portals and modals); else that of the nearest `<ce-connect>`
 * around it (through `@lit/context`, so across shadow roots).
 *
 * Pages are patched all day: frameworks and morphing libraries remove an element and put it
 * back, move it through a parking place outside its provider, or insert markup that is gone again
 * before the task ends. So an element that already has its session only reconsiders it a task
 * after it was removed, moved or re-added, and then only what holds at that moment counts: back
 * under the same provider, it keeps its session and its Stripe element.
 */
export class ConnectSessionController implements ReactiveController {
  private session: ConnectSession | undefined;
  private ownSession: ConnectSession | undefined;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    // The first connection joins at once, so that one request names every component of the task.
    if (this.session) this.settleSoon();
    else this.settle(false);
  }

  hostDisconnected(): void {
    this.settleSoon();
  }

  /** Moved with `moveBefore`: perhaps under another provider. */
  hostMoved(): void {
    this.settleSoon();
  }

  /** The `provider` or `publishable-key` changed. */
  sourceChanged(): void {
    if (this.host.isConnected) this.settleSoon();
  }

  /** Starts the session over (`retry()`). */
  retry(): void {
    if (this.session) this.session.retry();
    else if (this.host.isConnected) this.settle(true);
  }

  /** How the session in use asks endpoints (credentials, headers, timeout). */
  requestOptions(): EndpointOptions | undefined {
    return this.session?.requestOptions();
  }

  /** The element's own session, when it is the one in use (a standalone element). */
  get ownSessionInUse(): ConnectSession | undefined {
    return this.session && this.session === this.ownSession ? this.session : undefined;
  }

  /** Logs the session in use out. */
  async logout(): Promise<void> {
    await this.session?.logout();
  }

  private settleSoon(): void {
    this.settleTimer ??= setTimeout(() => {
      this.settleTimer = undefined;
      this.settle(true);
    }, 0);
  }

  /**
   * Joins the session the element's place in the document gives it now. A first look that finds
   * none looks again a task later (a portal can be committed before its provider) before it says
   * what is missing.
   */
  private settle(final: boolean): void {
    if (!this.host.isConnected) {
      this.use(undefined);
      this.ownSession = undefined;
      return;
    }
    const found = this.find();
    if ('session' in found) {
      this.use(found.session);
    } else if (!final) {
      this.settleSoon();
    } else {
      this.use(undefined);
      if ('missing' in found) this.host.fail(configurationError(found.missing));
      else {
        void customElements.whenDefined(found.pending.localName).then(() => {
          if (this.host.isConnected && !this.session) this.settle(true);
        });
      }
    }
  }

  private use(session: ConnectSession | undefined): void {
    if (session !== this.session) {
      this.session?.detach(this.host);
      this.session = session;
    }
    // Attaching again is harmless, and starts a session whose start found no one on the page.
    session?.attach(this.host);
  }

  private find(): ProviderLookup {
    const { host } = this;
    if (host.publishableKey) {
      this.ownSession ??= new ConnectSession(host);
      return { session: this.ownSession };
    }
    return (
      findProviderSession(host) ?? {
        missing: `<${host.localName}> needs a <ce-connect> around it (or a provider attribute naming one), or its own publishable-key and endpoint.`,
      }
    );
  }
}
