/**
 * Connect Elements under a strict Content-Security-Policy: exactly the directives Stripe documents
 * for Connect embedded components and Stripe.js (from `stripeContentSecurityPolicy` of
 * `@connect-elements/server`), plus `'self'` for the page's own script and endpoint — no inline
 * script or style, no eval, no `data:` images. The CDN-style bundle (every element, one ES module)
 * is served from a local origin with that policy, also with Trusted Types required; all the
 * Connect components mount, a failing component shows its error panel, and
 * `<ce-financial-connections>` links an account, with no `securitypolicyviolation` and no console
 * error.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { routeStripeScripts } from '../../packages/testing/src/playwright.js';
import { CDN_ENTRY, bundleModule } from '../../bench/bundles.js';
import { chromiumLaunchOptions } from '../../packages/testing/src/chromium.js';
import { stripeContentSecurityPolicy } from '../../packages/server/src/index.js';

// The components of the installed @stripe/connect-js (its CommonJS build: this runs in Node).
const { connectElementTagNames } = createRequire(import.meta.url)(
  '@stripe/connect-js/dist/pure.js',
) as { connectElementTagNames: readonly string[] };

/** What the test page itself needs: its own scripts and its own endpoint. */
const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

/** Stripe's documented directives for Connect and Stripe.js, merged into the page's. */
const STRIPE_POLICY = [
  "default-src 'none'",
  "script-src 'self' https://connect-js.stripe.com https://js.stripe.com https://*.js.stripe.com https://maps.googleapis.com",
  "connect-src 'self' https://api.stripe.com https://maps.googleapis.com",
  "base-uri 'none'",
  "form-action 'none'",
  'frame-src https://connect-js.stripe.com https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com',
  'img-src https://*.stripe.com',
  "style-src 'sha256-0hAheEzaMe6uXIKV4EehS9pu1am1lj/KnnzrOYqckXk='",
].join('; ');

const TRUSTED_TYPES = "require-trusted-types-for 'script'; trusted-types connect-elements";

/** The same with Trusted Types required, and the kit's policy the one allowed (the app's own
 * `trusted-types 'none'` gets it from the helper). */
const TRUSTED_TYPES_POLICY = STRIPE_POLICY.replace(
  "form-action 'none'",
  `form-action 'none'; ${TRUSTED_TYPES}`,
);

/** The policies a page can be served with, by the `policy` query parameter. */
const POLICIES: Record<string, string> = {
  strict: stripeContentSecurityPolicy({ policy: PAGE_POLICY }),
  'trusted-types': stripeContentSecurityPolicy({
    policy: `${PAGE_POLICY}; require-trusted-types-for 'script'; trusted-types 'none'`,
  }),
  // Trusted Types required, but the kit's policy is not among the allowed names.
  'trusted-types-without-the-kit': `${STRIPE_POLICY}; require-trusted-types-for 'script'; trusted-types other-policy`,
  // The page itself made a policy named connect-elements first.
  'trusted-types-duplicate': `${STRIPE_POLICY}; ${TRUSTED_TYPES} 'allow-duplicates'`,
};

/** Records violations before anything else runs (an external script: inline ones are refused). */
const WATCH_SCRIPT = `window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push([event.violatedDirective, event.blockedURI, event.sourceFile, event.lineNumber, event.sample].join(' '));
});`;

/** Makes a policy named connect-elements before the kit does, as a page might. */
const CLAIM_SCRIPT = `trustedTypes.createPolicy('connect-elements', { createScriptURL: (url) => url });`;

const EVERY_ELEMENT = `<ce-connect publishable-key="pk_test_csp" endpoint="/api/secret" appearance='{"variables":{"colorPrimary":"#0a2540"}}'>
      ${connectElementTagNames.map((name) => `<ce-${name}></ce-${name}>`).join('\n      ')}
    </ce-connect>
    <ce-payments id="failing" publishable-key="pk_test_csp" endpoint="/api/unavailable"></ce-payments>
    <ce-financial-connections publishable-key="pk_test_csp" endpoint="/api/fc-session" preload></ce-financial-connections>`;

const PAYMENTS_ONLY = `<ce-payments publishable-key="pk_test_csp" endpoint="/api/secret"></ce-payments>
    <ce-financial-connections publishable-key="pk_test_csp" endpoint="/api/fc-session"></ce-financial-connections>`;

const page = (body: string, claim: boolean) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Connect Elements under a strict CSP</title>
    <script src="/watch.js"></script>
    ${claim ? '<script src="/claim-policy.js"></script>' : ''}
    <script type="module" src="/connect-elements.js"></script>
  </head>
  <body>
    ${body}
  </body>
