import { scrubSecrets } from './secret-scrubbing.js';

/** The codes of `ce-error`, one per kind of failure of the kit's own work. */
export type ConnectElementsErrorCode =
  | 'configuration_error'
  | 'endpoint_http_error'
  | 'endpoint_network_error'
  | 'endpoint_timeout'
  | 'endpoint_invalid_response'
  | 'script_load_error'
  | 'stripe_error';

/** What Stripe.js reported, kept on a `stripe_error`. */
export interface StripeErrorInfo {
  type?: string;
  code?: string;
  message?: string;
}

/** `event.detail` of `ce-error`. */
export interface ConnectElementsErrorDetail {
  code: ConnectElementsErrorCode;
  message: string;
  /** The endpoint's HTTP status, for `endpoint_http_error`. */
  status?: number;
  /** Stripe's error type, for `stripe_error`. */
  type?: string;
  /** Stripe.js's own error object (type, code, message), for `stripe_error`. */
  stripeError?: StripeErrorInfo;
}

/**
 * A failure of the kit's own work. Its message, and the Stripe error it carries, are scrubbed of
 * anything shaped like a client secret or a key as it is built, whatever text they came from:
 * every event detail, error panel and console line is made from these.
 */
export class ConnectElementsError extends Error {
  override name = 'ConnectElementsError';
  readonly extra: Omit<ConnectElementsErrorDetail, 'code' | 'message'>;

  constructor(
    readonly code: ConnectElementsErrorCode,
    message: string,
    extra: Omit<ConnectElementsErrorDetail, 'code' | 'message'> = {},
  ) {
    super(scrubSecrets(message));
    this.extra = scrubbedExtra(extra);
  }

  get status(): number | undefined {
    return this.extra.status;
  }

  toDetail(): ConnectElementsErrorDetail {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

export const configurationError = (message: string): ConnectElementsError =>
  new ConnectElementsError('configuration_error', message);

/** Whether `error` is the quiet end of work that was cancelled on purpose. */
export const isAbort = (error: unknown): boolean =>
  error instanceof DOMException && error.name === 'AbortError';

/**
 * The message of anything thrown, as text: never throws itself, whatever getters or `toString`
 * the value has.
 */
export function describeThrown(error: unknown): string {
  try {
    return error instanceof Error ? String(error.message) : String(error);
  } catch {
    return 'an error that could not be read';
  }
}

/** Any thrown value as a `ConnectElementsError`, without leaking what it held. */
export const asConnectElementsError = (
  error: unknown,
  fallback: ConnectElementsErrorCode,
): ConnectElementsError =>
  error instanceof ConnectElementsError
    ? error
    : new ConnectElementsError(fallback, describeThrown(error));

function scrubbedExtra(
  extra: Omit<ConnectElementsErrorDetail, 'code' | 'message'>,
): Omit<ConnectElementsErrorDetail, 'code' | 'message'> {
  const scrubbed = { ...extra };
  if (scrubbed.type !== undefined) scrubbed.type = scrubSecrets(scrubbed.type);
  if (scrubbed.stripeError) {
    const stripeError: StripeErrorInfo = {};
    for (const [field, value] of Object.entries(scrubbed.stripeError)) {
      if (typeof value === 'string')
        stripeError[field as keyof StripeErrorInfo] = scrubSecrets(value);
    }
    scrubbed.stripeError = stripeError;
  }
  return scrubbed;
}
