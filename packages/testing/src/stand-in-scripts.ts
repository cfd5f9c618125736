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

/** Matches the URLs `@stripe/connect-js` loads Connect.js from (`https://connect-js.stripe.com/v1.0/connect.js`). */
export const CONNECT_JS_URL_PATTERN =
  /^https:\/\/connect-js\.stripe\.com\/v[\d.]+\/connect\.js(\?.*)?$/;
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
    script = loadStandIn(name);
    built.set(name, script);
    script.catch(() => built.delete(name));
  }
  return script;
}

/** What `stand-in-bundler.ts` exports (a type of its own: importing its types would publish it). */
interface StandInBundler {
  bundleStandIn(entry: string): Promise<string>;
}

async function loadStandIn(name: StandInScriptName): Promise<string> {
  const prebuilt = new URL(`./stand-in/${sources[name]}.js`, import.meta.url);
  if (existsSync(prebuilt)) return readFile(prebuilt, 'utf8');
  // Running from src/ in the repository: the bundler module, which is not built or published,
  // reached by a URL the compiler does not follow (nor Vite, when the demo's server loads this).
  const bundler = new URL('./stand-in-bundler.ts', import.meta.url).href;
  const { bundleStandIn } = (await import(/* @vite-ignore */ bundler)) as StandInBundler;
  return bundleStandIn(fileURLToPath(new URL(`./stand-in/${sources[name]}.ts`, import.meta.url)));
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
