/**
 * What the React and Vue generators share: the elements of the custom-elements manifest, their
 * event names, and writing (or with `--check`, comparing) a generated file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';

const manifestUrl = new URL('../custom-elements.json', import.meta.url);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The superclass of the Connect component elements, whose props come from the component table. */
export const COMPONENT_BASE = 'ConnectComponentElement';

/**
 * Every custom element declared in the manifest, by tag name; throws when one is not exported
 * from the package root (the wrappers import them from there).
 */
export function manifestElements() {
  const manifest = JSON.parse(readFileSync(manifestUrl, 'utf8'));
  const index = manifest.modules.find((module) => module.path === 'src/index.ts');
  const exported = new Set(index.exports.map((entry) => entry.name));
  const elements = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  const missing = elements.filter((declaration) => !exported.has(declaration.name));
  if (missing.length) {
    throw new Error(
      `Not exported from @connect-elements/core: ${missing.map((e) => e.name).join(', ')}`,
    );
  }
  return elements;
}

/** The events an element's listeners can hear: its own, and for the provider, `ce-error`. */
export function eventNames(declaration) {
  const names = (declaration.events ?? []).map((event) => event.name).filter(Boolean);
  // `ce-error` of the components inside bubbles to the provider.
  if (declaration.tagName === 'ce-connect' && !names.length) names.push('ce-error');
  return names;
}

/**
 * Writes `lines` to `outputUrl`, formatted by Prettier; with `--check` on the command line,
 * exits non-zero instead when the file is not what would be written.
 */
export async function writeGenerated(outputUrl, lines) {
  const file = fileURLToPath(outputUrl);
  const options = await prettier.resolveConfig(file);
  const output = await prettier.format(lines.join('\n'), { ...options, filepath: file });
  if (!process.argv.includes('--check')) {
    writeFileSync(file, output);
  } else if (readFileSync(file, 'utf8') !== output) {
    console.error(`${relative(repoRoot, file)} is out of date: run \`npm run build\`.`);
    process.exit(1);
  }
}
