/**
 * `@connect-elements/react`: a React component for every Connect Elements element, made with
 * `@lit/react` from the core's component table. Each registers its element when it is made;
 * objects and functions are set as element properties, and `ce-*` events arrive through `on…`
 * props. Safe to import and render on the server.
 *
 * The modules behind this entry say `'use client'`: in a React Server Components app (Next.js
 * App Router) a server component can render these components, which run in the browser and in
 * server rendering, not as server components (they use context and effects).
 */
export * from './components.js';
export {
  eventPropName,
  type ConnectComponentEventProps,
  type ConnectComponentInstance,
  type ConnectComponentProps,
  type ConnectComponentWrapper,
  type ConnectOptionProps,
  type ElementEvents,
  type ElementProps,
  type ElementWrapper,
  type EventPropName,
  type PascalCase,
} from './wrappers.js';
