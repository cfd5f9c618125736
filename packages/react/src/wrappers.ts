'use client';
/**
 * React components made from the custom elements with `@lit/react`'s `createComponent`: element
 * properties are set as properties (objects and functions included), `ce-*` events arrive
 * through `on…` props, and the element is registered when its component is made.
 */
import {
  componentSpec,
  defineElement,
  type CeErrorEvent,
  type ComponentName,
  type ConnectComponentElementClass,
  type ConnectComponentEvent,
  type ConnectComponentEventDetails,
  type ConnectComponentExtras,
  type ConnectComponentSettings,
  type ConnectOptionValues,
  type ElementMethodName,
  type ReactiveElementMember,
  propertyAttributes,
} from '@connect-elements/core';
import { createComponent } from '@lit/react';
// Lit's test for a server: true under Node's `node` export condition (server rendering).
import { isServer } from 'lit-html/is-server.js';
import React from 'react';

import { eventPropName, type EventPropName } from './event-props.js';

export { eventPropName, type EventPropName, type PascalCase } from './event-props.js';

/** The element instance of component `C`. */
export type ConnectComponentInstance<C extends ComponentName> = InstanceType<
  ConnectComponentElementClass<C>
>;

/** The settings every component element and `<ce-connect>` take. */
export type ConnectOptionProps = ConnectOptionValues;

/** `onExit`, `onStepChange`, … of component `C`, each typed with the detail Stripe passes. */
export type ConnectComponentEventProps<C extends ComponentName> = {
  [E in keyof ConnectComponentEventDetails<C> & string as EventPropName<E>]?: (
    event: ConnectComponentEvent<ConnectComponentEventDetails<C>[E]>,
  ) => void;
} & {
  /** `ce-error`: the kit's work failed. Call `event.preventDefault()` to hide the built-in panel. */
  onError?: (event: CeErrorEvent) => void;
};

type DomProps<I, Own> = Omit<React.HTMLAttributes<I>, keyof Own> & {
  children?: React.ReactNode;
};

/** The props of the React component of Connect component `C`. */
export type ConnectComponentProps<C extends ComponentName> = DomProps<
  ConnectComponentInstance<C>,
  ConnectComponentEventProps<C>
> &
  ConnectOptionProps &
  ConnectComponentSettings<C> &
  ConnectComponentExtras<C> &
  ConnectComponentEventProps<C>;

/** The React component of Connect component `C`. */
export type ConnectComponentWrapper<C extends ComponentName> = React.ForwardRefExoticComponent<
  ConnectComponentProps<C> & React.RefAttributes<ConnectComponentInstance<C>>
>;

/** Event prop → event name, e.g. `{ onSuccess: 'ce-financial-connections-success' }`. */
export type ElementEvents = Record<string, keyof GlobalEventHandlersEventMap>;

/** The props of the React component of element `I` with events `E`: its own properties. */
export type ElementProps<I extends HTMLElement, E extends ElementEvents> = DomProps<I, E> &
  Partial<Omit<I, ReactiveElementMember | ElementMethodName>> & {
    [P in keyof E]?: (event: GlobalEventHandlersEventMap[E[P]]) => void;
  };

/** The React component of element `I` with events `E`. */
export type ElementWrapper<
  I extends HTMLElement,
  E extends ElementEvents,
> = React.ForwardRefExoticComponent<ElementProps<I, E> & React.RefAttributes<I>>;

/** What a wrapped element is to the others: the provider, a component element, or neither. */
type Role = 'provider' | 'component' | 'other';

/**
 * The id of the `<ConnectProvider>` around a component in React's tree. Components pass it on
 * as their `provider` attribute, so a component that a portal renders outside the provider's
 * DOM (a modal in `document.body`) still uses the provider's session.
 */
const ProviderId = React.createContext<string | undefined>(undefined);

const subscribeToNothing = () => () => {};

/**
 * Whether React has taken the markup over: `false` on the server and while hydrating (React
 * reads the server snapshot then), `true` after, and at once in a client render. While it is
 * false the elements get `defer-hydration`, so they add no Stripe element to markup that React
 * has yet to hydrate (which would be a hydration mismatch and a second session).
 */
const useHydrated = (): boolean =>
  React.useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );

