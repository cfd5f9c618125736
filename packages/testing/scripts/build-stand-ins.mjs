/**
 * The stand-in scripts as the published package ships them: `dist/stand-in/connect-js.js` and
 * `stripe-js.js`, each one classic script (what `standInScript(name)` serves from `dist/`),
 * replacing the modules `tsc` wrote there (and their maps), bundled as the repository bundles them on demand
 * (`src/stand-in-bundler.ts`, run through tsx).
 */
import { rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundleStandIn } from '../src/stand-in-bundler.ts';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

await Promise.all(
  ['connect-js', 'stripe-js'].map(async (name) => {
    const script = `${packageRoot}dist/stand-in/${name}.js`;
    await writeFile(script, await bundleStandIn(`${packageRoot}src/stand-in/${name}.ts`));
    await rm(`${script}.map`, { force: true }); // the map of the module tsc wrote
  }),
);
