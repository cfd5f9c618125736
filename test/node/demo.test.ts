/**
 * The demo, as a visitor sees it: the Vite dev server of `npm run demo` started offline, every
 * page opened in headless Chromium, the components rendered by the stand-in Stripe scripts on
 * secrets from the real `@connect-elements/server` handlers, and every event in the log.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stopCoverage } from 'node:v8';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type Logger, type ViteDevServer } from 'vite';
import { DEMO_COMPONENTS } from '../../demo/server/demo-components.js';
import { CDN_BUNDLE_FILE, demoConfig } from '../../demo/server/demo-config.js';
import {
  DemoConfigurationError,
  OFFLINE_CONNECTED_ACCOUNT,
  demoSettings,
} from '../../demo/server/demo-settings.js';
import { chromiumLaunchOptions } from '../../packages/testing/src/chromium.js';

// The dev server runs the server and testing packages' sources a second time, through Vite's
// module runner; c8 cannot merge those copies with the ones tsx loads (their line maps differ) and
// reported half of a fully tested file as uncovered. The suites measure those packages directly,
// so this process stops collecting coverage before Vite starts.
stopCoverage();

// The components of the installed @stripe/connect-js (its CommonJS build: this runs in Node).
const { connectElementTagNames: componentNames } = createRequire(import.meta.url)(
  '@stripe/connect-js/dist/pure.js',
) as { connectElementTagNames: readonly string[] };

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const resultsDir = `${repoRoot}test-results`;

/** What the demo's dev server warned of or reported as an error, which `npm run demo` would print. */
const serverWarnings: string[] = [];

const recordingLogger: Logger = {
  hasWarned: false,
  info: (message) => {
    if (process.env['DEMO_TEST_LOG']) console.log(message);
  },
  warn: (message) => void serverWarnings.push(message),
  warnOnce: (message) => void serverWarnings.push(message),
  error: (message) => void serverWarnings.push(message),
  clearScreen: () => {},
  hasErrorLogged: () => false,
};

