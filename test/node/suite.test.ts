/**
 * The Node test suite, in one process so that one ledger sees every answer and every `onError`
 * report of every test — the last test checks that none of them carries a secret.
 * Add new suites here (files named `*.test.ts` run in processes of their own).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accountSessionHandlerSuite } from './suites/account-session-handler.js';
import { accountSessionRolesSuite } from './suites/account-session-roles.js';
import { financialConnectionsSuite } from './suites/financial-connections.js';
import { hardeningSuite } from './suites/hardening.js';
import { nodeAdapterSuite } from './suites/node-adapter.js';
import { offlineStripeSuite } from './suites/offline-stripe.js';
import { secretScrubbingSuite } from './suites/secret-scrubbing.js';
import { findLeaks, ledger } from './support/leak-ledger.js';

accountSessionHandlerSuite();
accountSessionRolesSuite();
financialConnectionsSuite();
hardeningSuite();
nodeAdapterSuite();
offlineStripeSuite();
secretScrubbingSuite();

test('no answer or onError report carries the secret key or an issued client secret (outside 200 client_secret)', () => {
  assert.ok(ledger.answers.length >= 50, `only ${ledger.answers.length} answers recorded`);
  assert.ok(ledger.reports.length >= 10, `only ${ledger.reports.length} reports recorded`);
  assert.ok(ledger.secrets.size >= 10, `only ${ledger.secrets.size} secrets recorded`);
  assert.deepEqual(findLeaks(), []);
});
