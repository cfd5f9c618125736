/**
 * What the React and Vue packages need to know about the elements beyond their classes: which
 * attribute each reactive property reads, the settings as plain prop values, and which members
 * are methods rather than props.
 */
import type { AppearanceOptions } from '@stripe/connect-js';
import type { ConnectOptionsElement } from './connect-options-element.js';

type ReactiveElementClass = CustomElementConstructor & {
  elementProperties?: Map<PropertyKey, { attribute?: boolean | string }>;
};

/**
 * Each reactive property of a registered (so finalized) element class, with the attribute it
 * reads: Lit's default (the lowercased name), the one declared, or `undefined` for a
 * property-only setting (`attribute: false`).
 */
export function propertyAttributes(
  elementClass: CustomElementConstructor,
): Map<string, string | undefined> {
  const attributes = new Map<string, string | undefined>();
  for (const [name, { attribute = true }] of (elementClass as ReactiveElementClass)
    .elementProperties ?? []) {
    if (typeof name !== 'string') continue;
    attributes.set(
      name,
      attribute === false ? undefined : attribute === true ? name.toLowerCase() : attribute,
    );
  }
  return attributes;
}

/** The settings every component element and `<ce-connect>` take, as prop values. */
export type ConnectOptionValues = Partial<
  Pick<
    ConnectOptionsElement,
    | 'publishableKey'
    | 'endpoint'
    | 'fetchClientSecret'
    | 'credentials'
    | 'headers'
    | 'timeout'
    | 'locale'
    | 'fonts'
  > & { appearance: AppearanceOptions }
>;

/** Methods of the elements, reached through a ref rather than props. */
export type ElementMethodName = 'connectSettings' | 'launch' | 'logout' | 'retry';
