/**
 * The React-against-React pages: the same app, `size` Connect components under one provider,
 * built once with `@connect-elements/react` and once with `@stripe/react-connect-js` +
 * `@stripe/connect-js`, on the same React 19. `reactEntry(library, size)` is the module the bench
 * bundles, weighs and serves for each; it imports only the components the page renders, as an app
 * would, so the bundler keeps just those. (Runs in Node, where the bench builds the bundles.)
 */
import { createRequire } from 'node:module';
import type { connectElementTagNames as TagNames } from '@stripe/connect-js';

// Stripe's loader is CommonJS without an exports map: Node reads it through `require`.
const { connectElementTagNames } = createRequire(import.meta.url)('@stripe/connect-js/pure') as {
  connectElementTagNames: typeof TagNames;
};

export type ReactLibrary = 'kit' | 'stripe';

const pascalCase = (name: string) =>
  name.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());

/** The React component names of `size` components (every component once, then round again). */
export const reactComponentNames = (library: ReactLibrary, size: number): string[] =>
  Array.from({ length: size }, (_, index) => {
    const name = pascalCase(connectElementTagNames[index % connectElementTagNames.length]!);
    return library === 'kit' ? name : `Connect${name}`;
  });

/** The session names (`account_onboarding`) of the components of a page of `size`. */
const sessionNames = (size: number): string[] =>
  [...new Set(connectElementTagNames.slice(0, Math.min(size, connectElementTagNames.length)))].map(
    (name) => name.replaceAll('-', '_'),
  );

/** The module of the page of `library` with `size` components. */
export function reactEntry(library: ReactLibrary, size: number): string {
  const names = [...new Set(reactComponentNames(library, size))];
  const from = library === 'kit' ? '@connect-elements/react' : '@stripe/react-connect-js';
  const app =
    library === 'kit' ? './bench/pages/react-kit-app.js' : './bench/pages/react-stripe-app.js';
  return [
    `import { ${names.join(', ')} } from '${from}';`,
    `import { mountApp } from '${app}';`,
    `const components = [${reactComponentNames(library, size).join(', ')}];`,
    `const names = ${JSON.stringify(sessionNames(size))};`,
    'window.benchReact = { mount: (endpoint) => mountApp(components, endpoint, names) };',
  ].join('\n');
}
