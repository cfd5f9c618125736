/**
 * Writes the README's component table from the one component table, between the markers
 * `<!-- component-table -->` and `<!-- /component-table -->`. `--check` fails when the README is
 * out of date (run by the node tests).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { componentNames, componentSpec } from '../packages/core/src/component-table.js';

const README = new URL('../README.md', import.meta.url);
const START = '<!-- component-table -->';
const END = '<!-- /component-table -->';

/** The markdown table: element, attributes/properties, events. */
export function componentTableMarkdown(): string {
  const rows = componentNames.map((name) => {
    const spec = componentSpec(name);
    const settings = spec.settings.map(({ property, attribute, kind }) =>
      attribute
        ? `\`${attribute}\`${kind === 'json' ? ' (JSON)' : kind === 'list' ? ' (list)' : ''}`
        : `\`.${property}\``,
    );
    if (spec.usesEphemeralKey) settings.push('`ephemeral-key-endpoint`');
    const events = spec.listeners.map(({ event }) => `\`${event}\``);
    return `| \`<${spec.tagName}>\` | ${settings.join(', ') || '—'} | ${events.join(', ')} |`;
  });
  return [
    '| element | settings (attribute, or `.property`) | events |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The README with its component table replaced by the current one, formatted by Prettier. */
export async function readmeWithTable(readme: string): Promise<string> {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} … ${END} markers`);
  const updated = `${readme.slice(0, start + START.length)}\n${componentTableMarkdown()}\n${readme.slice(end)}`;
  const options = await resolveConfig(README);
  return format(updated, { ...options, parser: 'markdown' });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readme = readFileSync(README, 'utf8');
  const updated = await readmeWithTable(readme);
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error('README.md component table is out of date: run npm run docs');
      process.exit(1);
    }
  } else {
    writeFileSync(README, updated);
  }
}
