/**
 * The kit's Trusted Types policy, `connect-elements`, through which it loads Connect.js and
 * Stripe.js: a page with `require-trusted-types-for 'script'` works once it lists the name in its
 * `trusted-types` directive. The policy makes TrustedScriptURLs of URLs on Connect.js's and
 * Stripe.js's origins only, so naming it lets the kit load Stripe's scripts and nothing else.
 */

/** The name of the kit's Trusted Types policy, for a page's `trusted-types` directive. */
export const TRUSTED_TYPES_POLICY = 'connect-elements';

/** The parts of the Trusted Types API the kit uses (TypeScript's DOM library has none yet). */
interface ScriptUrlPolicy {
  createScriptURL(input: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): ScriptUrlPolicy;
}

/** What the policy lets through: scripts of Connect.js's and Stripe.js's own origins. */
const STRIPE_SCRIPT_ORIGINS: readonly string[] = [
  'https://connect-js.stripe.com',
  'https://js.stripe.com',
];

// One policy for every copy of the kit on a page (the CDN bundle next to an npm build, two
// versions): without 'allow-duplicates' a browser refuses a second policy of the same name.
const SHARED = Symbol.for('connect-elements.trusted-types-policy');

type PolicyHolder = { [SHARED]?: ScriptUrlPolicy | null };

/**
 * `url` (a Connect.js or Stripe.js URL) as a TrustedScriptURL of the `connect-elements` policy,
 * for `script.src`; `url` itself where the browser has no Trusted Types, or where the page's CSP
 * does not allow the policy (then the page's own `default` policy, if it has one, decides).
 */
export function trustedScriptUrl(url: string): string {
  const policy = scriptUrlPolicy();
  // A TrustedScriptURL is what `src` takes under Trusted Types; TypeScript only knows strings.
  return policy ? (policy.createScriptURL(url) as string) : url;
}

/** The policy, made once a page (lazily, and only where the browser has Trusted Types). */
function scriptUrlPolicy(): ScriptUrlPolicy | null {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) return null;
  const holder = globalThis as PolicyHolder;
  if (holder[SHARED] === undefined) {
    try {
      holder[SHARED] = factory.createPolicy(TRUSTED_TYPES_POLICY, {
        createScriptURL(input) {
          if (STRIPE_SCRIPT_ORIGINS.includes(new URL(input).origin)) return input;
          throw new TypeError(`The ${TRUSTED_TYPES_POLICY} policy loads Stripe's scripts only.`);
        },
      });
    } catch {
      // The page's `trusted-types` directive does not list the name, or another script already
      // made a policy of that name.
      holder[SHARED] = null;
    }
  }
  return holder[SHARED];
}
