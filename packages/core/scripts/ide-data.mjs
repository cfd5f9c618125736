/**
 * Editor data made from the custom-elements manifest (part of `npm run generate`): VS Code's HTML
 * custom data (`html.customData`) and JetBrains' web-types (found through `"web-types"` in
 * package.json).
 */

const publicMembers = (declaration) =>
  (declaration.members ?? []).filter(
    (member) =>
      member.kind === 'field' &&
      !member.static &&
      !member.readonly &&
      !member.privacy &&
      !member.name.startsWith('_'),
  );

/** `'same-origin' | 'include' | undefined` → `['same-origin', 'include']`. */
const literalValues = (typeText = '') => {
  const parts = typeText.split('|').map((part) => part.trim());
  const literals = parts.filter((part) => /^'[^']*'$|^"[^"]*"$/.test(part));
  const rest = parts.filter((part) => !literals.includes(part) && part !== 'undefined');
  return literals.length && !rest.length ? literals.map((part) => part.slice(1, -1)) : [];
};

const isBoolean = (attribute) => /^boolean( \| undefined)?$/.test(attribute.type?.text ?? '');

/** The element's description in Markdown: summary, then its events. */
function elementDescription(declaration) {
  const lines = [declaration.summary ?? declaration.description ?? ''];
  const events = declaration.events ?? [];
  if (events.length) {
    lines.push(
      '',
      '**Events**',
      ...events.map((event) => `- \`${event.name}\` — ${event.description ?? ''}`),
    );
  }
  const slots = declaration.slots ?? [];
  if (slots.length) {
    lines.push(
      '',
      '**Slots**',
      ...slots.map(
        (slot) => `- ${slot.name ? `\`${slot.name}\`` : '(default)'} — ${slot.description ?? ''}`,
      ),
    );
  }
  return lines.join('\n');
}

function customElements(manifest) {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? [])
      .filter((declaration) => declaration.customElement && declaration.tagName)
      .map((declaration) => ({ module, declaration })),
  );
}

/** VS Code's HTML custom data of every element. */
export function vsCodeData(manifest) {
  return {
    $schema:
      'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: customElements(manifest).map(({ declaration }) => ({
      name: declaration.tagName,
      description: { kind: 'markdown', value: elementDescription(declaration) },
      attributes: (declaration.attributes ?? []).map((attribute) => {
        const values = literalValues(attribute.type?.text);
        return {
          name: attribute.name,
          description: attribute.description ?? '',
          ...(isBoolean(attribute) ? { valueSet: 'v' } : {}),
          ...(values.length ? { values: values.map((name) => ({ name })) } : {}),
        };
      }),
      references: [],
    })),
  };
}

/** JetBrains' web-types of every element. */
export function webTypes(manifest, packageJson) {
  return {
    $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
    name: packageJson.name,
    version: packageJson.version,
    'description-markup': 'markdown',
    contributions: {
      html: {
        elements: customElements(manifest).map(({ declaration }) => ({
          name: declaration.tagName,
          description: elementDescription(declaration),
          source: { module: packageJson.name, symbol: declaration.name },
          attributes: (declaration.attributes ?? []).map((attribute) => {
            const values = literalValues(attribute.type?.text);
            return {
              name: attribute.name,
              description: attribute.description ?? '',
              value: isBoolean(attribute)
                ? { kind: 'no-value', type: 'boolean' }
                : { kind: 'plain', type: attribute.type?.text ?? 'string', required: false },
              ...(values.length ? { values: values.map((name) => ({ name })) } : {}),
            };
          }),
          slots: (declaration.slots ?? []).map((slot) => ({
            name: slot.name,
            description: slot.description ?? '',
          })),
          js: {
            properties: publicMembers(declaration).map((member) => ({
              name: member.name,
              description: member.description ?? '',
              type: member.type?.text ?? 'unknown',
            })),
            events: (declaration.events ?? []).map((event) => ({
              name: event.name,
              description: event.description ?? '',
              type: event.type?.text,
            })),
          },
        })),
      },
    },
  };
}
