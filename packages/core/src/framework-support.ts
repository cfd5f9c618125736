/**
 * What the React and Vue packages need to know about the elements beyond their classes: which
 * attribute each reactive property reads, the settings as plain prop values, and which members
 * are methods rather than props.
 */
import type { ReactiveElement } from '@lit/reactive-element';
import type { AppearanceOptions, IStripeConnectDisplayOptions } from '@stripe/connect-js';
import type { ConnectOptionsElement } from './connect-options-element.js';

type ReactiveElementClass = CustomElementConstructor & {
  readonly observedAttributes?: string[];
  elementProperties?: Map<PropertyKey, { attribute?: boolean | string }>;
};

/**
 * Each reactive property of an element class, with the attribute it reads: Lit's default (the
 * lowercased name), the one declared, or `undefined` for a property-only setting
 * (`attribute: false`).
 *
 * The class is finalized first (reading `observedAttributes` does it), because registering is
 * not always what finalizes it: where two copies of the kit share one registry (a server's two
 * module graphs share Lit's `customElements` shim), the second copy's classes are never
 * registered.
 */
export function propertyAttributes(
  elementClass: CustomElementConstructor,
): Map<string, string | undefined> {
  const attributes = new Map<string, string | undefined>();
  void (elementClass as ReactiveElementClass).observedAttributes;
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
  > & { appearance: AppearanceOptions; displayOptions: IStripeConnectDisplayOptions }
>;

/** The members every element has from Lit's `ReactiveElement` (its lifecycle), which are no props. */
export type ReactiveElementMember = keyof ReactiveElement;

/** Methods of the elements, reached through a ref rather than props. */
export type ElementMethodName = 'connectSettings' | 'launch' | 'logout' | 'retry';
