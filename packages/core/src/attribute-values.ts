import type { ComplexAttributeConverter } from 'lit';

/** An attribute value that could not be read; reported as a `configuration_error`. */
export class InvalidAttributeValue {
  constructor(
    readonly attribute: string,
    readonly reason: string,
  ) {}

  get message(): string {
    return `The ${this.attribute} attribute ${this.reason}.`;
  }
}

/** A JSON object attribute, e.g. `collection-options='{"fields":"eventually_due"}'`. */
export const jsonObjectAttribute = (
  attribute: string,
): ComplexAttributeConverter<object | InvalidAttributeValue | undefined> => ({
  fromAttribute(value) {
    if (value === null) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return new InvalidAttributeValue(attribute, 'is not valid JSON');
    }
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? parsed
      : new InvalidAttributeValue(attribute, 'must be a JSON object');
  },
});

/** A comma-separated list attribute, e.g. `display-countries="US, CA"`. */
export const listAttribute: ComplexAttributeConverter<string[] | undefined> = {
  fromAttribute: (value) =>
    value === null
      ? undefined
      : value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean),
  toAttribute: (value) => value?.join(', '),
};

const DATE_KEYS = new Set(['before', 'after', 'start', 'end']);

/**
 * `defaultFilters` with the ISO date strings a JSON attribute can hold turned into the `Date`s
 * Stripe expects (`date.before`, `date.after`, `date.between.start`/`end`).
 */
export function reviveFilterDates(filters: unknown): unknown {
  if (typeof filters !== 'object' || filters === null) return filters;
  const { date } = filters as { date?: unknown };
  if (typeof date !== 'object' || date === null) return filters;
  const revive = (value: unknown): unknown => {
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value);
    if (typeof value !== 'object' || value === null || value instanceof Date) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        DATE_KEYS.has(key) || key === 'between' ? revive(item) : item,
      ]),
    );
  };
  return { ...filters, date: revive(date) };
}
