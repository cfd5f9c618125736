import { ContextEvent } from '@lit/context';
import { closestComposed } from './closest-composed.js';
import type { ConnectSession } from './connect-session.js';
import { connectSessionContext } from './context.js';

/** An element that may name its `<ce-connect>` by id (`provider="…"`). */
export type ProviderClient = HTMLElement & {
  /** The id of the `<ce-connect>` to use, wherever it is in the document. */
  readonly provider?: string | undefined;
};

/** What an element's provider gives it, at one moment. */
export type ProviderLookup =
  | { session: ConnectSession }
  /** A `<ce-connect>` that is not defined yet: wait for it. */
  | { pending: Element }
  | { missing: string };

/**
 * The session of the `<ce-connect>` an element uses: the one its `provider` attribute names by id,
 * anywhere in the document (as `<input form>` names its form: portals and modals), else the
 * nearest one around it, across shadow roots. `undefined` when it has neither. Shared by the
 * component elements and `<ce-financial-connections>`.
 *
 * The session is asked for with `@lit/context`'s `context-request` event, dispatched at the
 * provider found rather than bubbled up from the element: a hundred elements each bubbling an
 * event through the whole document cost the page milliseconds of its first task.
 */
export function findProviderSession(host: ProviderClient): ProviderLookup | undefined {
  const id = host.provider;
  if (id) {
    const provider = providerById(host, id);
    if (!provider) {
      return {
        missing: `<${host.localName} provider="${id}"> names no <ce-connect id="${id}"> in the document.`,
      };
    }
    return sessionFrom(provider, host);
  }
  const around = closestComposed(host, 'ce-connect');
  return around && sessionFrom(around, host);
}

/** The session `provider` offers, or a wait for its definition. */
const sessionFrom = (provider: Element, host: HTMLElement): ProviderLookup =>
  (provider.matches(':defined') && sessionOf(provider, host)) || { pending: provider };

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
