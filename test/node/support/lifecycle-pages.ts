/**
 * Pages for the page-lifecycle tests: a local site that serves the kit (the CDN bundle, built
 * from the sources, as a CMS or server-rendered page loads it), the real third-party libraries
 * from node_modules, pages and fragments the tests describe, and an account-session endpoint
 * that counts its requests; and a Playwright page on it with the stand-in Connect.js, which
 * records console errors, page errors and `ce-error` events.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { build, type Plugin } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { CDN_ENTRY, bundleModule, root } from '../../../bench/bundles.js';
import { routeStripeScripts } from '../../../packages/testing/src/playwright.js';

/** The libraries, as their packages ship them for the browser. */
const VENDOR: Record<string, string> = {
  'morphdom.js': 'morphdom/dist/morphdom-esm.js',
  'idiomorph.js': 'idiomorph/dist/idiomorph.esm.js',
  'htmx.js': 'htmx.org/dist/htmx.min.js',
  'htmx-idiomorph.js': 'idiomorph/dist/idiomorph-ext.min.js',
  'turbo.js': '@hotwired/turbo/dist/turbo.es2017-esm.js',
  'alpine.js': 'alpinejs/dist/module.esm.js',
  'alpine-morph.js': '@alpinejs/morph/dist/module.esm.js',
  'phoenix.js': 'phoenix/priv/static/phoenix.mjs',
  'phoenix_live_view.js': 'phoenix_live_view/priv/static/phoenix_live_view.esm.js',
};

/** Records `ce-error` events before anything else runs (an init script of every page). */
const INSTRUMENT = `window.ceErrors = [];
document.addEventListener('ce-error', (event) => window.ceErrors.push(event.detail), true);`;

type Answer = string | ((url: URL, request: IncomingMessage) => string);

export interface LifecycleSite {
  readonly origin: string;
  /** Serves `answer` (HTML) at `path`. */
  page(path: string, answer: Answer): void;
  /** Serves `entry` bundled for the browser (with esbuild) at `path`. */
  bundle(path: string, entry: string, options?: { development?: boolean }): void;
  /** The endpoint URL of a fresh bucket, and how many requests it has had. */
  endpoint(options?: { delay?: number }): { url: string; requests(): number };
  close(): Promise<void>;
}

/** esbuild plugin: `.svelte` files compiled with Svelte's own compiler. */
const sveltePlugin: Plugin = {
  name: 'svelte',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.svelte$/ }, async ({ path }) => {
      const { compile } = await import('svelte/compiler');
      const { js } = compile(await readFile(path, 'utf8'), { generate: 'client', filename: path });
      return { contents: js.code, loader: 'js', resolveDir: root };
    });
  },
};

