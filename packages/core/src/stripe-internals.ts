/**
 * Everything the kit relies on in Stripe's loaders beyond their documented API, in one module;
 * `test/node/stripe-internals.test.ts` checks each assumption against the installed packages, so
 * a Stripe release that changes one fails there first.
 *
 * - The ES module builds of the side-effect-free loaders (nothing loads until asked).
 *   `@stripe/connect-js/pure` is CommonJS re-exporting another file, whose names some bundlers
 *   cannot see (Turbopack, in a Next.js server component) and a browser cannot import;
 *   `@stripe/stripe-js/pure` is a folder, which Node's ESM resolution refuses (the core must
 *   import in Node for server rendering). Their declarations are those of the CommonJS builds
 *   (`types/stripe-loaders.d.ts`). `loadStripe` is imported by `stripe-js-loader.ts` itself, not
 *   re-exported here: bundlers keep Stripe.js's loader module whole once anything imports it, so a
 *   re-export would put it in every page, Financial Connections or not.
 * - The URLs the loaders inject, so the kit can inject them first (with a TrustedScriptURL, and
 *   forgetting a failed load), and the Stripe.js tags `loadStripe` waits for instead.
 * - The warning Connect.js's loader prints when it finds that script, which the kit drops.
 */
import type * as ConnectJs from '@stripe/connect-js';
import * as connectJs from '@stripe/connect-js/dist/pure.esm.js';

// Typed from the package root, so the published declarations name no file without its own.
export const ConnectElementCommonMethodConfig: typeof ConnectJs.ConnectElementCommonMethodConfig =
  connectJs.ConnectElementCommonMethodConfig;
export const ConnectElementCustomMethodConfig: typeof ConnectJs.ConnectElementCustomMethodConfig =
  connectJs.ConnectElementCustomMethodConfig;
export const connectElementTagNames: typeof ConnectJs.connectElementTagNames =
  connectJs.connectElementTagNames;
export const loadConnectAndInitialize: typeof ConnectJs.loadConnectAndInitialize =
  connectJs.loadConnectAndInitialize;

/** Where `@stripe/connect-js` loads Connect.js from. */
export const CONNECT_JS_URL = 'https://connect-js.stripe.com/v1.0/connect.js';

/**
 * Where `@stripe/stripe-js` loads Stripe.js from: the URL of the release train the installed
 * loader expects (another one makes it warn of a mismatch).
 */
export const STRIPE_JS_URL = 'https://js.stripe.com/endive/stripe.js';

/** The Stripe.js URLs `loadStripe` takes as a tag to wait for (v3, or a release train). */
export const STRIPE_JS_TAG =
  /^https:\/\/js\.stripe\.com\/(?:v3\/?|(?:v3|[a-z]+)\/stripe\.js)(?:\?.*)?$/;

/** Part of the warning `loadConnectAndInitialize` prints (once a page) when Connect.js is there. */
export const EXISTING_CONNECT_JS_WARNING = 'an existing Connect.js script already exists';

/**
 * Runs `call` with that one warning dropped (the kit put the script there on purpose); every
 * other `console.warn` passes.
 */
export function withoutExistingScriptWarning<T>(call: () => T): T {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes(EXISTING_CONNECT_JS_WARNING)) return;
    warn.apply(console, args);
  };
  try {
    return call();
  } finally {
    console.warn = warn;
  }
}
