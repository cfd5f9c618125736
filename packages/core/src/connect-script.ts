import type { IStripeConnectInitParams, StripeConnectInstance } from '@stripe/connect-js';
import { appendScript } from './script-tag.js';
import {
  CONNECT_JS_URL,
  loadConnectAndInitialize,
  withoutExistingScriptWarning,
} from './stripe-internals.js';

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

/**
 * `loadConnectAndInitialize` of the official loader, once Connect.js is on the page. The loader
 * warns that it reuses the existing script; that reuse is what `loadConnectScript` arranged, so
 * that one warning is dropped.
 */
export function initializeConnect(params: IStripeConnectInitParams): StripeConnectInstance {
  return withoutExistingScriptWarning(() => loadConnectAndInitialize(params));
}
