/**
 * Packs every workspace package under packages/ as `npm publish` would (its `prepack` writes the
 * published manifest), into `destination`: the tarballs `check:packages` and the tarball smoke
 * test examine.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The workspace packages: `{ dir, name, manifest }`, `dir` relative to the repository. */
export function workspacePackages() {
  return readdirSync(join(repoRoot, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = `packages/${entry.name}`;
      const manifest = JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8'));
      return { dir, name: manifest.name, manifest };
    });
}

/**
 * Packs each package (in parallel: each `prepack` touches only its own folder) and returns
 * `{ dir, name, manifest, tarball, files }`, `files` as `npm pack --json` lists them.
 */
export async function packWorkspaces(destination) {
  return Promise.all(
    workspacePackages().map(async (pkg) => {
      const { stdout } = await run(
        'npm',
        ['pack', '--json', '--pack-destination', destination, '--loglevel', 'error'],
        { cwd: join(repoRoot, pkg.dir), maxBuffer: 16 * 1024 * 1024 },
      );
      // Lifecycle scripts print before the JSON.
      const [packed] = JSON.parse(stdout.slice(stdout.indexOf('[')));
      return { ...pkg, tarball: join(destination, packed.filename), files: packed.files };
    }),
  );
}
