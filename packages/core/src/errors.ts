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

/** A failure of the kit's own work. Messages never hold a client secret. */
export class ConnectElementsError extends Error {
  override name = 'ConnectElementsError';

  constructor(
    readonly code: ConnectElementsErrorCode,
    message: string,
    readonly extra: Omit<ConnectElementsErrorDetail, 'code' | 'message'> = {},
  ) {
    super(message);
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

/** Any thrown value as a `ConnectElementsError`, without leaking what it held. */
export const asConnectElementsError = (
  error: unknown,
  fallback: ConnectElementsErrorCode,
): ConnectElementsError =>
  error instanceof ConnectElementsError
    ? error
    : new ConnectElementsError(fallback, error instanceof Error ? error.message : String(error));
