import { scrubSecrets } from './secret-scrubbing.js';

/** How deep a chain of `cause`s is copied into a {@link SanitizedError}. */
const MAX_CAUSE_DEPTH = 3;

/**
 * A copy of a failure that is safe to log: the message and stack have every secret removed, and
 * only plain diagnostic fields of a Stripe error are kept — never its `raw` answer, `headers`,
 * request body or `detail`, which can hold an API key or a client secret.
 */
export class SanitizedError extends Error {
  // `name` is the original error's class, e.g. `StripeConnectionError` or `TypeError`.
  /** A Stripe error's class name, e.g. `StripeInvalidRequestError`. */
  readonly type?: string;
  /** A Stripe error's API type, e.g. `invalid_request_error` or `api_error`. */
  readonly rawType?: string;
  /** A Stripe error's code, e.g. `resource_missing`. */
  readonly code?: string;
  /** The request parameter a Stripe error is about. */
  readonly param?: string;
  /** The HTTP status Stripe answered with. */
  readonly statusCode?: number;
  /** Stripe's request id (`req_…`), to find the request in the Dashboard's logs. */
  readonly requestId?: string;
  /** Stripe's link to the documentation of the error code. */
  readonly docUrl?: string;

  constructor(
    name: string,
    message: string,
    fields: SanitizedErrorFields = {},
    stack?: string,
    cause?: SanitizedError,
  ) {
    super(message, cause ? { cause } : undefined);
    Object.defineProperty(this, 'name', { value: name, enumerable: false, configurable: true });
    Object.assign(this, fields);
    if (stack !== undefined) this.stack = stack;
  }
}

/** The Stripe-error fields a {@link SanitizedError} keeps. */
export type SanitizedErrorFields = Partial<
  Pick<
    SanitizedError,
    'type' | 'rawType' | 'code' | 'param' | 'statusCode' | 'requestId' | 'docUrl'
  >
>;

const STRIPE_ERROR_CLASS = /^Stripe[A-Za-z]*Error$/;

const STRING_FIELDS = {
  type: 'type',
  rawType: 'rawType',
  code: 'code',
  param: 'param',
  requestId: 'requestId',
  docUrl: 'doc_url',
} as const satisfies Record<string, string>;

/**
 * A {@link SanitizedError} copy of anything that was thrown. Never throws: a hostile value (a
 * getter or `toString` that throws, a Proxy) gives what could be read of it, and at worst a
 * placeholder message.
 */
export function sanitizeError(thrown: unknown, depth = 0): SanitizedError {
  try {
    return copyOf(thrown, depth);
  } catch {
    return new SanitizedError('Error', UNREADABLE);
  }
}

const UNREADABLE = 'An error was thrown that could not be read.';

function copyOf(thrown: unknown, depth: number): SanitizedError {
  if (!(thrown instanceof Error)) {
    const message =
      typeof thrown === 'string'
        ? scrubSecrets(thrown)
        : `A non-error value was thrown (${thrown === null ? 'null' : typeof thrown}).`;
    return new SanitizedError('Error', message);
  }
  const source = thrown as Error & Record<string, unknown>;
  const fields: Record<string, string | number> = {};
  for (const [field, sourceField] of Object.entries(STRING_FIELDS)) {
    const value = read(source, sourceField);
    if (typeof value === 'string') fields[field] = scrubSecrets(value);
  }
  const statusCode = read(source, 'statusCode');
  if (typeof statusCode === 'number') fields.statusCode = statusCode;
  const causeValue = read(source, 'cause');
  const cause =
    causeValue !== undefined && causeValue !== UNREAD && depth < MAX_CAUSE_DEPTH
      ? sanitizeError(causeValue, depth + 1)
      : undefined;
  // Stripe's errors keep `name` 'Error' and carry their class name in `type`.
  const type = read(source, 'type');
  const name =
    typeof type === 'string' && STRIPE_ERROR_CLASS.test(type)
      ? type
      : (text(read(source, 'name')) ?? 'Error');
  const stack = read(source, 'stack');
  return new SanitizedError(
    scrubSecrets(name),
    scrubSecrets(text(read(source, 'message')) ?? UNREADABLE),
    fields,
    typeof stack === 'string' ? scrubSecrets(stack) : undefined,
    cause,
  );
}

/** What {@link read} gives for a field whose getter throws. */
const UNREAD = Symbol('unread');

/** `source[field]`, or {@link UNREAD} when reading it throws. */
function read(source: Record<string, unknown>, field: string): unknown {
  try {
    return source[field];
  } catch {
    return UNREAD;
  }
}

/** `value` as text, or `undefined` when it was unreadable or cannot be turned into text. */
function text(value: unknown): string | undefined {
  if (value === UNREAD) return undefined;
  try {
    return String(value);
  } catch {
    return undefined;
  }
}
