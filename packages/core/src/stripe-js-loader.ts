import type { Stripe } from '@stripe/stripe-js';
// The ES module build of the pure loader: `@stripe/stripe-js/pure` is a folder, which Node's
// ESM resolution refuses (the core must import in Node for server rendering).
import { loadStripe } from '@stripe/stripe-js/dist/pure.mjs';
import { ConnectElementsError, describeThrown } from './errors.js';

/** Stripe.js instances by publishable key and connected account. */
const instances = new Map<string, Promise<Stripe>>();

/**
 * A Stripe.js instance for `publishableKey` (and `stripeAccount`), through the official
 * `@stripe/stripe-js` pure loader, made once per key and account and shared by every element.
 *
 * The loader already forgets a failed script load (the next call replaces the failed tag and
 * loads again), unlike `@stripe/connect-js`; so all this module has to do for a `retry()` to
 * succeed after a network hiccup is forget the failed instance too.
 */
export function loadStripeJs(publishableKey: string, stripeAccount?: string): Promise<Stripe> {
  const cacheKey = JSON.stringify([publishableKey, stripeAccount ?? null]);
  let instance = instances.get(cacheKey);
  if (!instance) {
    const loading = stripeAccount
      ? loadStripe(publishableKey, { stripeAccount })
      : loadStripe(publishableKey);
    const created: Promise<Stripe> = loading.then(
      (stripe) => {
        if (!stripe) throw unavailable();
        return stripe;
      },
      (error: unknown) => {
        // With `window.Stripe` defined the script did load, and `Stripe()` refused its options.
        throw window.Stripe
          ? new ConnectElementsError(
              'configuration_error',
              `Stripe.js refused its options: ${describeThrown(error)}`,
            )
          : unavailable();
      },
    );
    created.catch(() => {
      if (instances.get(cacheKey) === created) instances.delete(cacheKey);
    });
    instances.set(cacheKey, created);
    instance = created;
  }
  return instance;
}

const unavailable = () =>
  new ConnectElementsError(
    'script_load_error',
    'Stripe.js could not be loaded from js.stripe.com.',
  );
