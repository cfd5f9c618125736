/**
 * `@connect-elements/testing/playwright`: Playwright helpers. `routeStripeScripts(page)` answers
 * Stripe's CDN URLs with the stand-in scripts, and `chromiumLaunchOptions()` starts a system
 * Chromium. Nothing here imports Playwright: any page with Playwright's `route` method fits (from
 * `playwright`, `playwright-core` or `@playwright/test`), and `stripe` is not needed.
 */
import {
  CONNECT_JS_URL_PATTERN,
  STRIPE_JS_URL_PATTERN,
  standInScript,
  type StandInScriptName,
} from './stand-in-scripts.js';

export { CHROMIUM_ARGS, chromiumLaunchOptions } from './chromium.js';
export type { StandInScriptName } from './stand-in-scripts.js';

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
  await page.route(CONNECT_JS_URL_PATTERN, answer('connect'));
  await page.route(STRIPE_JS_URL_PATTERN, answer('stripe'));
  return {
    set: (name, mode) => {
      modes[name] = mode;
    },
    requests,
  };
}
