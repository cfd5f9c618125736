/**
 * The kit through the page lifecycles of the stacks that patch the page, each with the real
 * library: morphdom (what LiveView uses), idiomorph (Turbo 8, htmx's morph), htmx 2 swaps,
 * morph, `hx-preserve` and history, Turbo 8 Drive visits with the snapshot cache, morph
 * refreshes and frames, Phoenix LiveView's client, Alpine's morph (Livewire 3), React 19
 * `hydrateRoot`, Preact `hydrate`, a React portal, and Svelte 5 `$state`.
 *
 * Each case asserts that every component shows exactly one ready Stripe element, how many
 * endpoint requests and Connect instances the page made, that no `ce-error` or console error
 * happened, and that an attribute change carried by the patch reached Stripe.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { renderToString } from 'react-dom/server';
import { createElement } from 'react';
import { createSSRApp } from 'vue';
import { renderToString as renderVueToString } from 'vue/server-renderer';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '../../packages/testing/src/chromium.js';
import {
  htmlPage,
  openLifecyclePage as openPage,
  startLifecycleSite,
  type LifecyclePage,
  type LifecycleSite,
  type PageState,
} from './support/lifecycle-pages.js';
import { HydrationApp } from './fixtures/lifecycle/hydration-app.js';
import { vueApp } from './fixtures/lifecycle/vue-app.js';

let site: LifecycleSite;
let browser: Browser;
const pages: LifecyclePage[] = [];

before(async () => {
  site = await startLifecycleSite();
  browser = await chromium.launch(chromiumLaunchOptions());
});

after(async () => {
  await Promise.all(pages.map(({ page }) => page.close()));
  await browser?.close();
  await site?.close();
});

async function open(path: string, options?: { throttle?: number }): Promise<LifecyclePage> {
  const page = await openPage(browser, site.origin + path, options);
  pages.push(page);
  return page;
}

/**
 * Serves at `path` a page whose `<div id="root">` (with `data-*` attributes and `html` inside)
 * a fixture app of `fixtures/lifecycle/` takes over: `entry`, bundled for the browser.
 */
function appPage(
  path: string,
  entry: string,
  {
    data = {},
    html = '',
    kit = false,
  }: { data?: Record<string, unknown>; html?: string; kit?: boolean },
) {
  site.bundle(`${path}.js`, `test/node/fixtures/lifecycle/${entry}`, { development: true });
  const attributes = Object.entries(data)
    .map(
      ([name, value]) =>
        ` data-${name}='${typeof value === 'string' ? value : JSON.stringify(value)}'`,
    )
    .join('');
  site.page(
    path,
    htmlPage(
      `<div id="root"${attributes}>${html}</div>`,
      `<script type="module" src="${path}.js"></script>`,
      {
        kit,
      },
    ),
  );
}

/** A provider with two components, as a server template writes it. */
const markup = (endpoint: string, payment: string) =>
  `<ce-connect publishable-key="pk_test_lifecycle" endpoint="${endpoint}">` +
  `<ce-payments></ce-payments>` +
  `<ce-payment-details payment="${payment}"></ce-payment-details>` +
  `</ce-connect>`;

interface Expected {
  requests: number;
  instances: number;
  /** The Stripe elements are the nodes `markStripeElements` marked. */
  sameStripeElements?: boolean;
  payment?: string;
}

function assertHealthy(
  state: PageState,
  page: LifecyclePage,
  endpoint: { requests(): number },
  expected: Expected,
) {
  assert.ok(state.components.length >= 2, 'the components are on the page');
  for (const component of state.components) {
    assert.equal(component.stripeElements, 1, `Stripe elements in <${component.tag}>`);
    assert.ok(component.ready, `<${component.tag}>'s Stripe element is ready`);
    if (expected.sameStripeElements) {
      assert.notEqual(component.mark, undefined, `<${component.tag}> kept its Stripe element`);
    }
  }
  if (expected.payment) {
    const details = state.components.find((component) => component.tag === 'ce-payment-details');
    assert.equal(
      details?.settings['setPayment'],
      expected.payment,
      'the new payment reached Stripe',
    );
  }
  assert.equal(endpoint.requests(), expected.requests, 'endpoint requests');
  assert.equal(state.instances, expected.instances, 'Connect instances');
  assert.deepEqual(state.ceErrors, [], 'ce-error events');
  assert.deepEqual(page.problems, [], 'console and page errors');
}

