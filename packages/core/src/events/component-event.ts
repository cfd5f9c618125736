import type { AllConnectComponentEventDetails } from '../component-table.js';

/**
 * A Stripe listener arriving as a DOM event: `setOnExit` → `ce-exit`,
 * `setOnStepChange` → `ce-step-change`. `detail` is what Stripe passed, or `null`.
 */
export class ConnectComponentEvent<D = unknown> extends CustomEvent<D> {
  constructor(type: string, detail: D) {
    super(type, { detail, bubbles: true, composed: true });
  }
}

/** Every component event name with its detail type, e.g. `'ce-step-change': StepChange`. */
export type ConnectComponentEventMap = {
  [E in keyof AllConnectComponentEventDetails]: ConnectComponentEvent<
    AllConnectComponentEventDetails[E]
  >;
};

declare global {
  // Typed `addEventListener('ce-exit', …)` for every component event.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends ConnectComponentEventMap {}
}
