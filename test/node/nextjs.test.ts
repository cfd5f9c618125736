/**
 * A real Next.js App Router app (`fixtures/next-app`), built with `next build` (Turbopack) and
 * served with `next start`, as a platform deploys it: a server component renders the React
 * wrappers and also imports the core, a client component renders `<PaymentDetails>` through a
 * portal, and the host endpoint is `@connect-elements/server` on the offline Stripe. Opened in
 * Chromium, also on a CPU 20× slower: no hydration error, one request, one Connect instance.
 */
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { rm } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '../../packages/testing/src/chromium.js';
import { openLifecyclePage } from './support/lifecycle-pages.js';
import { repoRoot } from './support/node-child.js';

const APP = 'test/node/fixtures/next-app';
const NEXT = 'node_modules/next/dist/bin/next';
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '' };

let server: ChildProcess | undefined;
let origin: string;
let browser: Browser;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

before(async () => {
  await rm(`${repoRoot}/${APP}/.next`, { recursive: true, force: true });
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, [NEXT, 'build', APP], { cwd: repoRoot, env }, (error, stdout) =>
      error ? reject(new Error(`next build failed:\n${stdout}\n${error.message}`)) : resolve(),
    ),
  );
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [NEXT, 'start', APP, '-p', String(port), '-H', '127.0.0.1'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready in/.test(output)) resolve();
    };
    server!.stdout!.on('data', onData);
    server!.stderr!.on('data', onData);
    server!.once('exit', (code) => reject(new Error(`next start exited (${code}):\n${output}`)));
  });
  browser = await chromium.launch(chromiumLaunchOptions());
});

after(async () => {
  await browser?.close();
  server?.kill();
  await rm(`${repoRoot}/${APP}/.next`, { recursive: true, force: true });
});

describe('a Next.js 16 App Router production build', () => {
  it('renders attribute names and defer-hydration in the server’s HTML', async () => {
    const html = await (await fetch(origin)).text();
    assert.match(
      html,
      /<ce-connect publishable-key="pk_test_next" endpoint="\/api\/account-session"/,
    );
    assert.match(html, /<ce-payment-details payment="pi_next" defer-hydration="" provider="/);
    assert.doesNotMatch(html, /publishableKey=|stripe-connect-/);
  });

  for (const throttle of [1, 20]) {
    it(`hydrates with one request and one Connect instance${throttle > 1 ? `, CPU ${throttle}× slower` : ''}`, async () => {
      let requests = 0;
      const page = await openLifecyclePage(browser, 'about:blank', { throttle });
      page.page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().endsWith('/api/account-session')) {
          requests += 1;
        }
      });
      await page.page.goto(origin);
      await page.page.waitForFunction(
        () => document.querySelectorAll('ce-payment-details').length === 2,
        undefined,
        { timeout: 30_000 },
      );
      const state = await page.settled();
      assert.deepEqual(
        state.components.map(({ tag, stripeElements, ready }) => [tag, stripeElements, ready]),
        [
          ['ce-payments', 1, true],
          ['ce-payment-details', 1, true],
          ['ce-payment-details', 1, true],
        ],
      );
      const portal = await page.page.evaluate(
        () =>
          document.querySelector('[role="dialog"] ce-payment-details')?.closest('ce-connect') ??
          'outside',
      );
      assert.equal(portal, 'outside', 'the modal’s component is outside <ce-connect> in the DOM');
      assert.equal(requests, 1, 'endpoint requests');
      assert.equal(state.instances, 1, 'Connect instances');
      assert.deepEqual(state.ceErrors, []);
      assert.deepEqual(page.problems, []);
      await page.page.close();
    });
  }
});
