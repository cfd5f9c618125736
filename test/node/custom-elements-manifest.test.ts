/**
 * The custom-elements manifest of `@connect-elements/core` (written by `npm run build`, or `npm
 * run analyze`) describes every component element with the attributes, properties and events of
 * the component table, and the editor data made from it lists every element.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { componentNames, componentSpec } from '../../packages/core/src/component-table.js';

const core = new URL('../../packages/core/', import.meta.url);
const built = existsSync(new URL('custom-elements.json', core));
const read = (file: string) => JSON.parse(readFileSync(new URL(file, core), 'utf8')) as unknown;

interface Declaration {
  name: string;
  tagName?: string;
  superclass?: { name: string };
  attributes?: { name: string; fieldName?: string; type?: { text: string } }[];
  members?: { name: string; kind: string; type?: { text: string } }[];
  events?: { name: string; type?: { text: string } }[];
}
interface Manifest {
  modules: {
    path: string;
    declarations?: Declaration[];
    exports?: { kind: string; name: string; declaration: { name: string } }[];
  }[];
}

describe(
  'custom-elements.json',
  { skip: built ? false : 'not built: run npm run generate' },
  () => {
    const manifest = (built ? read('custom-elements.json') : { modules: [] }) as Manifest;
    const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
    const byTag = new Map(declarations.filter((d) => d.tagName).map((d) => [d.tagName!, d]));

    for (const name of componentNames) {
      const spec = componentSpec(name);
      it(`describes <${spec.tagName}> from the component table`, () => {
        const element = byTag.get(spec.tagName);
        assert.ok(element, `no declaration with tagName ${spec.tagName}`);
        assert.equal(element.superclass?.name, 'ConnectComponentElement');
        const attributes = new Set(element.attributes?.map((a) => a.name));
        for (const setting of spec.settings) {
          if (setting.attribute) assert.ok(attributes.has(setting.attribute), setting.attribute);
          const member = element.members?.find((m) => m.name === setting.property);
          assert.ok(member?.type?.text && !member.type.text.includes('unknown'), setting.property);
        }
        assert.ok(attributes.has('publishable-key'), 'inherits the Connect options');
        for (const extra of spec.extras) {
          assert.ok(attributes.has(extra.attribute), extra.attribute);
          assert.ok(
            element.members?.some((m) => m.name === extra.property),
            extra.property,
          );
        }
        // An extra is the component's own: no other element declares it.
        assert.equal(
          attributes.has('ephemeral-key-endpoint'),
          spec.extras.some((extra) => extra.attribute === 'ephemeral-key-endpoint'),
        );
        const events = new Map(element.events?.map((event) => [event.name, event.type?.text]));
        for (const { event } of spec.listeners) {
          assert.match(events.get(event) ?? '', /^ConnectComponentEvent<(?!unknown>)/, event);
        }
        assert.ok(events.has('ce-error'), 'inherits ce-error');
        const definition = manifest.modules
          .find((module) => module.path === `src/define/${spec.tagName}.ts`)
          ?.exports?.find((entry) => entry.kind === 'custom-element-definition');
        assert.equal(definition?.name, spec.tagName);
        assert.equal(definition?.declaration.name, element.name);
      });
    }

    it('lists every element in the VS Code and JetBrains data', () => {
      const tags = [...byTag.keys()].sort();
      const vscode = read('vscode.html-custom-data.json') as { tags: { name: string }[] };
      const webTypes = read('web-types.json') as {
        contributions: { html: { elements: { name: string }[] } };
      };
      assert.deepEqual(vscode.tags.map((tag) => tag.name).sort(), tags);
      assert.deepEqual(webTypes.contributions.html.elements.map((e) => e.name).sort(), tags);
      assert.ok(tags.includes('ce-connect'));
    });
  },
);
