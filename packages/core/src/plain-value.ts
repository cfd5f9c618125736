/**
 * `value` as plain data Stripe can clone: objects and arrays copied (read through any Proxy, such
 * as a Svelte 5 `$state` or a Vue `reactive` value, which `structuredClone` and `postMessage`
 * refuse), `Date`s copied, functions and primitives kept. Connect sends settings to its iframes,
 * so a proxy that reached it unconverted would fail there, out of the page's sight.
 */
export function plainValue<T>(value: T): T {
  return copy(value, new Map()) as T;
}

function copy(value: unknown, copies: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return new Date(value.getTime());
  const known = copies.get(value);
  if (known) return known;
  if (Array.isArray(value)) {
    const array: unknown[] = [];
    copies.set(value, array);
    for (const item of value) array.push(copy(item, copies));
    return array;
  }
  const object: Record<string, unknown> = {};
  copies.set(value, object);
  for (const key of Object.keys(value)) {
    object[key] = copy((value as Record<string, unknown>)[key], copies);
  }
  return object;
}
