/**
 * The one scrubber of the kit's messages: every `ce-error` detail, error panel and console line
 * passes through {@link scrubSecrets}. Text the kit did not write (a thrown error's message, an
 * HTTP status line, what Stripe.js reported) can hold a client secret or a key; over-redacting is
 * fine here, showing one is not.
 *
 * `@connect-elements/server` scrubs its `onError` reports with the same patterns (a Node test
 * checks the two lists are equal).
 */

/** What a removed secret is replaced with. */
export const REDACTED = '[redacted]';

/** `_`, or its percent-encoding. */
const U = '(?:_|%5[Ff])';

export const SECRET_PATTERNS: readonly RegExp[] = [
  // Authorization header values copied into a message, also URL-encoded (`Bearer%20…`).
  /(?<![A-Za-z])Bearer(?:\s|%20|\+)+[A-Za-z0-9._~+/=%-]+/gi,
  // Live and test API keys (sk_test_…, rk_live_…, ek_test_…) wherever they start: also glued to
  // a letter, digit or escape before them (`%22sk_…`, `\nsk_…`), with Stripe's masked form
  // (sk_test_****1234) and percent-encoded underscores.
  new RegExp(`(?:sk|rk|ek)${U}(?:test|live)${U}[A-Za-z0-9*]+`, 'g'),
  // The same keys base64-encoded, as in `Authorization: Basic` (the key is the user name).
  /(?:c2tf|cmtf|ZWtf)(?:dGVz|bGl2)[A-Za-z0-9+/=]*/g,
  // Webhook signing secrets.
  new RegExp(`whsec${U}[A-Za-z0-9]+`, 'g'),
  // Other key forms (sk_…, rk_… without test/live) when they stand on their own.
  /(?<![A-Za-z0-9])(?:sk|rk|ek)_[A-Za-z0-9_*]{4,}/g,
  // Client secrets: accs_secret__…, fcsess_client_secret_…, pi_…_secret_…, seti_…_secret_…
  new RegExp(`[A-Za-z0-9_]*${U}secret${U}[A-Za-z0-9_]*`, 'g'),
];

/** `text` with everything shaped like a key or a client secret replaced by {@link REDACTED}. */
export function scrubSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((scrubbed, pattern) => scrubbed.replace(pattern, REDACTED), text);
}
