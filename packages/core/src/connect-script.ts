import type { IStripeConnectInitParams, StripeConnectInstance } from '@stripe/connect-js';
import { loadConnectAndInitialize } from './stripe-connect-js.js';
import { ConnectElementsError } from './errors.js';

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
 * network hiccup could never succeed through it. This loader forgets a failure (and removes the
 * failed tag), and the official loader then picks up the `window.StripeConnect` it left, which is
 * the loader's documented path for a preloaded script.
 */
export function loadConnectScript(): Promise<void> {
  if (isStripeConnectDefined()) return Promise.resolve();
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = CONNECT_JS_URL;
    const fail = (message: string) => {
      script.remove();
      loading = undefined;
      reject(new ConnectElementsError('script_load_error', message));
    };
    script.addEventListener('load', () => {
      if (!isStripeConnectDefined()) {
        fail('Connect.js loaded but did not define window.StripeConnect.');
        return;
      }
      loading = undefined; // from now on window.StripeConnect answers
      resolve();
    });
    script.addEventListener('error', () =>
      fail(`Connect.js could not be loaded from ${CONNECT_JS_URL}.`),
    );
    document.head.append(script);
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