/** The props a wrapper adds for its role: `defer-hydration`, the provider's id. */
function useRoleProps(role: Role, props: Record<string, unknown>): Record<string, unknown> {
  const hydrated = useHydrated();
  const generatedId = React.useId();
  const providerId = React.useContext(ProviderId);
  if (role === 'other') return props;
  const added: Record<string, unknown> = { ...props };
  if (!hydrated) added['defer-hydration'] = '';
  if (role === 'provider') added['id'] = props['id'] ?? generatedId;
  else if (props['provider'] === undefined && providerId) added['provider'] = providerId;
  return added;
}

/** A provider's children see its id. */
const provide = (role: Role, props: Record<string, unknown>, element: React.ReactElement) =>
  role === 'provider'
    ? React.createElement(ProviderId.Provider, { value: props['id'] as string }, element)
    : element;

/**
 * The element for server rendering. `@lit/react` renders no element property on the server; this
 * writes string, number and `true` values of properties that have an attribute as attributes, so
 * the server's HTML already configures the element. Objects, functions and event props are set
 * on hydration.
 */
function serverComponent(
  tagName: string,
  elementClass: CustomElementConstructor,
  events: Record<string, string>,
  role: Role,
): React.ComponentType<Record<string, unknown>> {
  const attributes = propertyAttributes(elementClass);
  const ServerComponent = (ownProps: Record<string, unknown>) => {
    const props = useRoleProps(role, ownProps);
    const rendered: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(props)) {
      if (name in events || name === 'ref') continue;
      if (!attributes.has(name)) {
        rendered[name === 'className' ? 'class' : name] = value;
        continue;
      }
      const attribute = attributes.get(name);
      if (!attribute) continue;
      if (typeof value === 'string' || typeof value === 'number') rendered[attribute] = value;
      else if (value === true) rendered[attribute] = '';
    }
    return provide(role, props, React.createElement(tagName, rendered));
  };
  return ServerComponent;
}

/** The element in the browser: `@lit/react`'s component, with what the role adds. */
function clientComponent(
  tagName: string,
  elementClass: CustomElementConstructor,
  events: Record<string, string>,
  displayName: string,
  role: Role,
): unknown {
  const LitComponent = createComponent({
    react: React,
    tagName,
    elementClass: elementClass as unknown as new () => HTMLElement,
    events,
    displayName,
  }) as unknown as React.ComponentType<Record<string, unknown>>;
  if (role === 'other') return LitComponent;
  return React.forwardRef<HTMLElement, Record<string, unknown>>((ownProps, ref) => {
    const props = useRoleProps(role, ownProps);
    return provide(role, props, React.createElement(LitComponent, { ...props, ref }));
  });
}

function wrap(
  tagName: string,
  elementClass: CustomElementConstructor,
  events: Record<string, string>,
  displayName: string,
  role: Role,
): unknown {
  // Registering finalizes the class, which puts its reactive properties on the prototype, where
  // `createComponent` looks to tell properties from attributes.
  defineElement(tagName, elementClass);
  const Component = isServer
    ? serverComponent(tagName, elementClass, events, role)
    : clientComponent(tagName, elementClass, events, displayName, role);
  (Component as { displayName?: string }).displayName = displayName;
  return Component;
}

/**
 * The React component of a Connect component element, e.g. `<Payments defaultFilters={…}
 * onLoadError={…}>` for `<ce-payments>`: its event props come from the component table.
 */
export function connectComponentWrapper<C extends ComponentName>(
  elementClass: ConnectComponentElementClass<C>,
  displayName: string,
): ConnectComponentWrapper<C> {
  const spec = componentSpec(elementClass.component);
  const events: Record<string, string> = { onError: 'ce-error' };
  for (const { event } of spec.listeners) events[eventPropName(event)] = event;
  return wrap(
    spec.tagName,
    elementClass as unknown as CustomElementConstructor,
    events,
    displayName,
    'component',
  ) as ConnectComponentWrapper<C>;
}

/** The React component of any other element, with the event props given. */
export function elementWrapper<I extends HTMLElement, E extends ElementEvents>(
  tagName: string,
  elementClass: new () => I,
  events: E,
  displayName: string,
): ElementWrapper<I, E> {
  return wrap(
    tagName,
    elementClass as unknown as CustomElementConstructor,
    events,
    displayName,
    tagName === 'ce-connect' ? 'provider' : 'other',
  ) as ElementWrapper<I, E>;
}
