/**
 * The demo's Vite configuration, apart from `vite.config.ts` so the demo's own test can start the
 * same server with settings of its choosing (offline, whatever the developer's `.env` says).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  defaultClientConditions,
  defaultServerConditions,
  type HtmlTagDescriptor,
  type Plugin,
  type UserConfig,
  type ViteDevServer,
} from 'vite';
import type * as ApiModule from './api.js';
import type { DemoSettings } from './demo-settings.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const demoRoot = fileURLToPath(new URL('../', import.meta.url));
const apiModule = fileURLToPath(new URL('./api.ts', import.meta.url));

/** Where `npm run build` writes the CDN bundle, and where the CMS page finds it. */
const CDN_BUNDLE_DIR = `${repoRoot}packages/core/dist/cdn/`;
export const CDN_BUNDLE_FILE = `${CDN_BUNDLE_DIR}connect-elements.js`;

/** The pages, in the order of the navigation. */
export const DEMO_PAGES = [
  { file: 'index.html', path: '/', title: 'Overview' },
  { file: 'gallery.html', path: '/gallery.html', title: 'Gallery' },
  { file: 'react.html', path: '/react.html', title: 'React' },
  { file: 'vue.html', path: '/vue.html', title: 'Vue' },
  { file: 'cms.html', path: '/cms.html', title: 'CMS (CDN)' },
] as const;

/** The Vite configuration of the demo (a dev server: the demo is not built) for `settings`. */
export function demoConfig(settings: DemoSettings): UserConfig {
  // The CommonJS entry of Stripe's Connect loader, answered with its ES module build (as in the
  // browser tests; the kit imports `@stripe/stripe-js`'s ES module build itself).
  const esmBuilds = {
    '@stripe/connect-js/pure.js': `${repoRoot}node_modules/@stripe/connect-js/dist/pure.esm.js`,
  };
  return {
    root: demoRoot,
    appType: 'mpa',
    // Only VITE_-prefixed variables reach browser code; the secret key has no such prefix.
    envPrefix: 'VITE_',
    clearScreen: false,
    resolve: {
      // The workspace packages are used from their TypeScript sources (the `source` export
      // condition), so the demo needs no build of the kit.
      conditions: ['source', ...defaultClientConditions],
      alias: [
        ...Object.entries(esmBuilds).map(([find, replacement]) => ({
          find: new RegExp(`^${find.replace(/[./]/g, '\\$&')}$`),
          replacement,
        })),
        // The Vue page compiles its templates in the browser (no Vue plugin needed).
        { find: /^vue$/, replacement: 'vue/dist/vue.esm-bundler.js' },
      ],
    },
    define: {
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
    optimizeDeps: {
      entries: DEMO_PAGES.map((page) => page.file),
    },
    server: { fs: { allow: [repoRoot] } },
    plugins: [connectElementsDemo(settings)],
  };
}

type NodeMiddleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/**
 * The demo's host: mounts the real `@connect-elements/server` handlers, serves the stand-in
 * Stripe scripts when offline, and gives every page the shared header, the mode banner and the
 * publishable key (never the secret key).
 */
export function connectElementsDemo(settings: DemoSettings): Plugin {
  let api: Promise<ApiModule.DemoApi> | undefined;
  // Loaded through Vite's SSR module loader, so the workspace packages resolve to their
  // TypeScript sources as they do for the pages.
  const loadModule = (server: ViteDevServer) =>
    server.ssrLoadModule(apiModule) as Promise<typeof ApiModule>;
  const loadApi = (server: ViteDevServer) =>
    (api ??= loadModule(server)
      .then((module) => module.createDemoApi(settings))
      .catch((error: unknown) => {
        api = undefined; // try again on the next request
        throw error;
      }));

  return {
    name: 'connect-elements-demo',
    configureServer(server) {
      const middleware: NodeMiddleware = (request, response, next) => {
        const path = new URL(request.url ?? '/', 'http://demo.invalid').pathname;
        const cdnFile = /^\/cdn\/(connect-elements(?:\.min)?\.js(?:\.map)?)$/.exec(path)?.[1];
        if (cdnFile) {
          const type = cdnFile.endsWith('.map') ? 'application/json' : 'text/javascript';
          void serveFile(response, `${CDN_BUNDLE_DIR}${cdnFile}`, type).catch(next);
          return;
        }
        if (settings.mode === 'offline' && path.startsWith('/stand-in/')) {
          const name = path === '/stand-in/connect.js' ? 'connect' : 'stripe';
          if (path !== `/stand-in/${name}.js`) return next();
          void loadModule(server)
            .then((module) => module.standInScript(name))
            .then((script) => send(response, 200, 'text/javascript', script))
            .catch(next);
          return;
        }
        if (!path.startsWith('/api/')) return next();
        void loadApi(server)
          .then((loaded) => {
            const handle = loaded.routes[path];
            if (!handle) return send(response, 404, 'application/json', '{"error":"not found"}');
            return handle(request, response);
          })
          .catch(next);
      };
      server.middlewares.use(middleware);
      server.httpServer?.once('listening', () => {
        setTimeout(() => server.config.logger.info(`\n  ${modeLine(settings)}\n`), 0);
      });
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        const page = DEMO_PAGES.find(
          (candidate) => context.path === candidate.path || context.path === `/${candidate.file}`,
        );
        const tags: HtmlTagDescriptor[] = [
          {
            tag: 'meta',
            attrs: { name: 'ce-publishable-key', content: settings.publishableKey },
            injectTo: 'head',
          },
          {
            tag: 'meta',
            attrs: { name: 'ce-demo-mode', content: settings.mode },
            injectTo: 'head',
          },
          { tag: 'link', attrs: { rel: 'icon', href: '/favicon.svg' }, injectTo: 'head' },
          { tag: 'link', attrs: { rel: 'stylesheet', href: '/src/demo.css' }, injectTo: 'head' },
        ];
        if (settings.mode === 'offline') {
          // Classic scripts run before the kit's modules, so the official loaders find
          // `window.StripeConnect` and `window.Stripe` on the page and never reach Stripe's CDN.
          tags.push(
            { tag: 'script', attrs: { src: '/stand-in/connect.js' }, injectTo: 'head' },
            { tag: 'script', attrs: { src: '/stand-in/stripe.js' }, injectTo: 'head' },
            {
              tag: 'script',
              // Only secrets the offline Stripe issued are accepted, and they expire for real.
              children:
                'window.StripeConnect.standIn.requireOfflineSecrets = true;' +
                'window.Stripe.standIn.requireOfflineSecrets = true;',
              injectTo: 'head',
            },
          );
        }
        tags.push({ tag: 'header', injectTo: 'body-prepend', children: header(settings, page) });
        let body = html.replaceAll('%CE_PUBLISHABLE_KEY%', escapeHtml(settings.publishableKey));
        if (page?.file === 'cms.html' && !existsSync(CDN_BUNDLE_FILE)) {
          body = body
            .replace(/<script[^>]*src="\/cdn\/connect-elements\.js"[^>]*><\/script>\s*/, '')
            .replace('<!-- cdn-bundle-missing -->', CDN_MISSING_NOTICE);
        }
        return { html: body, tags };
      },
    },
  };
}

