import { ConnectElementsError, describeThrown } from './errors.js';
import { postJson, readClientSecret, type EndpointOptions } from './endpoint-request.js';

/** Where a client secret comes from: the host endpoint, or the page's own function. */
export interface ClientSecretSource extends EndpointOptions {
  endpoint?: string | undefined;
  fetchClientSecret?: (() => Promise<string>) | undefined;
}

/**
 * Fetches AccountSession client secrets: one request per call, calls made while one is in flight
 * share it, and nothing is kept once it settles (Connect asks again when a session expires, and
 * that must reach the endpoint).
 */
export class ClientSecretFetcher {
  private inFlight: Promise<string> | undefined;

  constructor(
    private readonly source: () => ClientSecretSource,
    /** The snake_case names of the components the secret is for. */
    private readonly components: () => string[],
  ) {}

  fetch(): Promise<string> {
    this.inFlight ??= this.request().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async request(): Promise<string> {
    const source = this.source();
    const { endpoint, fetchClientSecret } = source;
    if (fetchClientSecret) return fetchedClientSecret(fetchClientSecret);
    const url = endpoint!;
    const answer = await postJson(url, { components: this.components() }, source);
    return readClientSecret(answer, url);
  }
}

/**
 * The client secret the page's own `fetchClientSecret` resolves to; a failure, or anything but a
 * non-empty string, as the `ce-error` an endpoint failing the same way would be.
 */
export async function fetchedClientSecret(
  fetchClientSecret: () => Promise<string>,
): Promise<string> {
  let secret: unknown;
  try {
    secret = await fetchClientSecret();
  } catch (error) {
    throw new ConnectElementsError(
      'endpoint_network_error',
      `fetchClientSecret failed: ${describeThrown(error)}`,
    );
  }
  if (typeof secret !== 'string' || !secret) {
    throw new ConnectElementsError(
      'endpoint_invalid_response',
      'fetchClientSecret did not resolve to a string client secret.',
    );
  }
  return secret;
}
