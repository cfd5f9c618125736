import type { ComplexAttributeConverter } from '@lit/reactive-element';

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

/** An ISO 8601 date or date-time: `2026-01-31`, `2026-01-31T12:00:00Z`, `…T12:00:00.000+01:00`. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** `value` as a `Date` when it is an ISO 8601 string of a real date; else `undefined`. */
export function isoDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * `value` with every ISO 8601 string in it, at any depth, turned into the `Date` Stripe expects
 * (`defaultFilters.date.after`, …): a JSON attribute cannot hold a `Date`. Anything but strings,
 * arrays and plain objects (a `Date`, an unreadable attribute's `InvalidAttributeValue`) is kept.
 */
export function reviveIsoDates(value: unknown): unknown {
  if (typeof value === 'string') return isoDate(value) ?? value;
  if (Array.isArray(value)) return value.map(reviveIsoDates);
  if (typeof value !== 'object' || value === null) return value;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, reviveIsoDates(item)]),
  );
}

/** A date attribute, e.g. `interval-start="2026-01-01"`: an ISO 8601 date or date-time. */
export const dateAttribute = (
  attribute: string,
): ComplexAttributeConverter<Date | InvalidAttributeValue | undefined> => ({
  fromAttribute: (value) =>
    value === null
      ? undefined
      : (isoDate(value.trim()) ?? new InvalidAttributeValue(attribute, 'is not an ISO 8601 date')),
});
