import { VERSION } from './version.js';

type VersionedElement = CustomElementConstructor & { version?: string };

/**
 * Registers `tagName` unless it already is. A second copy of the same version (the CDN bundle
 * included twice, two bundles of one app) is skipped silently; a different version is skipped
 * with a warning, since the page then runs elements of another version than it may expect.
 */
export function defineElement(tagName: string, elementClass: VersionedElement): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tagName) as VersionedElement | undefined;
  const version = elementClass.version ?? VERSION;
  if (!existing) {
    customElements.define(tagName, elementClass);
  } else if (existing !== elementClass && existing.version !== version) {
    console.warn(
      `<${tagName}> is already defined by Connect Elements ${existing.version ?? '(unknown version)'}; version ${version} is not registered again.`,
    );
  }
}
