/**
 * The offline Stripe's parameter schemas and the one checker that reads them.
 *
 * `SchemaFor<T>` turns a param type of the installed `stripe` package into the schema that must
 * describe it key for key: every parameter, every enum value, which ones are required and which may
 * be sent empty to unset them. A table written `satisfies SchemaFor<Stripe.XCreateParams>` stops
 * compiling when a new `stripe` version adds or removes any of them, until the table follows.
 *
 * {@link checkParams} checks a request the way Stripe's API does — after stripe-node's form
 * encoding, which sends every value as text: `true` and `'true'`, `5` and `'5'`, `['a']` and
 * `{0: 'a'}` reach Stripe alike and are answered alike, and an empty object or array is not sent.
 */
import {
  emptyParam,
  invalidRequest,
  invalidValue,
  missingParam,
  notOneOf,
  unknownParam,
} from './offline-stripe-errors.js';

/** How a parameter may be given: required by Stripe; sent empty (`''`, `null`) to unset it. */
interface ParamRules {
  required?: boolean;
  emptyable?: boolean;
}

/** A text parameter, at most `maxLength` characters (Stripe's strings: 5000). */
export interface StringParam extends ParamRules {
  type: 'string';
  maxLength?: number;
  /** An object id: one without `prefix` names no `noun` (Stripe's `resource_missing`). */
  id?: { prefix: string; noun: string };
  /** A URL (Stripe's `url_invalid` otherwise). */
  url?: true;
}

export interface BooleanParam extends ParamRules {
  type: 'boolean';
}

export interface IntegerParam extends ParamRules {
  type: 'integer';
  min?: number;
  max?: number;
}

/** One of `values` (a record, so the compiler can hold it to the SDK's union exactly). */
export interface EnumParam extends ParamRules {
  type: 'enum';
  values: Record<string, true>;
}

export interface ArrayParam extends ParamRules {
  type: 'array';
  items: ParamSchema;
}

export interface ObjectParam extends ParamRules {
  type: 'object';
  properties: Record<string, ParamSchema>;
}

export type ParamSchema =
  StringParam | BooleanParam | IntegerParam | EnumParam | ArrayParam | ObjectParam;

/** `T` without what stripe-node sends as nothing or as an empty value. */
type Present<T> = Exclude<T, undefined | null | ''>;
/** The literal members of a string union (`'a' | 'b' | OtherString` → `'a' | 'b'`). */
type Literals<T> = T extends string ? (string extends T ? never : T) : never;

/** The rules of property `K` of `T`: required unless optional there, emptyable when it takes `''`. */
type RulesOf<T, K extends keyof T> = (Record<never, never> extends Pick<T, K>
  ? { required?: false }
  : { required: true }) &
  (null extends T[K] ? { emptyable: true } : { emptyable?: false });

/** The schema of every property of `T`, no more and no fewer (none for an empty `T`). */
export type PropertiesFor<T> = [keyof T] extends [never]
  ? Record<string, never>
  : { [K in keyof T]-?: SchemaFor<T[K]> & RulesOf<T, K> };

/** The schema that describes values of the SDK param type `T`. */
export type SchemaFor<T> = [Present<T>] extends [boolean]
  ? BooleanParam
  : [Present<T>] extends [number]
    ? IntegerParam
    : [Present<T>] extends [readonly (infer Item)[]]
      ? Omit<ArrayParam, 'items'> & { items: SchemaFor<Item> }
      : [Present<T>] extends [string]
        ? [Literals<Present<T>>] extends [never]
          ? StringParam
          : Omit<EnumParam, 'values'> & { values: Record<Literals<Present<T>>, true> }
        : Omit<ObjectParam, 'properties'> & { properties: PropertiesFor<Present<T>> };

/** What arrives at Stripe: text, or a dictionary of what arrives (arrays keyed `0`, `1`, …). */
type Wire = string | { [key: string]: Wire };

