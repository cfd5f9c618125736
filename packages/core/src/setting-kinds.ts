/**
 * What each kind of setting value is, in one place: how a setter's TypeScript type maps to its
 * kind, and per kind its Lit property declaration (with the attribute converter), what Stripe's
 * setter is handed, and how the manifest, the component table (docs/elements.md) and the tests
 * present and exercise it.
 *
 * Both records are typed `Record<SettingKind, …>`, so a new kind fails to compile until each says
 * what it means. They are two because the first ships to every page and the second only to the
 * build and the tests: a bundler drops an unused top-level record, not unused fields of one.
 */
import type { PropertyDeclaration } from '@lit/reactive-element';
import {
  dateAttribute,
  isoDate,
  jsonObjectAttribute,
  listAttribute,
  reviveIsoDates,
} from './attribute-values.js';

/** How a setting is written in HTML, and what its setter takes. */
export type SettingKind =
  'string' | 'boolean' | 'list' | 'json' | 'json-dates' | 'date' | 'function';

type Defined<T> = Exclude<T, undefined>;

/** Whether a `Date` is somewhere in `T` (a few levels deep: Stripe's filters are shallow). */
type HasDate<T, Depth extends unknown[] = []> = Depth['length'] extends 6
  ? false
  : T extends Date
    ? true
    : T extends (...args: never[]) => unknown
      ? false
      : T extends object
        ? { [K in keyof T]-?: HasDate<T[K], [...Depth, unknown]> }[keyof T]
        : false;

/** The kind of a setter whose value has type `T`; the compiler holds `settingKinds` to it. */
export type KindOf<T> = [Defined<T>] extends [string]
  ? 'string'
  : [Defined<T>] extends [boolean]
    ? 'boolean'
    : [Defined<T>] extends [readonly string[]]
      ? 'list'
      : [Defined<T>] extends [Date]
        ? 'date'
        : [Defined<T>] extends [(...args: never[]) => unknown]
          ? 'function'
          : true extends HasDate<Defined<T>>
            ? 'json-dates'
            : 'json';

/** What a kind means on the element. */
export interface SettingKindRule {
  /** Whether the setting has an attribute (the kebab-case of the setter's stem). */
  readonly hasAttribute: boolean;
  /** The Lit property declaration of a setting with attribute `attribute`. */
  declaration(attribute: string): PropertyDeclaration;
  /** What Stripe's setter is handed for the property's value, when not the value itself. */
  toStripe?(value: unknown): unknown;
}

export const settingKindRules: Record<SettingKind, SettingKindRule> = {
  string: { hasAttribute: true, declaration: (attribute) => ({ attribute }) },
  boolean: { hasAttribute: true, declaration: (attribute) => ({ attribute, type: Boolean }) },
  list: {
    hasAttribute: true,
    declaration: (attribute) => ({ attribute, converter: listAttribute }),
  },
  json: {
    hasAttribute: true,
    declaration: (attribute) => ({ attribute, converter: jsonObjectAttribute(attribute) }),
  },
  'json-dates': {
    hasAttribute: true,
    declaration: (attribute) => ({ attribute, converter: jsonObjectAttribute(attribute) }),
    // A JSON attribute cannot hold a Date; an ISO string set from code is read the same way.
    toStripe: reviveIsoDates,
  },
  date: {
    hasAttribute: true,
    declaration: (attribute) => ({ attribute, converter: dateAttribute(attribute) }),
    toStripe: (value) => isoDate(value) ?? value,
  },
  function: { hasAttribute: false, declaration: () => ({ attribute: false }) },
};

/** How a kind is presented (manifest, component table) and exercised (tests). */
export interface SettingKindDoc {
  /** Appended to the manifest's description of each setting of the kind. */
  readonly manifest: string;
  /** Appended to the attribute in the component table of docs/elements.md. */
  readonly readme: string;
  /**
   * Values the tests set: the attribute text (`null`: a property only), the value Stripe's
   * setter should receive for it (set as the property when there is no attribute), and a
   * different value to change it to.
   */
  readonly samples: readonly [attribute: string | null, first: unknown, second: unknown];
}

const jan1 = '2026-01-01T00:00:00.000Z';
/** A `Date` a bundler may drop with the record when unused (it keeps a bare `new Date`). */
/* @__NO_SIDE_EFFECTS__ */
function date(iso: string): Date {
  return new Date(iso);
}

export const settingKindDocs: Record<SettingKind, SettingKindDoc> = {
  string: {
    manifest: '',
    readme: '',
    samples: ['https://example.com/a', 'https://example.com/a', 'https://example.com/b'],
  },
  boolean: { manifest: ' A boolean attribute.', readme: '', samples: ['', true, false] },
  list: {
    manifest: ' The attribute is a comma-separated list, e.g. `"US, CA"`.',
    readme: ' (list)',
    samples: ['US, CA', ['US', 'CA'], ['FR']],
  },
  json: {
    manifest: ' The attribute is JSON.',
    readme: ' (JSON)',
    samples: [
      '{"fields":"eventually_due"}',
      { fields: 'eventually_due' },
      { fields: 'currently_due' },
    ],
  },
  'json-dates': {
    manifest: ' The attribute is JSON; ISO 8601 date strings in it are passed on as `Date`s.',
    readme: ' (JSON, ISO dates)',
    samples: [
      '{"status":["successful"],"date":{"after":"2026-01-01T00:00:00.000Z"}}',
      { status: ['successful'], date: { after: date(jan1) } },
      { date: { between: { start: date(jan1), end: date('2026-02-01T00:00:00.000Z') } } },
    ],
  },
  date: {
    manifest: ' The attribute is an ISO 8601 date, e.g. `2026-01-31`.',
    readme: ' (ISO date)',
    samples: [jan1, date(jan1), date('2026-03-01T00:00:00.000Z')],
  },
  function: {
    manifest: ' A property only.',
    readme: '',
    samples: [null, () => Promise.resolve(), () => Promise.resolve()],
  },
};
