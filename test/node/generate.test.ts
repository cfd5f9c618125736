/**
 * What `npm run generate` writes for a component: a component Stripe adds later gets its class,
 * define module, registration in define.ts and export from the package root with no hand edit.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  coreFiles,
  GENERATED_HEADER,
  indexWithComponents,
} from '../../packages/core/scripts/generate-core.mjs';

const index = readFileSync(new URL('../../packages/core/src/index.ts', import.meta.url), 'utf8');

test('a new component gets its class, define module, define.ts import and export', () => {
  const files = coreFiles(['payments', 'widget-list'], index);
  const element = files.get('src/components/ce-widget-list.ts')!;
  assert.ok(element.startsWith(GENERATED_HEADER));
  assert.match(
    element,
    /export class CeWidgetList extends connectComponentElement\('widget-list'\) \{\}/,
  );
  assert.match(element, /@tag ce-widget-list/);
  assert.match(element, /@summary Stripe's `widget-list` embedded component\./);
  const define = files.get('src/define/ce-widget-list.ts')!;
  assert.match(define, /import \{ CeWidgetList \} from '\.\.\/components\/ce-widget-list\.js';/);
  assert.match(define, /defineElement\('ce-widget-list', CeWidgetList\);/);
  assert.match(define, /'ce-widget-list': CeWidgetList;/);
  assert.deepEqual(
    files
      .get('src/define.ts')!
      .split('\n')
      .filter((line) => line.startsWith('import')),
    [
      "import './define/ce-connect.js';",
      "import './define/ce-payments.js';",
      "import './define/ce-widget-list.js';",
      "import './define/ce-financial-connections.js';",
    ],
  );
  const exports = files.get('src/index.ts')!;
  assert.match(exports, /export \{ CeWidgetList \} from '\.\/components\/ce-widget-list\.js';/);
  // The hand-written parts of the index stay as they are.
  assert.ok(exports.includes("export { CeConnect } from './ce-connect.js';"));
  assert.equal(
    indexWithComponents(exports, ['payments']),
    indexWithComponents(index, ['payments']),
  );
});

test('refuses an index without its markers', () => {
  assert.throws(() => indexWithComponents('export {};\n', ['payments']), /lacks the markers/);
});
