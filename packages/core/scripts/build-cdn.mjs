/**
 * The CDN bundle: `dist/cdn/connect-elements.js` (and `.min.js`, with source maps), one
 * self-contained ES module that registers every element, for `<script type="module" src="…">` on
 * any page. Stripe's loaders are taken in their ES module builds, which bundle smaller than the
 * CommonJS entries the package imports. Including the bundle twice (or two copies) is safe: the
 * second copy's `defineElement` skips tags already defined.
 */
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const { version } = require('../package.json');

const options = {
  entryPoints: [join(packageRoot, 'src/define.ts')],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  sourcemap: true,
  tsconfig: join(packageRoot, 'tsconfig.build.json'),
  banner: {
    js: `/* Connect Elements ${version} — https://www.npmjs.com/package/@connect-elements/core */`,
  },
  logLevel: 'warning',
};

const started = performance.now();
await Promise.all([
  build({ ...options, outfile: join(packageRoot, 'dist/cdn/connect-elements.js') }),
  build({
    ...options,
    minify: true,
    outfile: join(packageRoot, 'dist/cdn/connect-elements.min.js'),
  }),
]);
console.log(`CDN bundle built in ${Math.round(performance.now() - started)} ms`);
