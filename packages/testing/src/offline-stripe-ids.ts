/** Ids and client secrets of the offline Stripe API. Web-Crypto only: no Node APIs. */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` random letters and digits. */
export function randomToken(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/**
 * A client secret in the format `parseOfflineClientSecret()` of `./offline-secret.js` reads:
 * `<prefix>offline_<token>_<expiresAt>`, so the browser stand-ins can tell a secret the offline
 * API issued and when it expires. A Financial Connections Session's secret carries the token of
 * its id (`fcsess_<token>`): the Stripe.js stand-in reports that id, as Stripe.js would.
 */
export function offlineClientSecret(
  prefix: 'accs_secret__' | 'fcsess_client_secret_',
  expiresAt: number,
  token = randomToken(24),
): string {
  return `${prefix}offline_${token}_${expiresAt}`;
}