describe('DOM morphing libraries', () => {
  /**
   * Each library re-renders `#app` with the same markup but a new payment, as the server would
   * send it: `patch(html)` morphs the live page into it.
   */
  const MORPHERS = [
    {
      name: 'morphdom (LiveView’s differ): a re-render keeps the Stripe elements, the new payment reaches Stripe',
      path: '/morphdom',
      app: '<div id="app">',
      script: `import morphdom from '/vendor/morphdom.js';
        window.patch = (html) => morphdom(document.getElementById('app'), '<div id="app">' + html + '</div>');`,
    },
    {
      name: 'idiomorph (Turbo 8, htmx morph)',
      path: '/idiomorph',
      app: '<div id="app">',
      script: `import { Idiomorph } from '/vendor/idiomorph.js';
        window.patch = (html) => Idiomorph.morph(document.getElementById('app'), html, { morphStyle: 'innerHTML' });`,
    },
    {
      name: 'Alpine’s morph (Livewire 3)',
      path: '/alpine',
      app: '<div id="app" x-data>',
      script: `import Alpine from '/vendor/alpine.js';
        import morph from '/vendor/alpine-morph.js';
        Alpine.plugin(morph);
        Alpine.start();
        window.patch = (html) => Alpine.morph(document.getElementById('app'), '<div id="app" x-data>' + html + '</div>');`,
    },
  ];

  for (const { name, path, app, script } of MORPHERS) {
    it(name, async () => {
      const api = site.endpoint();
      site.page(
        path,
        htmlPage(
          `${app}${markup(api.url, 'pi_1')}</div>`,
          `<script type="module">${script}</script>`,
        ),
      );
      const page = await open(path);
      await page.settled();
      await page.markStripeElements();
      await page.page.evaluate((html) => window.patch!(html), markup(api.url, 'pi_2'));
      assertHealthy(await page.settled(), page, api, {
        requests: 1,
        instances: 1,
        sameStripeElements: true,
        payment: 'pi_2',
      });
    });
  }
});

