/**
 * `npm run check:packages` (after `npm run build`): every workspace package, packed as npm would
 * publish it, passes publint and "Are the types wrong?" (ESM-only: no CommonJS entry is offered).
 * The packages are checked in parallel; the output of a failing check is printed.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);
const packages = readdirSync(new URL('../packages/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `packages/${entry.name}`);

const checks = packages.flatMap((dir) => [
  { dir, tool: 'publint', args: ['publint', '--strict', dir] },
  {
    dir,
    tool: 'attw',
    args: ['attw', '--pack', dir, '--profile', 'esm-only', '--format', 'table-flipped'],
  },
]);

const results = await Promise.all(
  checks.map(async (check) => {
    try {
      await run('npx', ['--no-install', ...check.args], { maxBuffer: 16 * 1024 * 1024 });
      return { ...check, ok: true };
    } catch (error) {
      return { ...check, ok: false, output: `${error.stdout ?? ''}${error.stderr ?? ''}` };
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
