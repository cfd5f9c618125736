import type { Stripe, StripeConstructorOptions } from '@stripe/stripe-js';
import { ConnectElementsError, describeThrown } from './errors.js';
import { appendScript } from './script-tag.js';
import { loadStripe } from '@stripe/stripe-js/dist/pure.mjs';
import { STRIPE_JS_TAG, STRIPE_JS_URL } from './stripe-internals.js';

/** Stripe.js instances by publishable key, connected account and locale. */
const instances = new Map<string, Promise<Stripe>>();

let scriptLoading: Promise<void> | undefined;

/**
 * Puts Stripe.js on the page before `loadStripe` is asked for it. The official loader would set
 * the script's `src` to a plain string, which a page that requires Trusted Types refuses; the
 * kit's tag has a TrustedScriptURL of its `connect-elements` policy instead, and `loadStripe`
 * then finds `window.Stripe`. A Stripe.js tag the page has of its own is left to `loadStripe`,
 * which waits for it.
 */
function loadStripeScript(): Promise<void> {
  if (window.Stripe || (!scriptLoading && pageHasStripeScript())) return Promise.resolve();
  scriptLoading ??= appendScript({
    url: STRIPE_JS_URL,
    name: 'Stripe.js',
    global: 'Stripe',
    loaded: () => window.Stripe !== undefined,
  }).finally(() => {
    scriptLoading = undefined;
  });
  return scriptLoading;
}

const pageHasStripeScript = (): boolean =>
  [...document.scripts].some((script) => STRIPE_JS_TAG.test(script.src));

/**
 * A Stripe.js instance for `publishableKey` (and `stripeAccount`, `locale`), through the official
 * `@stripe/stripe-js` pure loader, made once per key, account and locale and shared by every
 * element.
 *
 * A failed script load is forgotten (its tag removed), and so is the failed instance, so a
 * `retry()` after a network hiccup loads again.
 */
export function loadStripeJs(
  publishableKey: string,
  stripeAccount?: string,
  locale?: string,
): Promise<Stripe> {
  const cacheKey = JSON.stringify([publishableKey, stripeAccount ?? null, locale ?? null]);
  let instance = instances.get(cacheKey);
  if (!instance) {
    const options = {
      ...(stripeAccount && { stripeAccount }),
      ...(locale && { locale: locale as StripeConstructorOptions['locale'] }),
    };
    const created: Promise<Stripe> = loadStripeScript().then(() =>
      loadStripe(publishableKey, Object.keys(options).length ? options : undefined).then(
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
      ),
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
