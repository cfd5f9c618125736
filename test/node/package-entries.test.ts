/**
 * Every entry point of every package imports in plain Node, with no DOM: from the TypeScript
 * sources (the `source` condition), and from the built `dist/` as published (after `npm run
 * build`; skipped when a package has not been built).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { repoRoot, runNode } from './support/node-child.js';

interface PackageJson {
  name: string;
  exports: Record<string, string | { source?: string; import?: string }>;
}

const packageDirs = readdirSync(`${repoRoot}packages`).filter((dir) =>
  existsSync(`${repoRoot}packages/${dir}/package.json`),
);

/** The import specifiers of a package's JavaScript entries, wildcards expanded from `src/`. */
function entrySpecifiers(dir: string): string[] {
  const pkg = JSON.parse(
    readFileSync(`${repoRoot}packages/${dir}/package.json`, 'utf8'),
  ) as PackageJson;
  return Object.entries(pkg.exports).flatMap(([subpath, target]) => {
    if (typeof target === 'string' || !target.source) return [];
    const specifier = `${pkg.name}${subpath.slice(1)}`;
    if (!subpath.includes('*')) return [specifier];
    const [sourceDir, sourceSuffix] = target.source.split('*') as [string, string];
    return readdirSync(`${repoRoot}packages/${dir}/${sourceDir}`)
      .filter((file) => file.endsWith(sourceSuffix))
      .map((file) => specifier.replace('*', file.slice(0, -sourceSuffix.length)));
  });
}

/** A module importing each specifier; prints `{specifier: error | null}` and whether `window` appeared. */
const importer = (specifiers: string[]) => `
const results = {};
for (const specifier of ${JSON.stringify(specifiers)}) {
  try {
    await import(specifier);
    results[specifier] = null;
  } catch (error) {
    results[specifier] = String(error?.stack ?? error);
  }
}
process.stdout.write(JSON.stringify({ results, window: typeof window }));
`;

async function importAll(specifiers: string[], source: boolean) {
  const result = await runNode(['--input-type=module', '-e', importer(specifiers)], { source });
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as { results: Record<string, string | null>; window: string };
}

const built = (dir: string) => existsSync(`${repoRoot}packages/${dir}/dist`);

describe('package entries in Node', () => {
  for (const dir of packageDirs) {
    const specifiers = entrySpecifiers(dir);

    it(`${dir}: every entry imports from source`, async () => {
      const { results, window } = await importAll(specifiers, true);
      assert.deepEqual(results, Object.fromEntries(specifiers.map((s) => [s, null])));
      assert.equal(window, 'undefined');
    });

    it(
      `${dir}: every entry imports from dist`,
      { skip: built(dir) ? false : 'not built: run npm run build' },
      async () => {
        const { results, window } = await importAll(specifiers, false);
        assert.deepEqual(results, Object.fromEntries(specifiers.map((s) => [s, null])));
        assert.equal(window, 'undefined');
      },
    );
  }
});
