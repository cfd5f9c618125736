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

/** A {@link SanitizedError} copy of anything that was thrown. */
export function sanitizeError(thrown: unknown, depth = 0): SanitizedError {
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
    const value = source[sourceField];
    if (typeof value === 'string') fields[field] = scrubSecrets(value);
  }
  if (typeof source.statusCode === 'number') fields.statusCode = source.statusCode;
  const cause =
    source.cause !== undefined && depth < MAX_CAUSE_DEPTH
      ? sanitizeError(source.cause, depth + 1)
      : undefined;
  // Stripe's errors keep `name` 'Error' and carry their class name in `type`.
  const name =
    typeof source.type === 'string' && STRIPE_ERROR_CLASS.test(source.type)
      ? source.type
      : String(source.name);
  return new SanitizedError(
    scrubSecrets(name),
    scrubSecrets(String(source.message)),
    fields,
    typeof source.stack === 'string' ? scrubSecrets(source.stack) : undefined,
    cause,
  );
}
