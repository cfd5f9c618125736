/** How `npm run test:preview` picks the preview channel of @stripe/connect-js (no dist-tag). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareVersions, newestPreview } from '../../scripts/test-preview.mjs';

test('picks the newest -preview version by semver, whatever the registry order', () => {
  // The registry's list as it was when this was written, newest GA last.
  const versions = ['3.3.39', '3.3.42-preview-1', '3.3.45-preview-1', '3.4.4', '3.4.5-preview.0'];
  assert.equal(newestPreview([...versions, '3.4.5', '3.4.6']), '3.4.5-preview.0');
  assert.equal(newestPreview([...versions].reverse()), '3.4.5-preview.0');
  assert.equal(newestPreview(['3.4.5-preview.0', '3.4.10-preview.0']), '3.4.10-preview.0');
  assert.throws(() => newestPreview(['3.4.6']), /no -preview version/);
});

test('orders prereleases as semver does', () => {
  const sorted = [
    '3.4.5-preview.10',
    '3.4.5',
    '3.4.5-preview.2',
    '3.4.5-preview',
    '3.4.5-preview.beta',
    '3.3.45-preview-1',
  ].sort(compareVersions);
  assert.deepEqual(sorted, [
    '3.3.45-preview-1',
    '3.4.5-preview',
    '3.4.5-preview.2',
    '3.4.5-preview.10',
    '3.4.5-preview.beta',
    '3.4.5',
  ]);
});
