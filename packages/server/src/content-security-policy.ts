/**
 * The Content-Security-Policy directives Stripe documents for Connect embedded components and for
 * Stripe.js (which runs Financial Connections), merged into an app's own policy.
 *
 * Source: Stripe's integration security guide, "Content Security Policy"
 * (https://docs.stripe.com/security/guide#content-security-policy). Stripe writes the style hash
 * unquoted; a CSP hash source must be quoted, as it is here.
 */

/** A policy as directives and their sources, e.g. `{'script-src': ["'self'"]}`. */
export type CspDirectives = Record<string, string[]>;

/** What Connect embedded components (Connect.js) need. */
export const STRIPE_CONNECT_CSP: Readonly<Record<string, readonly string[]>> = {
  'frame-src': ['https://connect-js.stripe.com', 'https://js.stripe.com'],
  'img-src': ['https://*.stripe.com'],
  'script-src': ['https://connect-js.stripe.com', 'https://js.stripe.com'],
  // The SHA-256 of the empty <style> element Connect.js inserts.
  'style-src': ["'sha256-0hAheEzaMe6uXIKV4EehS9pu1am1lj/KnnzrOYqckXk='"],
};

/** What Stripe.js needs, and with it `<ce-financial-connections>`. */
export const STRIPE_JS_CSP: Readonly<Record<string, readonly string[]>> = {
  'connect-src': ['https://api.stripe.com', 'https://maps.googleapis.com'],
  'frame-src': ['https://*.js.stripe.com', 'https://js.stripe.com', 'https://hooks.stripe.com'],
  'script-src': ['https://*.js.stripe.com', 'https://js.stripe.com', 'https://maps.googleapis.com'],
};

/** The Trusted Types policy of `@connect-elements/core`, which loads Connect.js and Stripe.js. */
export const TRUSTED_TYPES_POLICY = 'connect-elements';

/** Options of {@link stripeCspDirectives} and {@link stripeContentSecurityPolicy}. */
export interface StripeCspOptions {
  /**
   * What the page uses: `connect` (Connect embedded components) and/or `financial-connections`
   * (`<ce-financial-connections>`, on Stripe.js). Both by default.
   */
  products?: ReadonlyArray<'connect' | 'financial-connections'>;
  /**
   * The CSS files of the `fonts` given to Connect (`cssSrc`), which Connect.js fetches: allowed in
   * `connect-src` (origin and path; a query string cannot be part of a CSP source).
   */
  fontCssUrls?: readonly string[];
  /**
   * The app's own policy, as a header value or as directives (kebab- or camelCase names, sources
   * as a list or a space-separated string). Stripe's sources are added to it, so a per-request
   * nonce (`'nonce-…'`) or `'strict-dynamic'` stays as it is. Not given: Stripe's directives
   * alone, to merge by hand.
   */
  policy?: string | Readonly<Record<string, string | readonly string[]>>;
}

/** Where a fetch directive takes its sources from when a policy does not have it. */
const FALLBACKS: Readonly<Record<string, readonly string[]>> = {
  'script-src': ['default-src'],
  'style-src': ['default-src'],
  'img-src': ['default-src'],
  'connect-src': ['default-src'],
  'frame-src': ['child-src', 'default-src'],
};

const SOURCE = /^[^\s;,]+$/;

/**
 * The app's policy with the directives Stripe documents for the chosen products added, as
 * directives (for a CSP middleware such as helmet's `contentSecurityPolicy({directives})`).
 *
 * The merge keeps the policy's meaning for the app: a directive the app leaves to `default-src`
 * starts from `default-src`'s sources before Stripe's are added (and one the app leaves
 * unrestricted stays unrestricted); `'none'` gives way to Stripe's sources; Connect's style hash
 * is left out of a `style-src` that allows `'unsafe-inline'` (a hash would switch that off); a
 * `script-src-elem` / `style-src-elem` gets Stripe's sources too; and a `trusted-types`
 * directive gets the kit's `connect-elements` policy.
 *
 * @throws {TypeError} for a source with whitespace, `;` or `,` (it would change the policy).
 */
