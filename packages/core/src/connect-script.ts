import type { IStripeConnectInitParams, StripeConnectInstance } from '@stripe/connect-js';
import { loadConnectAndInitialize } from './stripe-connect-js.js';
import { appendScript } from './script-tag.js';

/** Where `@stripe/connect-js` loads Connect.js from. */
export const CONNECT_JS_URL = 'https://connect-js.stripe.com/v1.0/connect.js';

const isStripeConnectDefined = (): boolean => {
  const candidate = (window as { StripeConnect?: { init?: unknown } }).StripeConnect;
  return typeof candidate?.init === 'function';
};

let loading: Promise<void> | undefined;

/**
 * Loads Connect.js before `@stripe/connect-js` is asked to.
 *
 * The official loader remembers a failed load for the life of the page, so a `retry()` after a
 * network hiccup could never succeed through it; and it sets the script's `src` to a plain string,
 * which a page that requires Trusted Types refuses. This loader injects the tag with a
 * TrustedScriptURL of the kit's `connect-elements` policy, forgets a failure (and removes the
 * failed tag), and the official loader then picks up the `window.StripeConnect` it left, which is
 * the loader's documented path for a preloaded script.
 */
export function loadConnectScript(): Promise<void> {
  if (isStripeConnectDefined()) return Promise.resolve();
  loading ??= appendScript({
    url: CONNECT_JS_URL,
    name: 'Connect.js',
    global: 'StripeConnect',
    loaded: isStripeConnectDefined,
  }).finally(() => {
    // Loaded: from now on window.StripeConnect answers. Failed: the next call tries again.
    loading = undefined;
  });
  return loading;
}

const EXISTING_SCRIPT_WARNING = 'an existing Connect.js script already exists';

/**
 * `loadConnectAndInitialize` of the official loader, once Connect.js is on the page. The loader
 * warns (synchronously, once a page) that it reuses the existing script; that reuse is what
 * `loadConnectScript` arranged, so that one warning is dropped and every other passes.
 */
export function initializeConnect(params: IStripeConnectInitParams): StripeConnectInstance {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes(EXISTING_SCRIPT_WARNING)) return;
    warn.apply(console, args);
  };
  try {
    return loadConnectAndInitialize(params);
  } finally {
    console.warn = warn;
  }
}
