/**
 * `@connect-elements/react` in server rendering: a Next.js-style client page
 * (`fixtures/ssr-page.tsx`) rendered with `renderToString` in a Node process with no DOM. Reading
 * `window` is recorded by a trap; the page must render without it. It runs on both ends of the
 * React peer range: the workspace's React 19 and React 18 (the `test/react-18` workspace).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { repoRoot, runNode } from './support/node-child.js';

interface Rendered {
  html: string;
  windowReads: string[];
  reactVersion: string;
}

const majors = [
  { major: '19', flags: [] },
  { major: '18', flags: ['--import', './test/node/support/react-18.mjs'] },
];

const packageJson = (path: string) =>
  JSON.parse(readFileSync(`${repoRoot}${path}/package.json`, 'utf8')) as {
    version: string;
    peerDependencies: Record<string, string>;
  };

it('the React peer range names exactly the majors the suite runs on', () => {
  const range = packageJson('packages/react').peerDependencies['react'];
  const installed = ['node_modules/react', 'test/react-18/node_modules/react'].map(
    (dir) => `^${packageJson(dir).version.split('.')[0]}.0.0`,
  );
  assert.deepEqual(range?.split(' || ').sort(), installed.sort());
  assert.deepEqual(majors.map(({ major }) => `^${major}.0.0`).sort(), installed.sort());
});

for (const { major, flags } of majors)
  describe(`@connect-elements/react on the server, React ${major}`, () => {
    let rendered: Rendered;

    before(async () => {
      const result = await runNode([...flags, 'test/node/fixtures/ssr-page.tsx'], { source: true });
      assert.equal(result.code, 0, result.stderr);
      rendered = JSON.parse(result.stdout) as Rendered;
    });

    it(`renders with React ${major}`, () => {
      assert.equal(rendered.reactVersion.split('.')[0], major);
    });

    it('renders with renderToString and never reads window', () => {
      assert.deepEqual(rendered.windowReads, []);
      assert.match(rendered.html, /^<main><ce-connect /);
    });

    it('writes string and true props as attributes, so the server’s HTML configures the elements', () => {
      assert.match(
        rendered.html,
        /<ce-connect publishable-key="pk_test_ssr" endpoint="\/api\/account-session" locale="en-US" /,
      );
      assert.match(rendered.html, /<ce-account-onboarding skip-terms-of-service-collection="" /);
      assert.match(
        rendered.html,
        /<ce-financial-connections publishable-key="pk_test_ssr" endpoint="\/api\/fc-session">Link your bank<\/ce-financial-connections>/,
      );
    });

    it('holds the provider and components back with defer-hydration until React has hydrated', () => {
      const tags = [...rendered.html.matchAll(/<(ce-[a-z-]+)([^>]*)>/g)];
      const held = tags.filter(([, , attributes]) => / defer-hydration=""/.test(attributes!));
      assert.deepEqual(
        held.map(([, tag]) => tag),
        ['ce-connect', 'ce-account-onboarding', 'ce-payments'],
      );
    });

    it('gives the provider an id its components name, so a portal’s component finds it', () => {
      const id = /<ce-connect [^>]*id="([^"]+)"/.exec(rendered.html)?.[1];
      assert.ok(id, 'the provider has an id');
      assert.equal(rendered.html.split(`provider="${id}"`).length - 1, 2);
    });

    it('leaves objects, functions and event props to hydration', () => {
      assert.match(rendered.html, /<ce-payments [^>]*><\/ce-payments>/);
      assert.doesNotMatch(
        rendered.html,
        /collection-options|default-filters|onExit|on-exit|\[object/,
      );
    });
  });

describe('two copies of the React wrappers and the core in one server (Next.js server and client components)', () => {
  it('render attribute names, whichever copy renders', async () => {
    const result = await runNode(['test/node/fixtures/two-copies.mjs'], { source: false });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /<ce-connect publishable-key="pk_test_copies" endpoint=/);
    assert.match(result.stdout, /<ce-payment-details payment="pi_1" /);
    assert.doesNotMatch(result.stdout, /publishableKey/);
  });
});
