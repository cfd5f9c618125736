import { configurationError, ConnectElementsError, isAbort } from './errors.js';

/** How the kit talks to the platform's host endpoint. */
export interface EndpointOptions {
  /** `fetch` credentials mode; `same-origin` by default. */
  credentials?: RequestCredentials;
  /** Extra request headers, e.g. a CSRF token. */
  headers?: Record<string, string>;
  /** Milliseconds before the request is abandoned; 15000 by default. */
  timeout?: number;
  /** Cancels the request quietly (the promise rejects with an `AbortError`). */
  signal?: AbortSignal;
}

export const DEFAULT_TIMEOUT = 15_000;

/** The longest `timeout`: what `setTimeout` can wait (2³¹ − 1 ms, ~24.8 days) without firing at once. */
export const MAX_TIMEOUT = 2_147_483_647;

/** The largest answer the kit reads: 64 KiB. One byte more is `endpoint_invalid_response`. */
export const ANSWER_LIMIT_BYTES = 64 * 1024;

const CREDENTIALS: readonly string[] = ['same-origin', 'include', 'omit'];

/** Throws a `configuration_error` for a `credentials` or `timeout` fetch would misread. */
export function checkEndpointOptions(options: EndpointOptions, tagName: string): void {
  if (options.credentials !== undefined && !CREDENTIALS.includes(options.credentials)) {
    throw configurationError(
      `<${tagName}> credentials must be same-origin, include or omit, not "${options.credentials}".`,
    );
  }
  const { timeout } = options;
  if (timeout !== undefined && !(timeout >= 1 && timeout <= MAX_TIMEOUT)) {
    throw configurationError(
      `<${tagName}> timeout must be a number of milliseconds from 1 to ${MAX_TIMEOUT}, not ${String(timeout)}.`,
    );
  }
}

/**
 * `POST url` with a JSON body and JSON answer: the host-endpoint request of docs/elements.md. Failures are
 * `ConnectElementsError`s with an `endpoint_*` code; an abort through `signal` rejects with the
 * `AbortError` so callers can stay quiet.
 *
 * A redirect is never followed (`redirect: 'manual'`): the request and its headers (a CSRF token)
 * reach the configured URL only, and a 3xx answer is an `endpoint_http_error`. The answer is read
 * as a stream and reading stops past {@link ANSWER_LIMIT_BYTES}.
 */
export async function postJson(
  url: string,
  body: unknown,
  options: EndpointOptions = {},
): Promise<unknown> {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const controller = new AbortController();
  const timedOut = new ConnectElementsError(
    'endpoint_timeout',
    `The endpoint ${url} did not answer within ${timeout} ms.`,
  );
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort);
  const timer = setTimeout(() => controller.abort(timedOut), timeout);
  try {
    options.signal?.throwIfAborted();
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        credentials: options.credentials ?? 'same-origin',
        headers: {
          ...options.headers,
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        body: JSON.stringify(body),
        redirect: 'manual',
        signal: controller.signal,
      });
    } catch {
      throw controller.signal.aborted
        ? controller.signal.reason
        : new ConnectElementsError(
            'endpoint_network_error',
            `The endpoint ${url} could not be reached.`,
          );
    }
    if (response.type === 'opaqueredirect') {
      // The browser hides a redirect's status and target; the usual cause is a sign-in page.
      throw new ConnectElementsError(
        'endpoint_http_error',
        `The endpoint ${url} redirected, and redirects are not followed; a signed-out session is the usual cause.`,
      );
    }
    if (!response.ok) {
      // Drain without reading: an error body may echo what we must not show.
      void response.body?.cancel().catch(() => {});
      throw new ConnectElementsError(
        'endpoint_http_error',
        `The endpoint ${url} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
        { status: response.status },
      );
    }
    const text = await readAnswer(response, url, controller.signal);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ConnectElementsError(
        'endpoint_invalid_response',
        `The endpoint ${url} did not answer with JSON.`,
      );
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The answer's body as UTF-8 text (a byte-order mark dropped, as `Response.text()` does), read as
 * a stream that is cancelled as soon as it goes over {@link ANSWER_LIMIT_BYTES}. An answer whose
 * `Content-Length` already says more is refused unread.
 */
async function readAnswer(response: Response, url: string, signal: AbortSignal): Promise<string> {
  const tooLarge = () =>
    new ConnectElementsError(
      'endpoint_invalid_response',
      `The answer of the endpoint ${url} is larger than 64 KiB.`,
    );
  if (Number(response.headers.get('content-length') ?? 0) > ANSWER_LIMIT_BYTES) {
    void response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      total += value.byteLength;
      if (total > ANSWER_LIMIT_BYTES) {
        void reader.cancel().catch(() => {});
        throw tooLarge();
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    if (error instanceof ConnectElementsError) throw error;
    throw signal.aborted
      ? signal.reason
      : new ConnectElementsError(
          'endpoint_network_error',
          `The answer of the endpoint ${url} was cut off.`,
        );
  }
}

/** The client secret of a host-endpoint answer: `client_secret`, or `clientSecret`. */
export function readClientSecret(answer: unknown, url: string): string {
  const record = (answer ?? {}) as Record<string, unknown>;
  const secret = record['client_secret'] ?? record['clientSecret'];
  if (typeof answer !== 'object' || typeof secret !== 'string' || secret === '') {
    throw new ConnectElementsError(
      'endpoint_invalid_response',
      `The answer of the endpoint ${url} has no string client_secret.`,
    );
  }
  return secret;
}

/** Whether `error` ends a request that its owner cancelled, and should pass quietly. */
export const isCancelled = (error: unknown, signal: AbortSignal): boolean =>
  isAbort(error) || (signal.aborted && error === signal.reason);
