/**
 * `@connect-elements/testing/stand-in-scripts`: the stand-ins for Stripe's `connect.js` and
 * `stripe.js`, as scripts for a dev server or a demo to answer Stripe's CDN URLs with
 * (`standInScript(name)`), and the types of the controls they put on the page. Node only; no peer
 * dependency. Playwright tests route them with `@connect-elements/testing/playwright`.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export type StandInScriptName = 'connect' | 'stripe';

/** The URL `@stripe/connect-js` loads Connect.js from. */
export const CONNECT_JS_URL = 'https://connect-js.stripe.com/v1.0/connect.js';
/** Matches the URLs `@stripe/stripe-js` loads Stripe.js from (`https://js.stripe.com/<train>/stripe.js`). */
export const STRIPE_JS_URL_PATTERN = /^https:\/\/js\.stripe\.com\/[^/]+\/stripe\.js(\?.*)?$/;

const sources: Record<StandInScriptName, string> = {
  connect: 'connect-js',
  stripe: 'stripe-js',
};

const built = new Map<StandInScriptName, Promise<string>>();

/**
 * The stand-in for Stripe's `connect.js` or `stripe.js`, as one classic script. A published
 * package ships it prebuilt in `dist/stand-in/`; in this repository it is bundled from source.
 */
export function standInScript(name: StandInScriptName): Promise<string> {
  let script = built.get(name);
  if (!script) {
    script = buildStandIn(name);
    built.set(name, script);
    script.catch(() => built.delete(name));
  }
  return script;
}

async function buildStandIn(name: StandInScriptName): Promise<string> {
  const prebuilt = fileURLToPath(new URL(`./stand-in/${sources[name]}.js`, import.meta.url));
  const source = fileURLToPath(new URL(`./stand-in/${sources[name]}.ts`, import.meta.url));
  if (!existsSync(source) && existsSync(prebuilt)) return readFile(prebuilt, 'utf8');
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [source],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    legalComments: 'none',
  });
  return result.outputFiles[0]!.text;
}

export { defaultListenerDetail } from './stand-in/listener-details.js';
export type { StandInControls, StandInInstance, StandInElement } from './stand-in/connect-js.js';
export type {
  StripeStandInAction,
  StripeStandInCall,
  StripeStandInControls,
  StripeStandInError,
  StripeStandInFlow,
} from './stand-in/stripe-js.js';
