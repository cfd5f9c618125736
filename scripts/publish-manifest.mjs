/**
 * The package.json a workspace package is published with (`prepack` / `postpack` of each package,
 * so `npm pack`, `npm publish` and `changeset publish` all get it).
 *
 * In the workspace every export has a `source` condition pointing at the TypeScript, so tests,
 * the demo and the type checker run on `src/` with no build; `sideEffects` names those files too.
 * A published package has no use for either (and a consumer whose bundler sets `source` would be
 * sent to TypeScript it cannot compile): `prepack` writes the manifest without them and keeps the
 * workspace's in `.package.workspace.json`, which `postpack` puts back. The repository's LICENSE
 * is copied in for the tarball and removed after (a package folder has no LICENSE of its own).
 *
 *   node ../../scripts/publish-manifest.mjs prepack|postpack
 */
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const MANIFEST = 'package.json';
const KEPT = '.package.workspace.json';
const LICENSE = 'LICENSE';

/** `exports` without any `source` condition, at any depth. */
export function withoutSource(exports) {
  if (typeof exports !== 'object' || exports === null) return exports;
  return Object.fromEntries(
    Object.entries(exports)
      .filter(([key]) => key !== 'source')
      .map(([key, value]) => [key, withoutSource(value)]),
  );
}

/** The manifest as published: no `source` condition, no `src/` file in `sideEffects`. */
export function publishedManifest(manifest) {
  const published = { ...manifest, exports: withoutSource(manifest.exports) };
  if (Array.isArray(manifest.sideEffects)) {
    published.sideEffects = manifest.sideEffects.filter((file) => !file.startsWith('./src/'));
  }
  return published;
}

const step = import.meta.url === pathToFileURL(process.argv[1] ?? '').href ? process.argv[2] : null;
if (step === 'prepack') {
  // A kept manifest means an earlier pack did not finish: it, not the stripped one, is the source.
  if (!existsSync(KEPT)) renameSync(MANIFEST, KEPT);
  const manifest = JSON.parse(readFileSync(KEPT, 'utf8'));
  writeFileSync(MANIFEST, `${JSON.stringify(publishedManifest(manifest), null, 2)}\n`);
  copyFileSync(new URL('../LICENSE', import.meta.url), LICENSE);
} else if (step === 'postpack') {
  if (existsSync(KEPT)) renameSync(KEPT, MANIFEST);
  rmSync(LICENSE, { force: true });
} else if (step !== null) {
  console.error(`publish-manifest: unknown step ${step} (prepack or postpack)`);
  process.exitCode = 1;
}