export function stripeCspDirectives(options: StripeCspOptions = {}): CspDirectives {
  const products = options.products ?? ['connect', 'financial-connections'];
  const stripe: CspDirectives = {};
  const add = (directives: Readonly<Record<string, readonly string[]>>) => {
    for (const [name, sources] of Object.entries(directives)) {
      stripe[name] = union(stripe[name] ?? [], sources);
    }
  };
  if (products.includes('connect')) add(STRIPE_CONNECT_CSP);
  if (products.includes('financial-connections')) add(STRIPE_JS_CSP);
  const fonts = (options.fontCssUrls ?? []).map(fontSource);
  if (fonts.length > 0) add({ 'connect-src': fonts });

  if (options.policy === undefined) return stripe;
  const policy = parsePolicy(options.policy);
  for (const [name, sources] of Object.entries(stripe)) {
    for (const target of [name, `${name}-elem`]) {
      const current = policy[target] ?? (target === name ? fallbackOf(policy, name) : undefined);
      if (!current) continue; // unrestricted: nothing to allow
      policy[target] = union(withoutNone(current), admissible(current, sources));
    }
  }
  const trustedTypes = policy['trusted-types'];
  if (trustedTypes)
    policy['trusted-types'] = union(withoutNone(trustedTypes), [TRUSTED_TYPES_POLICY]);
  return policy;
}

/** {@link stripeCspDirectives} as a `Content-Security-Policy` header value. */
export function stripeContentSecurityPolicy(options: StripeCspOptions = {}): string {
  return Object.entries(stripeCspDirectives(options))
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

function parsePolicy(policy: NonNullable<StripeCspOptions['policy']>): CspDirectives {
  const entries: Array<[string, string[]]> =
    typeof policy === 'string'
      ? policy
          .split(';')
          .map((directive) => directive.trim().split(/\s+/))
          .filter(([name]) => name !== '')
          .map(([name, ...sources]) => [name!, sources])
      : Object.entries(policy).map(([name, sources]) => [
          name,
          typeof sources === 'string' ? sources.split(/\s+/).filter(Boolean) : [...sources],
        ]);
  const directives: CspDirectives = {};
  for (const [written, sources] of entries) {
    const name = written.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`).toLowerCase();
    for (const source of sources) {
      if (!SOURCE.test(source)) {
        throw new TypeError(`Content-Security-Policy: "${source}" in ${name} is not one source.`);
      }
    }
    directives[name] ??= sources; // as browsers do, the first of a repeated directive counts
  }
  return directives;
}

/** The sources a missing fetch directive falls back to, or `undefined` when it is unrestricted. */
function fallbackOf(policy: CspDirectives, name: string): string[] | undefined {
  for (const fallback of FALLBACKS[name] ?? []) {
    if (policy[fallback]) return policy[fallback];
  }
  return undefined;
}

/** Stripe's `sources` that can join `current` without taking anything from the app. */
function admissible(current: readonly string[], sources: readonly string[]): readonly string[] {
  const lowered = current.map((source) => source.toLowerCase());
  const inlineAllowed =
    lowered.includes("'unsafe-inline'") &&
    !lowered.some((source) => /^'(?:nonce|sha256|sha384|sha512)-/.test(source));
  return inlineAllowed ? sources.filter((source) => !source.startsWith("'sha")) : sources;
}

const withoutNone = (sources: readonly string[]) =>
  sources.filter((source) => source.toLowerCase() !== "'none'");

const union = (sources: readonly string[], more: readonly string[]) => [
  ...new Set([...sources, ...more]),
];

function fontSource(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`fontCssUrls: "${url}" is not an absolute URL.`);
  }
  return `${parsed.origin}${parsed.pathname}`;
}
