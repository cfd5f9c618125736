/**
 * `npm run generate`: every file that follows from the component table of the installed
 * `@stripe/connect-js`, written in one pass —
 *
 * - `packages/core/src/components/ce-*.ts` (the element classes), `src/define/ce-*.ts`,
 *   `src/define.ts` and the component exports of `src/index.ts` (`generate-core.mjs`);
 * - `packages/core/custom-elements.json` and the editor data made from it
 *   (`vscode.html-custom-data.json`, `web-types.json`), analysed in memory (`manifest.mjs`);
 * - the React wrappers (`packages/react/src/components.ts`) and the Vue element list and types
 *   (`packages/vue/src/elements.ts`), from that manifest;
 * - the component table of the elements guide (`docs/elements.md`).
 *
 * A generated file of a component that no longer exists is removed. With `--check` nothing is
 * written: the command names every file that is out of date and exits 1 (`npm run lint` runs
 * it). The manifest and the editor data are build outputs, not committed: `npm run build`
 * writes them, so `--check` leaves them out (a copy left by an earlier build is not stale code).
 */
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { loadComponentTable } from '../packages/core/scripts/component-table-plugin.mjs';
import { coreFiles, GENERATED_HEADER } from '../packages/core/scripts/generate-core.mjs';
import { vsCodeData, webTypes } from '../packages/core/scripts/ide-data.mjs';
import { analyzeManifest } from '../packages/core/scripts/manifest.mjs';
import { reactComponentsModule } from '../packages/react/scripts/generate-components.mjs';
import { vueElementsModule } from '../packages/vue/scripts/generate-elements.mjs';
import { withComponentTable } from './component-table-doc.mjs';

/** The guide with the component table. */
const COMPONENT_TABLE_DOC = 'docs/elements.md';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const CORE = 'packages/core/';
const GENERATED_DIRS = ['src/components', 'src/define'];

const read = (path) => readFileSync(`${repoRoot}${path}`, 'utf8');

async function formatted(path, text, parser) {
  const options = await prettier.resolveConfig(`${repoRoot}${path}`);
  return prettier.format(text, { ...options, filepath: `${repoRoot}${path}`, parser });
}

/** Generated files of the core's folders that nothing generates any more (paths from the package). */
function staleCoreFiles(generated) {
  return GENERATED_DIRS.flatMap((dir) =>
    readdirSync(`${repoRoot}${CORE}${dir}`)
      .map((file) => `${dir}/${file}`)
      .filter(
        (path) => !generated.has(path) && read(`${CORE}${path}`).startsWith(GENERATED_HEADER),
      ),
  );
}

/**
 * Every generated file, by path from the repository root, with whether it is a build output
 * (not committed), and the generated files to remove.
 */
export async function generatedFiles() {
  const table = await loadComponentTable(`${repoRoot}${CORE}`);
  const core = coreFiles(table.componentNames, read(`${CORE}src/index.ts`));
  for (const [path, text] of core) core.set(path, await formatted(`${CORE}${path}`, text));
  const stale = staleCoreFiles(core);
  const manifest = await analyzeManifest({
    packageRoot: `${repoRoot}${CORE}`,
    tsconfig: `${repoRoot}tsconfig.json`,
    generated: core,
    dropped: stale,
  });
  const packageJson = JSON.parse(read(`${CORE}package.json`));

  const files = new Map();
  const add = async (path, text, { buildOutput = false, parser } = {}) =>
    files.set(path, {
      text: path.endsWith('.json') ? text : await formatted(path, text, parser),
      buildOutput,
    });
  for (const [path, text] of core) files.set(`${CORE}${path}`, { text, buildOutput: false });
  const json = (data) => `${JSON.stringify(data, null, 2)}\n`;
  await add(`${CORE}custom-elements.json`, json(manifest), { buildOutput: true });
  await add(`${CORE}vscode.html-custom-data.json`, json(vsCodeData(manifest)), {
    buildOutput: true,
  });
  await add(`${CORE}web-types.json`, json(webTypes(manifest, packageJson)), { buildOutput: true });
  await add('packages/react/src/components.ts', reactComponentsModule(manifest));
  await add('packages/vue/src/elements.ts', vueElementsModule(manifest));
  await add(COMPONENT_TABLE_DOC, withComponentTable(read(COMPONENT_TABLE_DOC), table), {
    parser: 'markdown',
  });
  return { files, stale: stale.map((path) => `${CORE}${path}`) };
}

/**
 * The paths `generated` would change: files that differ or are missing (build outputs only when
 * `buildOutputs`), and stale ones.
 */
export function outOfDate({ files, stale }, { buildOutputs = false } = {}) {
  const changed = [...files].filter(([path, { text, buildOutput }]) => {
    if (buildOutput && !buildOutputs) return false;
    return !existsSync(`${repoRoot}${path}`) || read(path) !== text;
  });
  return [...changed.map(([path]) => path), ...stale];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const generated = await generatedFiles();
  const check = process.argv.includes('--check');
  const paths = outOfDate(generated, { buildOutputs: !check });
  if (check) {
    for (const path of paths) console.error(`${path} is out of date: run \`npm run generate\`.`);
    process.exitCode = paths.length ? 1 : 0;
  } else {
    for (const path of paths) {
      const file = generated.files.get(path);
      if (file) writeFileSync(`${repoRoot}${path}`, file.text);
      else unlinkSync(`${repoRoot}${path}`);
    }
    console.log(
      paths.length
        ? `npm run generate: ${paths.length} file(s) written or removed:\n  ${paths.join('\n  ')}`
        : 'npm run generate: every generated file is up to date.',
    );
  }
}
