import { configurationError } from './errors.js';

/**
 * `key` when it is a publishable key (`pk_…`), else a `configuration_error` saying what is wrong.
 * A secret (`sk_`) or restricted (`rk_`) key is refused and never passed on to Stripe.
 */
export function checkPublishableKey(key: string | null | undefined, tagName: string): string {
  if (!key) {
    throw configurationError(`<${tagName}> needs a publishable-key.`);
  }
  if (/^(sk|rk)_/.test(key)) {
    throw configurationError(
      `<${tagName}> was given a secret or restricted key as publishable-key; it was not used. Use your publishable key (pk_…), and keep secret keys on your server.`,
    );
  }
  if (!key.startsWith('pk_')) {
    throw configurationError(`<${tagName}> needs a publishable key that starts with pk_.`);
  }
  return key;
}