/** `value` as stripe-node encodes it, or `undefined` when it sends nothing of it. */
function toWire(value: unknown): Wire | undefined {
  if (value === undefined) return undefined;
  if (value === null) return '';
  if (typeof value !== 'object') return String(value);
  const entries = Object.entries(value)
    .map(([key, item]) => [key, toWire(item)] as const)
    .filter((entry): entry is readonly [string, Wire] => entry[1] !== undefined);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

const INDEX = /^(0|[1-9]\d*)$/;
const INTEGER = /^-?\d+$/;

/** A dictionary's items when every key is an index (`a[0]`, `a[1]`), else null. */
function indexedItems(wire: { [key: string]: Wire }): Wire[] | null {
  // Object.keys lists index keys in ascending order.
  const keys = Object.keys(wire);
  return keys.every((key) => INDEX.test(key)) ? keys.map((key) => wire[key]!) : null;
}

/** A short rendering of what arrived, for an `Invalid …` message. */
const shown = (wire: Wire): string => (typeof wire === 'string' ? wire : JSON.stringify(wire));

/** A name's path: `components[payments][enabled]`. */
const child = (path: string, key: string) => (path ? `${path}[${key}]` : key);

/** The checked value of one parameter: typed as the schema says (`'5'` → 5), `null` when unset. */
function checkValue(schema: ParamSchema, wire: Wire, path: string): unknown {
  if (wire === '') {
    if (schema.emptyable) return null;
    throw emptyParam(path);
  }
  switch (schema.type) {
    case 'object': {
      if (typeof wire === 'string') throw invalidValue(path, 'object');
      return checkObject(schema, wire, path);
    }
    case 'array': {
      const items = typeof wire === 'string' ? null : indexedItems(wire);
      if (!items) throw invalidValue(path, 'array');
      return items.map((item, index) => checkValue(schema.items, item, `${path}[${index}]`));
    }
    case 'boolean': {
      if (wire !== 'true' && wire !== 'false') throw invalidValue(path, 'boolean', shown(wire));
      return wire === 'true';
    }
    case 'integer': {
      if (typeof wire !== 'string' || !INTEGER.test(wire)) {
        throw invalidRequest(`Invalid integer: ${shown(wire)}`, path, 'parameter_invalid_integer');
      }
      const number = Number(wire);
      const { min = -Infinity, max = Infinity } = schema;
      if (number < min || number > max) {
        const range = max === Infinity ? `of at least ${min}` : `between ${min} and ${max}`;
        throw invalidRequest(
          `Invalid integer: ${path} must be an integer ${range}.`,
          path,
          'parameter_invalid_integer',
        );
      }
      return number;
    }
    case 'enum': {
      const values = Object.keys(schema.values);
      if (typeof wire !== 'string' || !values.includes(wire)) throw notOneOf(path, values);
      return wire;
    }
    case 'string': {
      if (typeof wire !== 'string') throw invalidValue(path, 'string', shown(wire));
      if (schema.maxLength !== undefined && wire.length > schema.maxLength) {
        throw invalidRequest(
          `Invalid string: ${wire.slice(0, 10)}...; must be at most ${schema.maxLength} characters`,
          path,
        );
      }
      if (schema.id && !wire.startsWith(schema.id.prefix)) {
        throw invalidRequest(`No such ${schema.id.noun}: '${wire}'`, path, 'resource_missing');
      }
      if (schema.url && !URL.canParse(wire)) {
        throw invalidRequest('Not a valid URL', path, 'url_invalid');
      }
      return wire;
    }
  }
}

/** Unknown keys first, as Stripe reports them; then each known one in the schema's order. */
function checkObject(
  schema: ObjectParam,
  wire: { [key: string]: Wire },
  path: string,
): Record<string, unknown> {
  for (const key of Object.keys(wire)) {
    if (!Object.hasOwn(schema.properties, key)) throw unknownParam(child(path, key));
  }
  const checked: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema.properties)) {
    const value = wire[key];
    if (value === undefined) {
      if (property.required) throw missingParam(child(path, key));
    } else {
      checked[key] = checkValue(property, value, child(path, key));
    }
  }
  return checked;
}

/**
 * The parameters of one request, checked against `schema` as Stripe checks what stripe-node sends
 * (`params ? {...params} : {}`, form-encoded): unknown ones are `parameter_unknown`, missing
 * required ones `parameter_missing`, and each value is returned typed as the schema says.
 */
export function checkParams<T>(schema: ObjectParam, params: unknown): T {
  const wire = toWire({ ...(params as object) });
  return checkObject(schema, typeof wire === 'object' ? wire : {}, '') as T;
}
