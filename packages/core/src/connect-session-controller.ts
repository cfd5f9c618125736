import { ContextEvent } from '@lit/context';
import type { ReactiveController } from '@lit/reactive-element';
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
    /** The id of the `<ce-connect>` to use, wherever it is in the document. */
    readonly provider?: string | undefined;
  };

/** Where a component element's session comes from, at one moment. */
type Found =
  | { session: ConnectSession }
  /** A `<ce-connect>` that is not defined yet: wait for it. */
  | { pending: Element }
  | { missing: string };

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

  private find(): Found {
    const { host } = this;
    if (host.publishableKey) {
      this.ownSession ??= new ConnectSession(host);
      return { session: this.ownSession };
    }
    const id = host.provider;
    if (id) {
      const provider = providerById(host, id);
      if (!provider) {
        return {
          missing: `<${host.localName} provider="${id}"> names no <ce-connect id="${id}"> in the document.`,
        };
      }
      return (provider.matches(':defined') && sessionOf(provider, host)) || { pending: provider };
    }
    const session = sessionOf(host, host);
    if (session) return session;
    const around = closestComposed(host, 'ce-connect');
    if (around) return { pending: around };
    return {
      missing: `<${host.localName}> needs a <ce-connect> around it (or a provider attribute naming one), or its own publishable-key and endpoint.`,
    };
  }
}

/** The session `target` is offered through the context protocol, if a defined provider answers. */
function sessionOf(target: Element, host: HTMLElement): { session: ConnectSession } | undefined {
  let provided: ConnectSession | undefined;
  target.dispatchEvent(
    new ContextEvent(connectSessionContext, host, (session: ConnectSession) => {
      provided = session;
    }),
  );
  return provided && { session: provided };
}

/**
 * The `<ce-connect id="…">` named by `id`: the nearest one around `host` (two React roots can
 * hand out the same generated id), else the one in `host`'s tree or the document.
 */
function providerById(host: HTMLElement, id: string): Element | undefined {
  for (let around = closestComposed(host, 'ce-connect'); around;) {
    if (around.id === id) return around;
    around = closestComposed(around, 'ce-connect');
  }
  const root = host.getRootNode() as Document | ShadowRoot;
  const named = root.getElementById?.(id) ?? document.getElementById(id);
  return named?.localName === 'ce-connect' ? named : undefined;
}
