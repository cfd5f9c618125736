/**
 * Removes Stripe secrets from text that is about to leave the endpoint's control (log reports).
 * Over-redacting is fine here; leaking one key is not.
 *
 * The patterns are those of `@connect-elements/core`'s scrubber (a Node test checks the two
 * lists are equal): keys and client secrets are caught wherever they start, also glued to a
 * letter, digit or escape (`\nsk_test_…`, `Bearer%20sk_test_…`, `%22sk_test_…`).
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
