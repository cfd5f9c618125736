/**
 * Serves the stand-in scripts where Stripe's CDN would: for Playwright-driven tests
 * (`routeStripeScripts(page)`), dev servers and demos (`standInScript(name)`).
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

/** How the routed CDN answers a script request. */
export type StandInMode = 'serve' | 'fail';

/** Controls the CDN routes of one page. */
export interface StripeScriptRoutes {
  /** Make a script fail to load (`'fail'`, a 503) or serve it again (`'serve'`). */
  set(name: StandInScriptName, mode: StandInMode): void;
  /** How many times each script was requested. */
  readonly requests: Record<StandInScriptName, number>;
}

/** The part of Playwright's `Page` this helper uses. */
interface RoutablePage {
  route(
    url: string | RegExp,
    handler: (route: {
      fulfill(response: { status?: number; contentType?: string; body?: string }): Promise<void>;
    }) => Promise<void> | void,
  ): Promise<unknown>;
}

/**
 * Answers Stripe's CDN URLs on `page` with the stand-in scripts, so the real
 * `@stripe/connect-js` and `@stripe/stripe-js` loaders run offline:
 *
 * ```ts
 * const page = await context.newPage();
 * const routes = await routeStripeScripts(page);
 * routes.set('connect', 'fail'); // the next Connect.js load fails
 * ```
 */
export async function routeStripeScripts(page: RoutablePage): Promise<StripeScriptRoutes> {
  const modes: Record<StandInScriptName, StandInMode> = { connect: 'serve', stripe: 'serve' };
  const requests: Record<StandInScriptName, number> = { connect: 0, stripe: 0 };
  const answer =
    (name: StandInScriptName) =>
    async (route: Parameters<Parameters<RoutablePage['route']>[1]>[0]) => {
      requests[name] += 1;
      if (modes[name] === 'fail') {
        await route.fulfill({
          status: 503,
          contentType: 'text/plain',
          body: 'stand-in: unavailable',
        });
        return;
      }
      await route.fulfill({
        status: 200,
        contentType: 'application/javascript',
        body: await standInScript(name),
      });
    };
  await page.route(CONNECT_JS_URL, answer('connect'));
  await page.route(STRIPE_JS_URL_PATTERN, answer('stripe'));
  return {
    set: (name, mode) => {
      modes[name] = mode;
    },
    requests,
  };
}
