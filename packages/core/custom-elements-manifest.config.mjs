/**
 * `custom-elements.json` from the elements' JSDoc (`npm run analyze -w @connect-elements/core`,
 * which runs `cem analyze --litelement` with this file), plus the editor data made from it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { componentTablePlugin } from './scripts/component-table-plugin.mjs';
import { ideDataPlugin } from './scripts/ide-data-plugin.mjs';

const packageRoot = fileURLToPath(new URL('.', import.meta.url));
const packageJson = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'));

export default {
  globs: ['src/**/*.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    await componentTablePlugin({
      packageRoot,
      tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)),
    }),
    ideDataPlugin({ outdir: packageRoot, packageJson }),
  ],
};
