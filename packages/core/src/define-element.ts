import { VERSION } from './version.js';

/**
 * Registers `tagName` unless it already is. A second copy of the same version (the CDN bundle
 * included twice, two bundles of one app) is skipped silently; a different version is skipped
 * with a warning, since its elements may not match the page's expectations.
 */
export function defineElement(tagName: string, elementClass: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tagName) as
    (CustomElementConstructor & { version?: string }) | undefined;
  if (!existing) {
    customElements.define(tagName, elementClass);
  } else if (existing !== elementClass && existing.version !== VERSION) {
    console.warn(
      `<${tagName}> is already defined by Connect Elements ${existing.version ?? '(unknown version)'}; version ${VERSION} is not registered again.`,
    );
  }
}