describe('htmx 2', () => {
  const htmxScripts =
    '<script src="/vendor/htmx.js"></script><script src="/vendor/htmx-idiomorph.js"></script>';

  it('hx-swap="morph:innerHTML" (idiomorph extension)', async () => {
    const api = site.endpoint();
    site.page('/htmx-morph/fragment', markup(api.url, 'pi_2'));
    site.page(
      '/htmx-morph',
      htmlPage(
        `<div id="app" hx-ext="morph" hx-get="/htmx-morph/fragment" hx-trigger="refresh" hx-swap="morph:innerHTML">${markup(api.url, 'pi_1')}</div>`,
        htmxScripts,
      ),
    );
    const page = await open('/htmx-morph');
    await page.settled();
    await page.markStripeElements();
    await page.page.evaluate(() => htmx.trigger('#app', 'refresh'));
    await page.page.waitForFunction(() => document.querySelector('[payment="pi_2"]'));
    assertHealthy(await page.settled(), page, api, {
      requests: 1,
      instances: 1,
      sameStripeElements: true,
      payment: 'pi_2',
    });
  });

  it('an innerHTML swap inside the provider joins its session', async () => {
    const api = site.endpoint();
    site.page(
      '/htmx-swap/fragment',
      '<ce-payments></ce-payments><ce-payment-details payment="pi_2"></ce-payment-details>',
    );
    site.page(
      '/htmx-swap',
      htmlPage(
        `<ce-connect publishable-key="pk_test_lifecycle" endpoint="${api.url}">
          <div id="region" hx-get="/htmx-swap/fragment" hx-trigger="refresh" hx-swap="innerHTML">
            <ce-payments></ce-payments><ce-payment-details payment="pi_1"></ce-payment-details>
          </div>
        </ce-connect>`,
        htmxScripts,
      ),
    );
    const page = await open('/htmx-swap');
    await page.settled();
    await page.page.evaluate(() => htmx.trigger('#region', 'refresh'));
    await page.page.waitForFunction(() => document.querySelector('[payment="pi_2"]'));
    assertHealthy(await page.settled(), page, api, { requests: 1, instances: 1, payment: 'pi_2' });
  });

  it('hx-preserve keeps the provider, and the placeholder in the response makes no request', async () => {
    const api = site.endpoint();
    const section = (count: number) =>
      `<ce-connect id="provider" hx-preserve publishable-key="pk_test_lifecycle" endpoint="${api.url}">` +
      `<ce-payments></ce-payments><ce-payment-details payment="pi_1"></ce-payment-details></ce-connect>` +
      `<p id="count">${count}</p>`;
    let swaps = 0;
    site.page('/htmx-preserve/fragment', () => section(++swaps + 1));
    site.page(
      '/htmx-preserve',
      htmlPage(
        `<div id="app" hx-get="/htmx-preserve/fragment" hx-trigger="refresh" hx-swap="innerHTML">${section(1)}</div>`,
        htmxScripts,
      ),
    );
    const page = await open('/htmx-preserve');
    await page.settled();
    await page.markStripeElements();
    for (const count of [2, 3]) {
      await page.page.evaluate(() => htmx.trigger('#app', 'refresh'));
      await page.page.waitForFunction(
        (n) => document.getElementById('count')?.textContent === String(n),
        count,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
    assertHealthy(await page.settled(), page, api, {
      requests: 1,
      instances: 1,
      sameStripeElements: true,
    });
  });

  it('history back (hx-push-url) restores one Stripe element per component', async () => {
    const api = site.endpoint();
    site.page('/htmx-history/other', '<p id="other">Another page</p>');
    const body = `<main id="main">${markup(api.url, 'pi_1')}</main>
      <a id="next" href="/htmx-history/other" hx-get="/htmx-history/other" hx-target="#main" hx-push-url="/htmx-history-other">Next</a>`;
    site.page('/htmx-history', htmlPage(body, htmxScripts));
    site.page(
      '/htmx-history-other',
      htmlPage('<main id="main"><p id="other">Another page</p></main>', htmxScripts),
    );
    const page = await open('/htmx-history');
    await page.settled();
    await page.page.click('#next');
    await page.page.waitForSelector('#other');
    await page.page.goBack();
    await page.page.waitForSelector('ce-payment-details');
    // The restored markup is new: one new session for it, the old one was let go.
    assertHealthy(await page.settled(), page, api, { requests: 2, instances: 2 });
  });
});

describe('Turbo 8', () => {
  const turbo = '<script type="module" src="/vendor/turbo.js"></script>';

  it('Drive visits A → B → Back: the snapshot’s copies are replaced by one Stripe element each', async () => {
    const api = site.endpoint();
    site.page(
      '/turbo/a',
      htmlPage(`${markup(api.url, 'pi_1')}<a id="next" href="/turbo/b">B</a>`, turbo),
    );
    site.page('/turbo/b', htmlPage('<p id="b">Page B</p><a href="/turbo/a">A</a>', turbo));
    const page = await open('/turbo/a');
    await page.settled();
    await page.page.click('#next');
    await page.page.waitForSelector('#b');
    await page.page.goBack();
    await page.page.waitForSelector('ce-payment-details');
    assertHealthy(await page.settled(), page, api, { requests: 2, instances: 2 });
  });

  it('a morph refresh keeps the Stripe elements and carries the new payment to Stripe', async () => {
    const api = site.endpoint();
    let payment = 'pi_1';
    site.page('/turbo/morph', () =>
      htmlPage(
        markup(api.url, payment),
        `${turbo}<meta name="turbo-refresh-method" content="morph">`,
      ),
    );
    const page = await open('/turbo/morph');
    await page.settled();
    await page.markStripeElements();
    payment = 'pi_2';
    await page.page.evaluate(() =>
      (window as unknown as { Turbo: { visit(url: string, options: object): void } }).Turbo.visit(
        location.href,
        { action: 'replace' },
      ),
    );
    await page.page.waitForFunction(() => document.querySelector('[payment="pi_2"]'));
    assertHealthy(await page.settled(), page, api, {
      requests: 1,
      instances: 1,
      sameStripeElements: true,
      payment: 'pi_2',
    });
  });

  it('a frame navigation inside the provider joins its session', async () => {
    const api = site.endpoint();
    site.page(
      '/turbo/frame',
      htmlPage(
        `<ce-connect publishable-key="pk_test_lifecycle" endpoint="${api.url}">
          <ce-payments></ce-payments>
          <turbo-frame id="details"><a id="next" href="/turbo/frame-2">Next</a><ce-payment-details payment="pi_1"></ce-payment-details></turbo-frame>
        </ce-connect>`,
        turbo,
      ),
    );
    site.page(
      '/turbo/frame-2',
      htmlPage(
        '<turbo-frame id="details"><ce-payment-details payment="pi_2"></ce-payment-details></turbo-frame>',
        turbo,
      ),
    );
    const page = await open('/turbo/frame');
    await page.settled();
    await page.page.click('#next');
    await page.page.waitForFunction(() => document.querySelector('[payment="pi_2"]'));
    assertHealthy(await page.settled(), page, api, { requests: 1, instances: 1, payment: 'pi_2' });
  });
});

describe('Phoenix LiveView 1.2', () => {
  it('the join patch and a diff keep the Stripe elements; the diff’s payment reaches Stripe', async () => {
    const api = site.endpoint();
    const [before, after] = markup(api.url, '\u0000').split('\u0000');
    // The LiveView's statics around its one dynamic (the payment), as the server would render.
    site.page(
      '/liveview',
      htmlPage(
        `<div id="phx-root" data-phx-main data-phx-session="session" data-phx-static="static">${markup(api.url, 'pi_1')}</div>`,
        `<script type="module">
          import { Socket } from '/vendor/phoenix.js';
          import { LiveSocket } from '/vendor/phoenix_live_view.js';
          // The server end of the socket, in the page: joins with the rendered template, pushes diffs.
          class LiveViewServer {
            constructor() {
              this.readyState = 0;
              window.liveViewServer = this;
              setTimeout(() => { this.readyState = 1; this.onopen?.({}); });
            }
            send(data) {
              const [joinRef, ref, topic, event] = JSON.parse(data);
              let response = {};
              if (event === 'phx_join' && topic.startsWith('lv:')) {
                Object.assign(this, { joinRef, topic });
                response = {
                  rendered: { 0: 'pi_1', s: ${JSON.stringify([before, after])} },
                  liveview_version: window.liveSocket.version(),
                };
              }
              setTimeout(() => this.receive([joinRef, ref, topic, 'phx_reply', { status: 'ok', response }]));
            }
            receive(message) { this.onmessage?.({ data: JSON.stringify(message) }); }
            push(diff) { this.receive([this.joinRef, null, this.topic, 'diff', diff]); }
            close() { this.readyState = 3; }
          }
          window.liveSocket = new LiveSocket('/live', Socket, { transport: LiveViewServer });
          window.liveSocket.connect();
          window.patch = (payment) => window.liveViewServer.push({ 0: payment });
        </script>`,
      ),
    );
    const page = await open('/liveview');
    await page.page.waitForFunction(() => document.querySelector('.phx-connected'));
    await page.settled();
    await page.markStripeElements();
    await page.page.evaluate(() => window.patch!('pi_2'));
    await page.page.waitForFunction(() => document.querySelector('[payment="pi_2"]'));
    assertHealthy(await page.settled(), page, api, {
      requests: 1,
      instances: 1,
      sameStripeElements: true,
      payment: 'pi_2',
    });
  });
});

describe('hydration', () => {
  for (const throttle of [1, 20]) {
    it(`React 19 hydrateRoot of server-rendered wrappers${throttle > 1 ? `, CPU ${throttle}× slower` : ''}: no hydration error, one request`, async () => {
      const api = site.endpoint();
      const props = { endpoint: api.url, payment: 'pi_1' };
      const html = renderToString(createElement(HydrationApp, props));
      const path = `/react-hydrate-${throttle}`;
      appPage(path, 'hydration-client.tsx', { data: { delay: '300', props }, html });
      const lifecycle = await open(path, { throttle });
      await lifecycle.page.waitForFunction(() => window.hydrated, undefined, { timeout: 20_000 });
      const state = await lifecycle.settled();
      assert.deepEqual(await lifecycle.page.evaluate(() => window.hydrationErrors), []);
      assertHealthy(state, lifecycle, api, { requests: 1, instances: 1, payment: 'pi_1' });
      await lifecycle.markStripeElements();
      await lifecycle.page.evaluate((next) => window.rerender!(next), {
        ...props,
        payment: 'pi_2',
      });
      assertHealthy(await lifecycle.settled(), lifecycle, api, {
        requests: 1,
        instances: 1,
        sameStripeElements: true,
        payment: 'pi_2',
      });
    });
  }

  it('Vue SSR hydration (createSSRApp, as Nuxt does) of the plugin’s components: no mismatch, one request', async () => {
    const api = site.endpoint();
    const props = { endpoint: api.url, payment: 'pi_1' };
    const html = await renderVueToString(vueApp(createSSRApp, props));
    appPage('/vue-ssr', 'vue-client.ts', { data: { delay: '300', props }, html });
    const page = await open('/vue-ssr');
    await page.page.waitForFunction(() => window.hydrated, undefined, { timeout: 20_000 });
    assertHealthy(await page.settled(), page, api, { requests: 1, instances: 1, payment: 'pi_1' });
  });

  it('Preact hydrate, after the Stripe elements are in: they stay, one request', async () => {
    const api = site.endpoint();
    appPage('/preact', 'preact-client.ts', {
      data: { endpoint: api.url },
      html: `<ce-connect publishable-key="pk_test_preact" endpoint="${api.url}"><ce-payments></ce-payments><ce-payment-details payment="pi_1"></ce-payment-details></ce-connect>`,
      kit: true,
    });
    const page = await open('/preact');
    await page.page.waitForFunction(() => window.hydrated);
    await page.markStripeElements();
    await page.page.evaluate(() => window.setPayment!('pi_2'));
    assertHealthy(await page.settled(), page, api, {
      requests: 1,
      instances: 1,
      sameStripeElements: true,
      payment: 'pi_2',
    });
  });
});

describe('outside the provider in the DOM', () => {
  it('a React portal’s component shares the provider’s session, with no id written', async () => {
    const api = site.endpoint();
    appPage('/portal', 'portal-client.tsx', { data: { endpoint: api.url } });
    const page = await open('/portal');
    const state = await page.settled();
    const details = await page.page.evaluate(() =>
      document.querySelector('ce-payment-details')!.closest('ce-connect'),
    );
    assert.equal(details, null, '<ce-payment-details> is outside <ce-connect> in the DOM');
    assertHealthy(state, page, api, { requests: 1, instances: 1, payment: 'pi_portal' });
  });
});

describe('Svelte 5', () => {
  it('$state settings reach Stripe as plain objects, and a nested change through $state.snapshot updates Connect', async () => {
    const api = site.endpoint();
    appPage('/svelte', 'svelte-client.ts', { data: { endpoint: api.url } });
    const page = await open('/svelte');
    await page.page.waitForFunction(() => document.querySelector('stripe-connect-payments'));
    const state = await page.settled();
    assert.deepEqual(state.components[0]!.settings['setDefaultFilters'], {
      status: ['successful'],
    });
    await page.page.evaluate(() =>
      (window as unknown as { setPrimaryColor(c: string): void }).setPrimaryColor('#ff5996'),
    );
    const updates = await page.page.waitForFunction(() => {
      const instance = window.StripeConnect!.standIn!.instances[0]!;
      return instance.updates.length ? instance.updates : undefined;
    });
    assert.deepEqual(await updates.jsonValue(), [
      { appearance: { variables: { colorPrimary: '#ff5996' } }, locale: undefined },
    ]);
    assert.equal(api.requests(), 1);
    assert.deepEqual(page.problems, []);
  });
});

declare global {
  interface Window {
    patch?: (html: string) => void;
  }
  const htmx: { trigger(selector: string, event: string): void };
}
