/**
 * `npm run check:packages` (after `npm run build`): every workspace package, packed as npm
 * publishes it (`prepack` writes the published manifest), passes publint and "Are the types
 * wrong?" (ESM-only: no CommonJS entry is offered). Both read the same tarball, so they check what
 * a user installs; the output of a failing check is printed.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { packWorkspaces } from './pack-workspaces.js';

const run = promisify(execFile);
const destination = mkdtempSync(join(tmpdir(), 'ce-check-packages-'));

try {
  const packed = await packWorkspaces(destination);
  const checks = packed.flatMap(({ dir, tarball }) => [
    { dir, tool: 'publint', args: ['publint', 'run', tarball, '--strict'] },
    {
      dir,
      tool: 'attw',
      args: ['attw', tarball, '--profile', 'esm-only', '--format', 'table-flipped'],
    },
  ]);

  const results = await Promise.all(
    checks.map(async (check) => {
      try {
        await run('npx', ['--no-install', ...check.args], { maxBuffer: 16 * 1024 * 1024 });
        return { ...check, ok: true, output: '' };
      } catch (error) {
        const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
        return { ...check, ok: false, output: `${stdout}${stderr}` };
      }
    }),
  );

  for (const result of results) {
    console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${result.tool} ${result.dir}`);
    if (!result.ok) console.log(result.output);
  }
  const failed = results.filter((result) => !result.ok).length;
  console.log(
    failed
      ? `${failed} of ${results.length} package checks failed`
      : `all ${results.length} package checks passed`,
  );
  process.exitCode = failed ? 1 : 0;
} finally {
  rmSync(destination, { recursive: true, force: true });
}
