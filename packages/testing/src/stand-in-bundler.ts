/**
 * Bundles a stand-in from its TypeScript source into one classic script, for `standInScript()`
 * running from src/ in the repository (published packages ship the scripts prebuilt, and not
 * this module: see tsconfig.build.json).
 */
import { build } from 'esbuild';

export async function bundleStandIn(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    legalComments: 'none',
  });
  return result.outputFiles[0]!.text;
}