async function serveFile(response: ServerResponse, file: string, type: string): Promise<void> {
  if (!existsSync(file)) {
    send(response, 404, 'text/plain', 'Not built yet: run npm run build.');
    return;
  }
  send(response, 200, type, await readFile(file, 'utf8'));
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.statusCode = status;
  response.setHeader('Content-Type', `${type}; charset=utf-8`);
  response.setHeader('Cache-Control', 'no-store');
  response.end(body);
}

const CDN_MISSING_NOTICE = `<div class="notice notice--warning" role="alert">
  <strong>The CDN bundle is not built.</strong>
  This page loads only <code>packages/core/dist/cdn/connect-elements.js</code>. Run
  <code>npm run build</code>, then reload.
</div>`;

function modeLine(settings: DemoSettings): string {
  return settings.mode === 'offline'
    ? 'Offline demo: Stripe is stood in for by @connect-elements/testing. Set STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY and STRIPE_CONNECTED_ACCOUNT for Stripe test mode.'
    : `Stripe test mode, connected account ${settings.connectedAccount}.`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

/** The shared header: brand, navigation, mode, and the banner saying which Stripe is in use. */
function header(settings: DemoSettings, current: (typeof DEMO_PAGES)[number] | undefined): string {
  const links = DEMO_PAGES.map(
    (page) =>
      `<li><a href="${page.path}"${page === current ? ' aria-current="page"' : ''}>${page.title}</a></li>`,
  ).join('');
  const banner =
    settings.mode === 'offline'
      ? `<div class="mode-banner mode-banner--offline" role="note" aria-label="Demo mode">
  <div class="mode-banner__inner">
    <strong>Offline demo.</strong>
    Stripe's API and its <code>connect.js</code> / <code>stripe.js</code> are stood in for by
    <code>@connect-elements/testing</code>; nothing leaves this machine, and sessions expire after
    60&nbsp;s so refresh runs for real. For Stripe test mode, set <code>STRIPE_SECRET_KEY</code>,
    <code>STRIPE_PUBLISHABLE_KEY</code> and <code>STRIPE_CONNECTED_ACCOUNT</code> (shell or
    <code>demo/.env</code>) and restart <code>npm run demo</code>.
  </div>
</div>`
      : `<div class="mode-banner mode-banner--live" role="note" aria-label="Demo mode">
  <div class="mode-banner__inner">
    <strong>Stripe test mode.</strong> Signed in as connected account
    <code>${escapeHtml(settings.connectedAccount)}</code>; the pages load Stripe's own scripts.
  </div>
</div>`;
  return `<a class="skip-link" href="#main">Skip to content</a>
<div class="site-header">
  <div class="site-header__inner">
    <a class="brand" href="/"><span class="brand__mark" aria-hidden="true"></span>Connect Elements<span class="brand__sub">demo</span></a>
    <nav aria-label="Demo pages"><ul class="nav">${links}</ul></nav>
    <span class="mode-pill mode-pill--${settings.mode}">${settings.mode === 'offline' ? 'Offline' : 'Test mode'}</span>
  </div>
</div>
${banner}`;
}
