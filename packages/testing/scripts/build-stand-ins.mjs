/**
 * The stand-in scripts as the published package ships them: `dist/stand-in/connect-js.js` and
 * `stripe-js.js`, each one classic script (what `standInScript(name)` serves from `dist/`),
 * replacing the modules `tsc` wrote there. In the repository they are bundled from source on
 * demand instead.
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const names = ['connect-js', 'stripe-js'].filter((name) =>
  existsSync(`${packageRoot}src/stand-in/${name}.ts`),
);

await Promise.all(
  names.map((name) =>
    build({
      entryPoints: [`${packageRoot}src/stand-in/${name}.ts`],
      outfile: `${packageRoot}dist/stand-in/${name}.js`,
      bundle: true,
      format: 'iife',
      target: 'es2022',
      legalComments: 'none',
      allowOverwrite: true,
      logLevel: 'warning',
    }),
  ),
);
