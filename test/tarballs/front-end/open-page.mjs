// `node open-page.mjs <url>` in the front-end project (no `stripe` installed): opens the page in
// Chromium with Stripe's CDN answered by the stand-ins, through the testing package's Playwright
// helpers, and prints what mounted.
import { chromiumLaunchOptions, routeStripeScripts } from '@connect-elements/testing/playwright';
import { chromium } from 'playwright-core';

const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  const routes = await routeStripeScripts(page);
  await page.goto(process.argv[2]);
  // The stand-in's element reports `ready` once it accepted a client secret the offline Stripe
  // issued through the server package.
  const ready = (host) =>
    page.waitForFunction(
      (tag) => document.querySelector(tag)?.firstElementChild?.connector?.status === 'ready',
      host,
      { timeout: 20000 },
    );
  await Promise.all([ready('ce-balances'), ready('ce-payments')]);
  const mounted = await page.evaluate(() =>
    ['ce-balances', 'ce-payments'].map(
      (tag) => document.querySelector(tag).firstElementChild.localName,
    ),
  );
  // A React prop the wrapper handed to the Stripe element.
  const filters = await page.evaluate(
    () => document.querySelector('ce-payments').firstElementChild.settings.setDefaultFilters,
  );
  process.stdout.write(JSON.stringify({ mounted, filters, requests: routes.requests, problems }));
} finally {
  await browser.close();
}
