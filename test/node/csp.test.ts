/**
 * Connect Elements under a strict Content-Security-Policy: scripts only from the page's origin and
 * Stripe's, no inline script or style, no eval. The CDN-style bundle (every element, one ES
 * module) is served from a local origin with that policy; all 21 Connect components mount, a
 * failing component shows its error panel, and `<ce-financial-connections>` links an account,
 * with no `securitypolicyviolation` and no console error.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { routeStripeScripts } from '../../packages/testing/src/stand-in-scripts.js';
import { CDN_ENTRY, bundleModule } from '../../bench/bundles.js';
import { chromiumLaunchOptions } from '../../packages/testing/src/chromium.js';

// The components of the installed @stripe/connect-js (its CommonJS build: this runs in Node).
const { connectElementTagNames } = createRequire(import.meta.url)(
  '@stripe/connect-js/dist/pure.js',
) as { connectElementTagNames: readonly string[] };

const POLICY = [
  "default-src 'none'",
  "script-src 'self' https://connect-js.stripe.com https://js.stripe.com",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  'frame-src https://connect-js.stripe.com https://js.stripe.com',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Records violations before anything else runs (an external script: inline ones are refused). */
const WATCH_SCRIPT = `window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push([event.violatedDirective, event.blockedURI, event.sourceFile, event.lineNumber, event.sample].join(' '));
});`;

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Connect Elements under a strict CSP</title>
    <link rel="icon" href="data:," />
    <script src="/watch.js"></script>
    <script type="module" src="/connect-elements.js"></script>
  </head>
  <body>
    <ce-connect publishable-key="pk_test_csp" endpoint="/api/secret" appearance='{"variables":{"colorPrimary":"#0a2540"}}'>
      ${connectElementTagNames.map((name) => `<ce-${name}></ce-${name}>`).join('\n      ')}
    </ce-connect>
    <ce-payments id="failing" publishable-key="pk_test_csp" endpoint="/api/unavailable"></ce-payments>
    <ce-financial-connections publishable-key="pk_test_csp" endpoint="/api/fc-session" preload></ce-financial-connections>
  </body>
</html>`;

let server: Server;
let origin: string;
let browser: Browser;

before(async () => {
  const bundle = await bundleModule(CDN_ENTRY);
  let issued = 0;
  server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, {
        'Content-Type': type,
        'Content-Security-Policy': POLICY,
        'Cache-Control': 'no-store',
      });
      response.end(body);
    };
    request.resume();
    if (pathname === '/') return send(200, 'text/html; charset=utf-8', PAGE);
    if (pathname === '/watch.js') return send(200, 'text/javascript', WATCH_SCRIPT);
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

describe('a page with a strict Content-Security-Policy', () => {
  it('runs every element with no violation', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      // The failing component's 503 is logged by Chromium itself, as it should be.
      if (message.location().url.endsWith('/api/unavailable')) return;
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await routeStripeScripts(page);
    const response = await page.goto(origin);
    assert.equal(response?.headers()['content-security-policy'], POLICY);

    // The 21 Stripe elements under the provider have a ready session.
    await page.waitForFunction(
      (count) => {
        const stripes = [...document.querySelectorAll('ce-connect > *')].map((element) =>
          element.querySelector(`stripe-connect-${element.localName.slice(3)}`),
        ) as Array<(Element & { connector?: { status: string } }) | null>;
        return (
          stripes.length === count &&
          stripes.every((stripe) => stripe?.connector?.status === 'ready')
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

    const violations = await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    );
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
