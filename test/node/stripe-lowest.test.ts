/**
 * The server's handlers and the offline Stripe on the lowest `stripe` their peer ranges allow
 * (installed in the workspace as `stripe-lowest`, an npm alias; the newest is the main suite's):
 * the AccountSession, Financial Connections and offline Stripe cases, and the ledger check that no
 * answer or report carries a secret. Every `import 'stripe'` after the hook is registered gets the
 * lowest release. The ranges' two ends are checked against what is installed, so a range that
 * names a release the workspace does not test fails here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import { describe, test } from 'node:test';
import { repoRoot } from './support/node-child.js';

register('./support/stripe-lowest-hook.mjs', import.meta.url);

const packageJson = (path: string) =>
  JSON.parse(readFileSync(`${repoRoot}${path}/package.json`, 'utf8')) as {
    version: string;
    peerDependencies?: Record<string, string>;
  };

const lowest = packageJson('node_modules/stripe-lowest').version;
const newest = packageJson('node_modules/stripe').version;

const { default: Stripe } = await import('stripe');
const { accountSessionHandlerSuite } = await import('./suites/account-session-handler.js');
const { financialConnectionsSuite } = await import('./suites/financial-connections.js');
const { offlineStripeSuite } = await import('./suites/offline-stripe.js');
const { findLeaks, ledger } = await import('./support/leak-ledger.js');

test('stripe-lowest is the lower end of each stripe peer range, stripe the last major in it', () => {
  assert.equal(Stripe.PACKAGE_VERSION, lowest, "import 'stripe' loads stripe-lowest here");
  for (const dir of ['packages/server', 'packages/testing']) {
    const range = packageJson(dir).peerDependencies?.['stripe'] ?? '';
    const [, floor, ceiling] = /^>=(\d+\.\d+\.\d+) <(\d+)$/.exec(range) ?? [];
    assert.ok(floor && ceiling, `${dir}: stripe peer range ${range} is not ">=x.y.z <major"`);
    assert.equal(lowest, floor, `${dir}: install stripe-lowest@npm:stripe@${floor}`);
    assert.equal(Number(newest.split('.')[0]), Number(ceiling) - 1, `${dir}: stripe ${newest}`);
  }
});

describe(`on stripe ${lowest}`, () => {
  accountSessionHandlerSuite();
  financialConnectionsSuite();
  offlineStripeSuite();
});

test(`no answer or onError report on stripe ${lowest} carries a secret`, () => {
  assert.ok(ledger.answers.length >= 30, `only ${ledger.answers.length} answers recorded`);
  assert.deepEqual(findLeaks(), []);
});