export async function startLifecycleSite(): Promise<LifecycleSite> {
  const kit = await bundleModule(CDN_ENTRY);
  const pages = new Map<string, Answer>();
  const bundles = new Map<string, Promise<string>>();
  const counts = new Map<string, number>();
  let buckets = 0;
  let issued = 0;

  const send = (response: ServerResponse, status: number, type: string, body: string) => {
    response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    response.end(body);
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    request.resume();
    const respond = async () => {
      if (url.pathname === '/kit.js') return send(response, 200, 'text/javascript', kit);
      const vendor = url.pathname.startsWith('/vendor/') && VENDOR[url.pathname.slice(8)];
      if (vendor) {
        const file = await readFile(`${root}/node_modules/${vendor}`, 'utf8');
        return send(response, 200, 'text/javascript', file);
      }
      if (url.pathname === '/api/account-session' && request.method === 'POST') {
        const bucket = url.searchParams.get('bucket') ?? '';
        counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
        const delay = Number(url.searchParams.get('delay') ?? 0);
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
        const secret = `accs_secret__lifecycle_${++issued}`;
        return send(response, 200, 'application/json', JSON.stringify({ client_secret: secret }));
      }
      const bundled = bundles.get(url.pathname);
      if (bundled) return send(response, 200, 'text/javascript', await bundled);
      const answer = pages.get(url.pathname);
      if (answer === undefined) return send(response, 404, 'text/plain', 'not found');
      const html = typeof answer === 'string' ? answer : answer(url, request);
      return send(response, 200, 'text/html; charset=utf-8', html);
    };
    respond().catch((error: unknown) => send(response, 500, 'text/plain', String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    page: (path, answer) => void pages.set(path, answer),
    bundle(path, entry, { development = false } = {}) {
      const bundled = build({
        entryPoints: [`${root}/${entry}`],
        bundle: true,
        write: false,
        format: 'esm',
        target: 'es2022',
        minify: !development,
        // React's development build through NODE_ENV; Lit's production build (its development
        // condition would warn on the console).
        conditions: ['source', 'browser'],
        define: {
          'process.env.NODE_ENV': JSON.stringify(development ? 'development' : 'production'),
          // Vue's bundler flags, as its Vite plugin sets them (mismatch details on, to see any)
          __VUE_OPTIONS_API__: 'true',
          __VUE_PROD_DEVTOOLS__: 'false',
          __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'true',
        },
        plugins: [sveltePlugin],
        logLevel: 'silent',
      }).then((result) => result.outputFiles[0]!.text);
      bundled.catch(() => {}); // reported when the page asks for it
      bundles.set(path, bundled);
    },
    endpoint({ delay = 0 } = {}) {
      const bucket = String(++buckets);
      return {
        url: `/api/account-session?bucket=${bucket}${delay ? `&delay=${delay}` : ''}`,
        requests: () => counts.get(bucket) ?? 0,
      };
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** An HTML page that loads the instrumentation, the kit and `head`. */
export const htmlPage = (body: string, head = '', { kit = true } = {}) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Connect Elements page lifecycle</title>
    <link rel="icon" href="data:," />
    ${kit ? '<script type="module" src="/kit.js"></script>' : ''}
    ${head}
  </head>
  <body>
    ${body}
  </body>
</html>`;

/** What a test asserts about a page: its components' Stripe elements, Connect instances, errors. */
export interface PageState {
  components: Array<{
    tag: string;
    /** Stripe elements among the component's children. */
    stripeElements: number;
    ready: boolean;
    /** The mark `markStripeElements` gave the Stripe element, if it is the same node. */
    mark: number | undefined;
    /** The last value of each setter, as JSON. */
    settings: Record<string, unknown>;
  }>;
  instances: number;
  ceErrors: unknown[];
}

export interface LifecyclePage {
  readonly page: Page;
  /** Console errors and warnings, and page errors. */
  readonly problems: string[];
  state(): Promise<PageState>;
  /** Waits until every component has one ready Stripe element, then for the page to be still. */
  settled(): Promise<PageState>;
  /** Gives every Stripe element a number, to tell later whether it is the same node. */
  markStripeElements(): Promise<void>;
}

/**
 * A page at `url` with the stand-in Stripe CDN, optionally on a CPU `throttle` times slower
 * (Chrome's CPU throttling, set before the page loads).
 */
export async function openLifecyclePage(
  browser: Browser,
  url: string,
  { throttle = 1 }: { throttle?: number } = {},
): Promise<LifecyclePage> {
  const page = await browser.newPage();
  await page.addInitScript(INSTRUMENT);
  if (throttle > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await routeStripeScripts(page);
  await page.goto(url);

  const state = () =>
    page.evaluate((): PageState => {
      type Stripe = Element & {
        connector?: { status: string };
        settings?: Record<string, unknown>;
        lifecycleMark?: number;
      };
      const components = [...document.querySelectorAll('*')].filter(
        (element) =>
          element.localName.startsWith('ce-') &&
          element.localName !== 'ce-connect' &&
          element.localName !== 'ce-financial-connections',
      );
      const standIn = (window as { StripeConnect?: { standIn?: { instances: unknown[] } } })
        .StripeConnect?.standIn;
      return {
        components: components.map((element) => {
          const stripes = [...element.children].filter((child) =>
            child.localName.startsWith('stripe-connect-'),
          ) as Stripe[];
          const [stripe] = stripes;
          return {
            tag: element.localName,
            stripeElements: stripes.length,
            ready: stripes.length > 0 && stripes.every((s) => s.connector?.status === 'ready'),
            mark: stripe?.lifecycleMark,
            settings: JSON.parse(
              JSON.stringify(stripe?.settings ?? {}, (_key, value: unknown) =>
                typeof value === 'function' ? 'function' : value,
              ),
            ) as Record<string, unknown>,
          };
        }),
        instances: standIn?.instances.length ?? 0,
        ceErrors: (window as unknown as { ceErrors: unknown[] }).ceErrors,
      };
    });

  return {
    page,
    problems,
    state,
    async settled() {
      await page.waitForFunction(
        () => {
          const components = [...document.querySelectorAll('*')].filter(
            (element) =>
              element.localName.startsWith('ce-') &&
              element.localName !== 'ce-connect' &&
              element.localName !== 'ce-financial-connections',
          );
          return (
            components.length > 0 &&
            components.every((element) => {
              const stripes = [...element.children].filter((child) =>
                child.localName.startsWith('stripe-connect-'),
              ) as Array<Element & { connector?: { status: string } }>;
              return stripes.length === 1 && stripes[0]!.connector?.status === 'ready';
            })
          );
        },
        undefined,
        { timeout: 10_000 },
      );
      // Anything a library or the kit still does (a second Stripe element, a late request).
      await page.waitForTimeout(150);
      return state();
    },
    async markStripeElements() {
      await page.evaluate(() => {
        let mark = 0;
        for (const element of document.querySelectorAll('*')) {
          if (element.localName.startsWith('stripe-connect-')) {
            (element as Element & { lifecycleMark?: number }).lifecycleMark = ++mark;
          }
        }
      });
    },
  };
}