</html>`;

let server: Server;
let origin: string;
let browser: Browser;

before(async () => {
  const bundle = await bundleModule(CDN_ENTRY);
  let issued = 0;
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const policy = POLICIES[url.searchParams.get('policy') ?? 'strict']!;
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, {
        'Content-Type': type,
        'Content-Security-Policy': policy,
        'Cache-Control': 'no-store',
      });
      response.end(body);
    };
    request.resume();
    const { pathname } = url;
    if (pathname === '/') {
      const body = url.searchParams.get('body') === 'payments' ? PAYMENTS_ONLY : EVERY_ELEMENT;
      return send(200, 'text/html; charset=utf-8', page(body, url.searchParams.has('claim')));
    }
    if (pathname === '/watch.js') return send(200, 'text/javascript', WATCH_SCRIPT);
    if (pathname === '/claim-policy.js') return send(200, 'text/javascript', CLAIM_SCRIPT);
    if (pathname === '/connect-elements.js') return send(200, 'text/javascript', bundle);
    const json = (body: unknown) => send(200, 'application/json', JSON.stringify(body));
    if (pathname === '/api/secret') return json({ client_secret: `accs_secret__csp_${++issued}` });
    if (pathname === '/api/fc-session') {
      return json({ client_secret: `fcsess_client_secret_csp${++issued}` });
    }
    return send(503, 'text/plain', 'unavailable');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch(chromiumLaunchOptions());
});

after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

/** Opens `query` of the test page, recording console errors and warnings. */
async function open(query: string) {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // The failing component's 503 is logged by Chromium itself, as it should be.
    if (message.location().url.endsWith('/api/unavailable')) return;
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await routeStripeScripts(page);
  const response = await page.goto(`${origin}/?${query}`);
  const violations = () =>
    page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  return { page, problems, policy: response?.headers()['content-security-policy'], violations };
}

/** Every element of the page works: every component ready, an error panel, a linked account. */
async function expectEveryElementWorks(page: Page) {
  // The Stripe element of every installed component under the provider has a ready session.
  await page.waitForFunction(
    (count) => {
      const stripes = [...document.querySelectorAll('ce-connect > *')].map((element) =>
        element.querySelector(`stripe-connect-${element.localName.slice(3)}`),
      ) as Array<(Element & { connector?: { status: string } }) | null>;
      return (
        stripes.length === count && stripes.every((stripe) => stripe?.connector?.status === 'ready')
      );
    },
    connectElementTagNames.length,
    { timeout: 15_000 },
  );
  // The stand-in placeholders are styled (adopted style sheets, not <style> elements).
  const styled = await page.evaluate(() => {
    const stripe = document.querySelector('stripe-connect-payments')!;
    const card = stripe.shadowRoot!.querySelector('.card')!;
    return getComputedStyle(card).borderStyle;
  });
  assert.equal(styled, 'dashed');

  // A failing component shows its error panel, styled.
  await page.waitForFunction(() => {
    const panel = document.querySelector('#failing')?.shadowRoot?.querySelector('[part="error"]');
    return panel && getComputedStyle(panel).display === 'flex';
  });

  // Financial Connections: the button, the flow's modal, the linked account.
  const outcome = page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const element = document.querySelector('ce-financial-connections')!;
        element.addEventListener('ce-financial-connections-success', () => resolve('success'));
        element.addEventListener('ce-error', () => resolve('error'));
      }),
  );
  await page.locator('ce-financial-connections [part="button"]').click();
  await page.getByRole('button', { name: 'Link account' }).click();
  assert.equal(await outcome, 'success');
}

describe('a page with a strict Content-Security-Policy', () => {
  it('is served with exactly the directives Stripe documents, plus the page’s own', () => {
    assert.equal(POLICIES.strict, STRIPE_POLICY);
    assert.equal(POLICIES['trusted-types'], TRUSTED_TYPES_POLICY);
  });

  it('runs every element with no violation', async () => {
    const { page, problems, policy, violations } = await open('policy=strict');
    assert.equal(policy, STRIPE_POLICY);
    await expectEveryElementWorks(page);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it(`runs every element under "${TRUSTED_TYPES}"`, async () => {
    const { page, problems, policy, violations } = await open('policy=trusted-types');
    assert.equal(policy, TRUSTED_TYPES_POLICY);
    await expectEveryElementWorks(page);
    // Both of Stripe's scripts came through the kit's tags, with TrustedScriptURLs.
    const sources = await page.evaluate(() =>
      [...document.scripts].map((script) => script.src).filter((src) => src.includes('stripe.com')),
    );
    assert.deepEqual(sources.sort(), [
      'https://connect-js.stripe.com/v1.0/connect.js',
      'https://js.stripe.com/endive/stripe.js',
    ]);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('works next to a page’s own connect-elements policy when duplicates are allowed', async () => {
    const { page, problems, violations } = await open(
      'policy=trusted-types-duplicate&claim&body=payments',
    );
    await page.waitForFunction(
      () =>
        (document.querySelector('stripe-connect-payments') as { connector?: { status: string } })
          ?.connector?.status === 'ready',
    );
    assert.deepEqual(await violations(), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('reports a script_load_error that names the policy when trusted-types leaves it out', async () => {
    const { page, problems } = await open('policy=trusted-types-without-the-kit&body=payments');
    await page.waitForFunction(() =>
      document.querySelector('ce-payments')?.shadowRoot?.querySelector('[part="error"]'),
    );
    const message = await page.evaluate(
      () =>
        document.querySelector('ce-payments')!.shadowRoot!.querySelector('.message')!.textContent,
    );
    assert.match(
      message ?? '',
      /^Connect\.js could not be loaded: .*add connect-elements to its trusted-types directive\.$/,
    );
    // The browser reports the refused policy and assignment itself; the kit logs nothing.
    for (const line of problems) assert.match(line, /trusted.?type|TrustedScriptURL/i);
    await page.close();
  });
});
