/**
 * The React prop of each DOM event, one rule for the generated components (at build time) and the
 * wrappers (at run time).
 */

/** `step-change` → `StepChange`. */
export type PascalCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${PascalCase<Tail>}`
  : Capitalize<S>;

/**
 * The React prop of DOM event `E`: `ce-step-change` → `onStepChange`. An element's own prefix is
 * dropped: `ce-financial-connections-success` on `<ce-financial-connections>` → `onSuccess`.
 */
export type EventPropName<
  E extends string,
  Prefix extends string = '',
> = E extends `ce-${Prefix}${infer Rest}` ? `on${PascalCase<Rest>}` : never;

const pascalCase = (name: string): string =>
  name.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());

/**
 * The runtime twin of `EventPropName`; an event without the element's own prefix (`prefix`, e.g.
 * `financial-connections-`) keeps all but `ce-`: `ce-error` → `onError`.
 */
export const eventPropName = (event: string, prefix = ''): string => {
  const own = `ce-${prefix}`;
  return `on${pascalCase(event.slice(event.startsWith(own) ? own.length : 'ce-'.length))}`;
};
