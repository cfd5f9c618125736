/**
 * The kit injects Stripe.js itself (with a TrustedScriptURL), and `@stripe/stripe-js` then finds
 * `window.Stripe`: the URL must be the one the installed loader would load, or a release-train
 * mismatch warns. This runs the loader against a minimal DOM and compares the URL it injects.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

test('the kit loads Stripe.js from the URL the installed @stripe/stripe-js would', async () => {
  let injected: string | undefined;
  const script = {
    set src(url: string) {
      injected = url;
    },
    addEventListener() {},
  };
  Object.assign(globalThis, {
    window: globalThis,
    document: {
      querySelectorAll: () => [],
      createElement: () => script,
      head: { appendChild() {} },
    },
  });
  const { loadStripe } = await import('@stripe/stripe-js/dist/pure.mjs');
  void loadStripe('pk_test_url').catch(() => {});
  const { STRIPE_JS_URL } = await import('../../packages/core/src/stripe-js-loader.js');
  assert.equal(injected, STRIPE_JS_URL);
});
