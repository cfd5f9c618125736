/**
 * Removes Stripe secrets from text that is about to leave the endpoint's control (log reports).
 * Over-redacting is fine here; leaking one key is not.
 */

/** What a removed secret is replaced with. */
export const REDACTED = '[redacted]';

const SECRET_PATTERNS: readonly RegExp[] = [
  // Secret, restricted and ephemeral API keys and webhook secrets: sk_test_…, rk_live_…, ek_…, whsec_…
  // (also Stripe's masked form sk_test_****1234).
  /(?<![A-Za-z0-9])(?:sk|rk|ek|whsec)_[A-Za-z0-9_*]{4,}/g,
  // Client secrets: accs_secret__…, fcsess_client_secret_…, pi_…_secret_…, seti_…_secret_…
  /[A-Za-z0-9_]*_secret_[A-Za-z0-9_]*/g,
  // Authorization header values that were copied into a message.
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi,
];

/** `text` with every API key and client secret replaced by {@link REDACTED}. */
export function scrubSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((scrubbed, pattern) => scrubbed.replace(pattern, REDACTED), text);
}
