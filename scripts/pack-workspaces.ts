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

export interface WorkspacePackage {
  /** The folder, relative to the repository: `packages/core`. */
  dir: string;
  name: string;
  manifest: Record<string, unknown> & { name: string };
}

export interface PackedPackage extends WorkspacePackage {
  /** The absolute path of the tarball. */
  tarball: string;
  /** The files in it, as `npm pack --json` lists them. */
  files: Array<{ path: string; size: number }>;
}

/** The workspace packages. */
export function workspacePackages(): WorkspacePackage[] {
  return readdirSync(join(repoRoot, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = `packages/${entry.name}`;
      const manifest = JSON.parse(
        readFileSync(join(repoRoot, dir, 'package.json'), 'utf8'),
      ) as WorkspacePackage['manifest'];
      return { dir, name: manifest.name, manifest };
    });
}

/** Packs each package, in parallel: each `prepack` touches only its own folder. */
export async function packWorkspaces(destination: string): Promise<PackedPackage[]> {
  return Promise.all(
    workspacePackages().map(async (pkg) => {
      const { stdout } = await run(
        'npm',
        ['pack', '--json', '--pack-destination', destination, '--loglevel', 'error'],
        { cwd: join(repoRoot, pkg.dir), maxBuffer: 16 * 1024 * 1024 },
      );
      // Lifecycle scripts print before the JSON.
      const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{
        filename: string;
        files: PackedPackage['files'];
      }>;
      if (!packed) throw new Error(`npm pack wrote no tarball for ${pkg.dir}`);
      return { ...pkg, tarball: join(destination, packed.filename), files: packed.files };
    }),
  );
}
