/**
 * What the React and Vue generators share: the elements of the custom-elements manifest and
 * their event names.
 */

/** The superclass of the Connect component elements, whose props come from the component table. */
export const COMPONENT_BASE = 'ConnectComponentElement';

/**
 * Every custom element declared in `manifest`, by tag name; throws when one is not exported
 * from the package root (the wrappers import them from there).
 */
export function manifestElements(manifest) {
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
