import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readmeWithTable } from '../../scripts/component-table-docs.js';

test('the README component table matches the installed @stripe/connect-js', async () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  assert.equal(await readmeWithTable(readme), readme, 'run `npm run docs` to update README.md');
});
