/**
 * `custom-elements.json` of `@connect-elements/core`, made in memory by
 * `@custom-elements-manifest/analyzer` (as `cem analyze --litelement` would) from the sources on
 * disk with the generated ones in their place: part of `npm run generate`, which can so check a
 * change before anything is written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create, ts } from '@custom-elements-manifest/analyzer';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';
import { componentTablePlugin } from './component-table-plugin.mjs';

/** Every `.ts` file under `dir`, as paths from `root`. */
function typeScriptFiles(root, dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(root, path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The manifest of the package at `packageRoot`: its `src/**\/*.ts`, where `generated` (path from
 * the package root → text) replaces or adds files and `dropped` (paths) leaves stale ones out.
 * `tsconfig` gives the compiler options the component types are read with.
 */
export async function analyzeManifest({ packageRoot, tsconfig, generated, dropped = [] }) {
  const paths = new Set(typeScriptFiles(packageRoot, 'src'));
  for (const path of generated.keys()) if (path.startsWith('src/')) paths.add(path);
  for (const path of dropped) paths.delete(path);
  const modules = [...paths]
    .sort()
    .map((path) =>
      ts.createSourceFile(
        path,
        generated.get(path) ?? readFileSync(join(packageRoot, path), 'utf8'),
        ts.ScriptTarget.ES2015,
        true,
      ),
    );
  const plugins = [...litPlugin(), await componentTablePlugin({ packageRoot, tsconfig })];
  return create({ modules, plugins, context: { dev: false } });
}
