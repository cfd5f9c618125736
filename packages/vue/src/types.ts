/**
 * The types of the `ce-*` elements as Vue global components, derived from the core's component
 * table, so `<ce-payments :default-filters="…" @ce-load-error="…">` type-checks with `vue-tsc`.
 */
import type {
  CeErrorEvent,
  ComponentName,
  ConnectComponentEvent,
  ConnectComponentEventDetails,
  ConnectComponentExtras,
  ConnectComponentSettings,
  ConnectOptionValues,
  ElementMethodName,
  ReactiveElementMember,
} from '@connect-elements/core';
import type { DefineSetupFnComponent } from 'vue';

/** The settings every component element and `<ce-connect>` take. */
export type ConnectOptionProps = Omit<ConnectOptionValues, 'appearance' | 'displayOptions'> & {
  /** A JSON string in the template, or an object bound with `:appearance`. */
  appearance?: ConnectOptionValues['appearance'] | string;
  /** A JSON string in the template, or an object bound with `:display-options`. */
  displayOptions?: ConnectOptionValues['displayOptions'] | string;
};

/** Event name → listener, as Vue's `emits` (so `@ce-exit` is typed with its event). */
export type EventEmits<Events> = {
  [E in keyof Events & string]: (event: Events[E]) => void;
};

/** The events of component `C`: `ce-exit`, `ce-step-change`, …, and `ce-error`. */
export type ConnectComponentEvents<C extends ComponentName> = {
  [E in keyof ConnectComponentEventDetails<C>]: ConnectComponentEvent<
    ConnectComponentEventDetails<C>[E]
  >;
} & { 'ce-error': CeErrorEvent };

/** The props of `<ce-C>`: its settings (JSON and list attributes may also be strings). */
export type ConnectComponentProps<C extends ComponentName> = ConnectOptionProps & {
  [K in keyof ConnectComponentSettings<C>]?: ConnectComponentSettings<C>[K] | string;
} & ConnectComponentExtras<C>;

/** `<ce-C>` as a Vue component. */
export type ConnectComponentVueElement<C extends ComponentName> = DefineSetupFnComponent<
  ConnectComponentProps<C>,
  EventEmits<ConnectComponentEvents<C>>
>;

/** Any other element as a Vue component: its properties as props, events `E` as emits. */
export type VueElement<
  I extends HTMLElement,
  E extends keyof GlobalEventHandlersEventMap,
> = DefineSetupFnComponent<
  Partial<Omit<I, ReactiveElementMember | ElementMethodName>>,
  EventEmits<Pick<GlobalEventHandlersEventMap, E>>
>;

/** Every component element, keyed by tag. */
export type ConnectComponentGlobalComponents = {
  [C in ComponentName as `ce-${C}`]: ConnectComponentVueElement<C>;
};

/** `payment-details` → `PaymentDetails`. */
export type PascalCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${PascalCase<Tail>}`
  : Capitalize<S>;

/** The Vue component of every component element, keyed by its name (`CePaymentDetails`). */
export type ConnectComponentWrappers = {
  [C in ComponentName as `Ce${PascalCase<C>}`]: ConnectComponentVueElement<C>;
};

declare module 'vue' {
  interface GlobalComponents extends ConnectComponentWrappers {
    CeConnect: GlobalComponents['ce-connect'];
    CeFinancialConnections: GlobalComponents['ce-financial-connections'];
  }
}
