/**
 * A module-resolution hook that answers `react`, `react-dom` and their subpaths with React 18, the
 * lowest major the React wrappers support, installed in the `test/react-18` workspace beside the
 * root's React 19. Registered by `react-18.mjs` (`node --import ./react-18.mjs`).
 */
const react18 = new URL('../../react-18/package.json', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  const isReact = /^react(-dom)?(\/|$)/.test(specifier);
  return nextResolve(specifier, isReact ? { ...context, parentURL: react18 } : context);
}
