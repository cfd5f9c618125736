/**
 * A `@custom-elements-manifest/analyzer` plugin for what the analyzer cannot see in the source:
 *
 * - The component elements are `class CePayments extends connectComponentElement('payments')`:
 *   their attributes, properties and events come from the component table at run time. For every
 *   such class this plugin writes them into the manifest from `componentSpec(name)`, with the
 *   TypeScript types of `ConnectComponentSettings<C>` and `ConnectComponentEventDetails<C>`, and
 *   makes `ConnectComponentElement` the superclass (so its options, `ce-error`, slots and parts
 *   are inherited).
 * - Elements are registered with `defineElement('ce-x', CeX)`, not `customElements.define`: each
 *   such call becomes a `custom-element-definition` export of its define module.
 *
 * A new component in `@stripe/connect-js` (or a new element using the factory or `defineElement`)
 * is picked up with no change here. Descriptions of settings come from the kinds' own table
 * (`settingKindDocs`), those of extras from `settingExtraDocs`.
 */
import { dirname, relative, resolve } from 'node:path';
import typescript from 'typescript';
import { tsImport } from 'tsx/esm/api';

const FACTORY = 'connectComponentElement';
const BASE = { name: 'ConnectComponentElement', module: 'src/connect-component-element.ts' };

/** The component table, loaded from its TypeScript source with tsx. */
export async function loadComponentTable(packageRoot) {
  const load = (file) =>
    tsImport(new URL(file, `file://${packageRoot}/`).href, {
      parentURL: import.meta.url,
      tsconfig: false,
    });
  const [table, kinds] = await Promise.all([
    load('src/component-table.ts'),
    load('src/setting-kinds.ts'),
  ]);
  return { ...table, ...kinds };
}

/**
 * The TypeScript types of every component's settings and event details, read with the type
 * checker from `ConnectComponentSettings<C>` and `ConnectComponentEventDetails<C>`.
 */