/** Starts the demo's dev server on a free port; `settings` as `npm run demo` would read them. */
async function startDemo(
  env: Record<string, string>,
): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    ...demoConfig(demoSettings(env)),
    configFile: false,
    customLogger: recordingLogger,
    // Its own cache, so a running `npm run demo` is not disturbed.
    cacheDir: `${repoRoot}node_modules/.vite/demo-test`,
    server: { port: 0, host: '127.0.0.1', watch: null },
  });
  await server.listen();
  const { port } = server.httpServer!.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}` };
}

/** A page that records console errors and uncaught exceptions. */
async function open(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, errors };
}

/** Every stand-in Stripe element on the page has its session. */
async function sessionsReady(page: Page, count: number): Promise<void> {
  try {
    await page.waitForFunction(
      (expected) => {
        const elements = window.StripeConnect?.standIn?.elements() ?? [];
        return (
          elements.length === expected &&
          elements.every((element) => element.connector?.status === 'ready')
        );
      },
      count,
      { timeout: 15_000 },
    );
  } catch (error) {
    const statuses = await page.evaluate(
      `JSON.stringify((window.StripeConnect?.standIn?.elements() ?? []).map((element) =>
        element.localName + ': ' + (element.connector?.status ?? 'no connector')))`,
    );
    throw new Error(`${count} sessions not ready on ${page.url()}: ${String(statuses)}`, {
      cause: error,
    });
  }
}

/**
 * The page's text, shadow roots and attributes included. (A string: functions compiled by tsx
 * carry helpers that do not exist in the page.)
 */
const DEEP_TEXT = `(() => {
  const parts = [document.documentElement.textContent ?? ''];
  const walk = (root) => {
    for (const element of root.querySelectorAll('*')) {
      for (const attribute of element.attributes) parts.push(attribute.value);
      if (element.shadowRoot) {
        parts.push(element.shadowRoot.textContent ?? '');
        walk(element.shadowRoot);
      }
    }
  };
  walk(document);
  return parts.join('\\n');
})()`;
const deepText = (page: Page) => page.evaluate<string>(DEEP_TEXT);

const logged = (page: Page) =>
  page.$$eval('#log > li', (items) => items.map((item) => (item as HTMLElement).dataset['event']));

describe('the demo (npm run demo), offline', () => {
  let server: ViteDevServer;
  let url: string;
  let browser: Browser;

  before(async () => {
    [{ server, url }, browser] = await Promise.all([
      startDemo({}),
      chromium.launch(chromiumLaunchOptions()),
    ]);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('index: components render; events, a link and a cancel reach the log; settings apply', async () => {
    const { page, errors } = await open(browser, `${url}/`);
    await sessionsReady(page, 4);
    assert.match(
      await page.locator('.mode-banner').innerText(),
      /Offline demo.*STRIPE_SECRET_KEY/s,
    );

    // Every listener button of every stand-in element produces a log entry.
    const buttons = page.locator('[data-listener]');
    const listenerCount = await buttons.count();
    assert.ok(listenerCount >= 8, `listener buttons: ${listenerCount}`);
    const before = (await logged(page)).length;
    for (let index = 0; index < listenerCount; index += 1) await buttons.nth(index).click();
    await page.waitForFunction(
      (expected) => document.querySelectorAll('#log > li').length >= expected,
      before + listenerCount,
    );
    const events = await logged(page);
    for (const name of ['ce-exit', 'ce-step-change', 'ce-load-error', 'ce-close']) {
      assert.ok(events.includes(name), `${name} in the log: ${events.join(', ')}`);
    }

    // Financial Connections: link an account, then cancel a second flow.
    const bank = page.locator('ce-financial-connections');
    const dialog = page.locator('dialog[data-stand-in="financial-connections"]');
    await bank.getByRole('button').click();
    await dialog.getByRole('button', { name: 'Link account' }).click();
    await page.locator('#log > li[data-event="ce-financial-connections-success"]').waitFor();
    await page.getByText('Verified on the server (1 account)').waitFor();
    await bank.getByRole('button').click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('#log > li[data-event="ce-financial-connections-cancel"]').waitFor();

    // Locale and appearance change the live Connect instance.
    await page.getByLabel('Locale').selectOption('fr-FR');
    await page.locator('label.preset', { hasText: 'Midnight' }).click();
    await page.waitForFunction(() => {
      const instance = window.StripeConnect!.standIn!.instances[0]!;
      const appearance = instance.appearance as { variables?: { colorBackground?: string } };
      return instance.locale === 'fr-FR' && appearance.variables?.colorBackground === '#0f172a';
    });
    assert.equal(await page.evaluate(() => window.StripeConnect!.standIn!.instances.length), 1);
    await page.locator('label.preset', { hasText: 'Default' }).click();
    await page.getByLabel('Locale').selectOption('en-US');

    // An expiring session is refreshed through the endpoint.
    await page.evaluate(() => window.StripeConnect!.standIn!.instances[0]!.expireSession());
    await sessionsReady(page, 4);
    await page.locator('#session-requests', { hasText: '2' }).waitFor();

    // Log out, then a new session.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForFunction(() =>
      window
        .StripeConnect!.standIn!.elements()
        .every((element) => element.connector?.status === 'logged-out'),
    );
    await page.getByRole('button', { name: 'New session' }).click();
    await sessionsReady(page, 4);
    await page.locator('#session-requests', { hasText: '3' }).waitFor();

    const text = await deepText(page);
    assert.ok(!text.includes('_secret_'), 'no client secret on the page');
    assert.deepEqual(errors, []);

    await mkdir(resultsDir, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${resultsDir}/demo-index.png`, fullPage: true });
    await page.close();
  });

  it('gallery: every component, titled, with its session where the server can make one', async () => {
    const { page, errors } = await open(browser, `${url}/gallery.html`);
    const withSession = componentNames.filter((name) => name.replace(/-/g, '_') in DEMO_COMPONENTS);
    // Every GA component has one; only preview components the stripe package does not know lack it.
    assert.ok(withSession.length >= 21);
    await sessionsReady(page, withSession.length);
    for (const name of componentNames) {
      const card = page.locator(`section#${name}`);
      const elements = card.locator(`ce-${name} > stripe-connect-${name}`);
      assert.equal(await elements.count(), withSession.includes(name) ? 1 : 0, name);
      assert.ok((await card.locator('.card__header h3').innerText()).length > 0, `${name} titled`);
    }
    assert.ok(!(await deepText(page)).includes('_secret_'));
    assert.deepEqual(errors, []);
    await page.close();
  });

  for (const framework of ['react', 'vue']) {
    it(`${framework}: the components render through @connect-elements/${framework}`, async () => {
      const { page, errors } = await open(browser, `${url}/${framework}.html`);
      await sessionsReady(page, 3);
      await page.locator('stripe-connect-payouts [data-listener="setOnLoaderStart"]').click();
      await page.locator('#log > li[data-event="ce-loader-start"]').first().waitFor();
      assert.ok(!(await deepText(page)).includes('_secret_'));
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it('cms: the CDN bundle alone renders the components (or says to build it)', async () => {
    const { page, errors } = await open(browser, `${url}/cms.html`);
    if (existsSync(CDN_BUNDLE_FILE)) {
      await sessionsReady(page, 3);
      assert.deepEqual(
        await page.$$eval('script[type="module"][src]', (scripts) =>
          scripts.map((script) => new URL((script as HTMLScriptElement).src).pathname),
        ),
        ['/@vite/client', '/cdn/connect-elements.js'],
      );
    } else {
      await page.getByText('The CDN bundle is not built.').waitFor();
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('mounts the real handlers: a session for the signed-in account, 405 for GET', async () => {
    const answer = await fetch(`${url}/api/account-session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ components: ['payments'] }),
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    const body = (await answer.json()) as { client_secret: string; expires_at: number };
    assert.match(body.client_secret, /^accs_secret__offline_/);
    const lifetime = body.expires_at - Date.now() / 1000;
    assert.ok(lifetime > 50 && lifetime <= 60, `session lifetime ${lifetime}s`);
    assert.equal((await fetch(`${url}/api/account-session`)).status, 405);
    assert.ok(OFFLINE_CONNECTED_ACCOUNT.startsWith('acct_'));
  });

  it('prints no warning or error from the dev server while every page was served', () => {
    assert.deepEqual(serverWarnings, []);
  });
});

describe('the demo with Stripe keys', () => {
  it('gives the page the publishable key only, and loads no stand-in', async () => {
    const secretKey = 'sk_test_demoSecretNeverInThePage';
    const { server, url } = await startDemo({
      STRIPE_SECRET_KEY: secretKey,
      STRIPE_PUBLISHABLE_KEY: 'pk_test_demoPublishable',
      STRIPE_CONNECTED_ACCOUNT: 'acct_1DemoTest',
    });
    try {
      for (const path of ['/', '/gallery.html', '/react.html', '/vue.html', '/cms.html']) {
        const html = await (await fetch(`${url}${path}`)).text();
        assert.ok(!html.includes(secretKey), `${path}: no secret key`);
        assert.ok(!html.includes('/stand-in/'), `${path}: no stand-in script`);
        assert.match(html, /<meta name="ce-publishable-key" content="pk_test_demoPublishable">/);
      }
      assert.match(
        await (await fetch(`${url}/`)).text(),
        /publishable-key="pk_test_demoPublishable"/,
      );
      assert.equal((await fetch(`${url}/stand-in/connect.js`)).status, 404);
    } finally {
      await server.close();
    }
  });

  it('refuses a key that is not a publishable key, and half a configuration', () => {
    assert.throws(
      () =>
        demoSettings({
          STRIPE_SECRET_KEY: 'sk_test_a',
          STRIPE_PUBLISHABLE_KEY: 'sk_test_b',
          STRIPE_CONNECTED_ACCOUNT: 'acct_1',
        }),
      (error: unknown) =>
        error instanceof DemoConfigurationError &&
        /STRIPE_PUBLISHABLE_KEY must be a publishable key/.test(error.message) &&
        !error.message.includes('sk_test_b'),
    );
    assert.throws(
      () => demoSettings({ STRIPE_PUBLISHABLE_KEY: 'pk_test_a' }),
      /STRIPE_SECRET_KEY, STRIPE_CONNECTED_ACCOUNT are not set/,
    );
    assert.throws(
      () =>
        demoSettings({
          STRIPE_SECRET_KEY: 'sk_live_a',
          STRIPE_PUBLISHABLE_KEY: 'pk_live_b',
          STRIPE_CONNECTED_ACCOUNT: 'acct_1',
        }),
      /test mode only/,
    );
    assert.equal(demoSettings({}).mode, 'offline');
  });
});
