import { componentNames, componentSpec } from '@connect-elements/core';

/** The events of `<ce-financial-connections>`. */
export const FINANCIAL_CONNECTIONS_EVENTS = [
  'ce-financial-connections-success',
  'ce-financial-connections-cancel',
] as const;

/**
 * Every `ce-*` event the kit fires, derived from the component table (so a component added by a
 * later `@stripe/connect-js` is logged too), plus `ce-error` and the Financial Connections events.
 */
export const kitEventNames: readonly string[] = [
  ...new Set([
    ...componentNames.flatMap((name) => componentSpec(name).listeners.map(({ event }) => event)),
    'ce-error',
    ...FINANCIAL_CONNECTIONS_EVENTS,
  ]),
];
