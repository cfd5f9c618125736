import { ConnectElementsError } from './errors.js';
import { TRUSTED_TYPES_POLICY, trustedScriptUrl } from './trusted-types.js';

/** A Stripe script for {@link appendScript}. */
export interface StripeScript {
  url: string;
  /** Its name in messages, e.g. `Connect.js`. */
  name: string;
  /** The global it defines, for messages, e.g. `StripeConnect`. */
  global: string;
  /** Whether the global is there. */
  loaded(): boolean;
}

/**
 * Loads `script` with a `<script>` tag whose `src` is a TrustedScriptURL of the kit's policy, and
 * resolves once it defined its global. A failure removes the tag (so a later call loads afresh)
 * and rejects with a `script_load_error`.
 */
export function appendScript({ url, name, global, loaded }: StripeScript): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const tag = document.createElement('script');
    const fail = (message: string) => {
      tag.remove();
      reject(new ConnectElementsError('script_load_error', message));
    };
    try {
      tag.src = trustedScriptUrl(url);
    } catch {
      // Trusted Types refused the URL: the page's CSP does not allow the kit's policy.
      fail(
        `${name} could not be loaded: the page requires Trusted Types for scripts; add ${TRUSTED_TYPES_POLICY} to its trusted-types directive.`,
      );
      return;
    }
    tag.addEventListener('load', () => {
      if (loaded()) resolve();
      else fail(`${name} loaded but did not define window.${global}.`);
    });
    tag.addEventListener('error', () => fail(`${name} could not be loaded from ${url}.`));
    document.head.append(tag);
  });
}
