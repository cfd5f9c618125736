/**
 * The client-secret format of `createOfflineStripe()`: `<prefix>offline_<random>_<expiresAt>`,
 * so the browser stand-ins can tell a secret they may accept and when it expires, without a
 * server round trip. Side-effect free and free of Node APIs.
 */
const OFFLINE_SECRET = /^(?:accs_secret__|fcsess_client_secret_)offline_[A-Za-z0-9]+_(\d{9,11})$/;

/** `{expiresAt}` (epoch seconds) of a secret the offline Stripe issued, or `null`. */
export function parseOfflineClientSecret(secret: unknown): { expiresAt: number } | null {
  if (typeof secret !== 'string') return null;
  const match = OFFLINE_SECRET.exec(secret);
  return match ? { expiresAt: Number(match[1]) } : null;
}
