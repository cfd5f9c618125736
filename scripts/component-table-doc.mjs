/**
 * The component table of the elements guide (`docs/elements.md`), between the markers `<!-- component-table -->` and
 * `<!-- /component-table -->`: one row per component of the installed `@stripe/connect-js`, with
 * its attributes (or `.properties`) and events. Part of `npm run generate`.
 */
const START = '<!-- component-table -->';
const END = '<!-- /component-table -->';

/** The markdown table for `table` (the component table and the kinds' docs). */
export function componentTableMarkdown({ componentNames, componentSpec, settingKindDocs }) {
  const rows = componentNames.map((name) => {
    const spec = componentSpec(name);
    const settings = spec.settings.map(({ property, attribute, kind }) =>
      attribute ? `\`${attribute}\`${settingKindDocs[kind].readme}` : `\`.${property}\``,
    );
    for (const extra of spec.extras) settings.push(`\`${extra.attribute}\``);
    const events = spec.listeners.map(({ event }) => `\`${event}\``);
    return `| \`<${spec.tagName}>\` | ${settings.join(', ') || '—'} | ${events.join(', ')} |`;
  });
  return [
    '| element | settings (attribute, or `.property`) | events |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** `doc` (a guide's text) with its component table replaced by `table`'s (not yet formatted). */
export function withComponentTable(doc, table) {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`The guide lacks the ${START} … ${END} markers`);
  return `${doc.slice(0, start + START.length)}\n${componentTableMarkdown(table)}\n${doc.slice(end)}`;
}
