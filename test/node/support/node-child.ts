/**
 * Runs code in a fresh Node process, the way a user's server would load the packages: with the
 * `source` condition and tsx for the repository's TypeScript sources (`source: true`), or plain
 * Node on the built `dist/` files.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runNode(
  args: readonly string[],
  { source }: { source: boolean },
): Promise<ChildResult> {
  const flags = source ? ['--conditions=source', '--import', 'tsx'] : [];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...flags, ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, NODE_OPTIONS: '' },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error.code as number | undefined) ?? 1) : 0, stdout, stderr }),
    );
  });
}