function readComponentTypes(packageRoot, tsconfigPath, componentNames) {
  const config = typescript.getParsedCommandLineOfConfigFile(
    tsconfigPath,
    {},
    {
      ...typescript.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(typescript.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  const probePath = resolve(packageRoot, 'src/__component-types__.ts');
  const alias = (kind, name) => `${kind}_${name.replace(/-/g, '_')}`;
  const probe = [
    `import type { ConnectComponentSettings, ConnectComponentEventDetails } from './component-table.js';`,
    ...componentNames.flatMap((name) => [
      `export type ${alias('S', name)} = Required<ConnectComponentSettings<'${name}'>>;`,
      `export type ${alias('E', name)} = ConnectComponentEventDetails<'${name}'>;`,
    ]),
  ].join('\n');
  const host = typescript.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => (file === probePath ? probe : readFile(file));
  host.fileExists = (
    (fileExists) => (file) =>
      file === probePath || fileExists(file)
  )(host.fileExists.bind(host));
  host.getSourceFile = (file, languageVersion, ...rest) =>
    file === probePath
      ? typescript.createSourceFile(file, probe, languageVersion, true)
      : getSourceFile(file, languageVersion, ...rest);
  const program = typescript.createProgram({
    rootNames: [probePath],
    options: { ...config.options, noEmit: true },
    host,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(probePath);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  const exported = new Map(
    checker.getExportsOfModule(moduleSymbol).map((symbol) => [symbol.name, symbol]),
  );
  const flags =
    typescript.TypeFormatFlags.NoTruncation |
    typescript.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope |
    typescript.TypeFormatFlags.WriteArrowStyleSignature;
  const propertiesOf = (aliasName) => {
    const type = checker.getDeclaredTypeOfSymbol(exported.get(aliasName));
    return new Map(
      checker
        .getPropertiesOfType(type)
        .map((property) => [
          property.name,
          checker.typeToString(checker.getTypeOfSymbolAtLocation(property, source), source, flags),
        ]),
    );
  };
  return new Map(
    componentNames.map((name) => [
      name,
      { settings: propertiesOf(alias('S', name)), events: propertiesOf(alias('E', name)) },
    ]),
  );
}

const settingDescription = ({ setter, kind }, settingKindDocs) =>
  `Passed to Stripe's \`${setter}\`; changing it calls the setter again.${settingKindDocs[kind].manifest}`;

const eventDescription = ({ setter }) =>
  `Stripe called the \`${setter}\` listener; \`detail\` is what it passed (or \`null\`).`;

/** The component name of `class X extends connectComponentElement('<name>')`, if it is one. */
function factoryComponentName(ts, node) {
  const heritage = node.heritageClauses?.find(
    (clause) => clause.token === ts.SyntaxKind.ExtendsKeyword,
  );
  const expression = heritage?.types[0]?.expression;
  if (!expression || !ts.isCallExpression(expression)) return undefined;
  if (!ts.isIdentifier(expression.expression) || expression.expression.text !== FACTORY) {
    return undefined;
  }
  const [argument] = expression.arguments;
  return argument && ts.isStringLiteralLike(argument) ? argument.text : undefined;
}

/**
 * @param {{ packageRoot: string, tsconfig: string }} options `packageRoot` is the folder of
 * `src/component-table.ts`; `tsconfig` gives the compiler options for reading its types.
 */
export async function componentTablePlugin({ packageRoot, tsconfig }) {
  const table = await loadComponentTable(packageRoot);
  const { componentNames, componentSpec } = table;
  const types = readComponentTypes(packageRoot, tsconfig, componentNames);
  /** class name → component name, for the classes of the current module. */
  let factoryClasses = new Map();
  /** define calls of the current module: [tagName, class name, module of the class]. */
  let definitions = [];

  return {
    name: 'connect-elements/component-table',

    analyzePhase({ ts, node, moduleDoc }) {
      if (node.kind === ts.SyntaxKind.SourceFile) {
        factoryClasses = new Map();
        definitions = [];
        return;
      }
      if (node.kind === ts.SyntaxKind.ClassDeclaration && node.name) {
        const component = factoryComponentName(ts, node);
        if (component) factoryClasses.set(node.name.text, component);
      }
      if (
        node.kind === ts.SyntaxKind.CallExpression &&
        node.expression.kind === ts.SyntaxKind.Identifier &&
        node.expression.text === 'defineElement'
      ) {
        const [tag, klass] = node.arguments;
        if (tag && ts.isStringLiteralLike(tag) && klass && ts.isIdentifier(klass)) {
          definitions.push([tag.text, klass.text, importedFrom(ts, node, klass.text, moduleDoc)]);
        }
      }
    },

    moduleLinkPhase({ moduleDoc }) {
      for (const [tagName, className, module] of definitions) {
        moduleDoc.exports = [
          ...(moduleDoc.exports ?? []),
          {
            kind: 'custom-element-definition',
            name: tagName,
            declaration: { name: className, module },
          },
        ];
      }
      for (const declaration of moduleDoc.declarations ?? []) {
        const component = factoryClasses.get(declaration.name);
        if (declaration.kind !== 'class' || !component) continue;
        describeComponent(declaration, componentSpec(component), types.get(component), table);
      }
    },

    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          // `dispatchEvent(new ConnectComponentEvent(listener.event, …))` is seen as an event with
          // no name; the named events are listed above.
          if (declaration.events) {
            declaration.events = declaration.events.filter((event) => event.name);
          }
        }
      }
    },
  };
}

/** The manifest path of the module `className` is imported from in the module being analyzed. */
function importedFrom(ts, node, className, moduleDoc) {
  const source = node.getSourceFile();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const names = statement.importClause?.namedBindings;
    if (!names || !ts.isNamedImports(names)) continue;
    if (!names.elements.some((element) => element.name.text === className)) continue;
    const specifier = statement.moduleSpecifier.text;
    if (!specifier.startsWith('.')) return specifier;
    const target = resolve(dirname(resolve('/', moduleDoc.path)), specifier);
    return relative('/', target).replace(/\.js$/, '.ts');
  }
  return moduleDoc.path;
}

/** Writes a component's attributes, properties and events into its class declaration. */
function describeComponent(declaration, spec, types, { settingKindDocs, settingExtraDocs }) {
  delete declaration.mixins;
  declaration.superclass = { ...BASE };
  const members = [];
  const attributes = [];
  for (const setting of spec.settings) {
    const type = { text: `${types.settings.get(setting.property) ?? 'unknown'} | undefined` };
    const description = settingDescription(setting, settingKindDocs);
    members.push({
      kind: 'field',
      name: setting.property,
      type,
      description,
      ...(setting.attribute ? { attribute: setting.attribute } : {}),
    });
    if (setting.attribute) {
      attributes.push({ name: setting.attribute, type, description, fieldName: setting.property });
    }
  }
  for (const extra of spec.extras) {
    const description = settingExtraDocs[extra.setter];
    const type = { text: 'string | undefined' };
    members.push({
      kind: 'field',
      name: extra.property,
      type,
      description,
      attribute: extra.attribute,
    });
    attributes.push({ name: extra.attribute, type, description, fieldName: extra.property });
  }
  members.push({
    kind: 'field',
    name: 'component',
    static: true,
    readonly: true,
    type: { text: `'${spec.name}'` },
    description: 'The Connect component this element renders.',
    default: `'${spec.name}'`,
  });
  const events = spec.listeners.map((listener) => ({
    name: listener.event,
    type: { text: `ConnectComponentEvent<${types.events.get(listener.event) ?? 'unknown'}>` },
    description: eventDescription(listener),
  }));
  declaration.members = [...(declaration.members ?? []), ...members];
  declaration.attributes = [...(declaration.attributes ?? []), ...attributes];
  declaration.events = [...(declaration.events ?? []), ...events];
}
