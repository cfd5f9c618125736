/**
 * Which Stripe the demo runs on, decided once from the environment when the dev server starts.
 *
 * With no keys it is offline: `@connect-elements/testing` stands in for Stripe's API client and
 * for Stripe's CDN scripts. With all three keys it is real Stripe test mode. Anything in between
 * is a mistake the developer wants to hear about, so it stops the server with a readable message.
 */
export type DemoSettings =
  | {
      readonly mode: 'offline';
      readonly publishableKey: string;
      /** The connected account of the demo's signed-in user. */
      readonly connectedAccount: string;
    }
  | {
      readonly mode: 'stripe';
      readonly publishableKey: string;
      readonly connectedAccount: string;
      /** Server side only: never reaches the browser. */
      readonly secretKey: string;
    };

/** The environment variables the demo reads (from the shell, or `demo/.env`). */
export const DEMO_ENV_VARS = [
  'STRIPE_SECRET_KEY',
  'STRIPE_PUBLISHABLE_KEY',
  'STRIPE_CONNECTED_ACCOUNT',
] as const;

/** The offline Stripe accepts any well-formed test key and account. */
export const OFFLINE_PUBLISHABLE_KEY = 'pk_test_connect_elements_offline_demo';
export const OFFLINE_CONNECTED_ACCOUNT = 'acct_1ConnectElementsDemo';

/** A readable reason the demo cannot start. */
export class DemoConfigurationError extends Error {
  override name = 'DemoConfigurationError';
}

/** Reads the demo settings from `env`; throws `DemoConfigurationError` on a bad combination. */
export function demoSettings(env: Record<string, string | undefined>): DemoSettings {
  const value = (name: (typeof DEMO_ENV_VARS)[number]) => env[name]?.trim() || undefined;
  const secretKey = value('STRIPE_SECRET_KEY');
  const publishableKey = value('STRIPE_PUBLISHABLE_KEY');
  const connectedAccount = value('STRIPE_CONNECTED_ACCOUNT');
  const given = [secretKey, publishableKey, connectedAccount].filter(Boolean).length;
  if (given === 0) {
    return {
      mode: 'offline',
      publishableKey: OFFLINE_PUBLISHABLE_KEY,
      connectedAccount: OFFLINE_CONNECTED_ACCOUNT,
    };
  }
  const problems: string[] = [];
  const missing = DEMO_ENV_VARS.filter((name) => !value(name));
  if (missing.length) {
    problems.push(
      `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set. Set all three for Stripe test mode, or none for the offline demo.`,
    );
  }
  if (publishableKey && !publishableKey.startsWith('pk_')) {
    problems.push(
      `STRIPE_PUBLISHABLE_KEY must be a publishable key (pk_test_…), but it starts with "${publishableKey.slice(0, 3)}".` +
        (/^(sk|rk)_/.test(publishableKey)
          ? ' That is a secret key: it belongs in STRIPE_SECRET_KEY and must never reach a browser.'
          : ''),
    );
  } else if (publishableKey && !publishableKey.startsWith('pk_test_')) {
    problems.push(
      'STRIPE_PUBLISHABLE_KEY is a live key; the demo runs on test mode only (pk_test_…).',
    );
  }
  if (secretKey && !/^(sk|rk)_/.test(secretKey)) {
    problems.push('STRIPE_SECRET_KEY must be a secret or restricted key (sk_test_… or rk_test_…).');
  } else if (secretKey && !/^(sk|rk)_test_/.test(secretKey)) {
    problems.push('STRIPE_SECRET_KEY is a live key; the demo runs on test mode only (sk_test_…).');
  }
  if (connectedAccount && !connectedAccount.startsWith('acct_')) {
    problems.push('STRIPE_CONNECTED_ACCOUNT must be a connected account id (acct_…).');
  }
  if (problems.length || !secretKey || !publishableKey || !connectedAccount) {
    throw new DemoConfigurationError(
      [
        'The Connect Elements demo cannot start:',
        ...problems.map((problem) => `  - ${problem}`),
        'See demo/.env.example.',
      ].join('\n'),
    );
  }
  return { mode: 'stripe', publishableKey, connectedAccount, secretKey };
}
