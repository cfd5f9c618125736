import { postJson, type EndpointOptions } from './endpoint-request.js';
import { asConnectElementsError, ConnectElementsError } from './errors.js';

/** What a setting extra's value builder needs of the element it builds for. */
export interface SettingExtraHost {
  /** How the element's session asks endpoints (credentials, headers, timeout). */
  requestOptions(): EndpointOptions;
  /** Reports a failure as the element's `ce-error`. */
  fail(error: ConnectElementsError): void;
}

type EphemeralKey = { issuingCard: string; nonce: string; ephemeralKeySecret: string };

/**
 * `fetchEphemeralKey` of Stripe's issuing components, on the endpoint at `url`: POST
 * `{issuingCard, nonce}`, answered with `{issuingCard, nonce, ephemeralKeySecret}`. A failure is
 * the element's `ce-error`, and Stripe is told by the rejection.
 */
export function ephemeralKeyFetcher(url: string, host: SettingExtraHost) {
  return async (params: { issuingCard: string; nonce: string }): Promise<EphemeralKey> => {
    try {
      const answer = (await postJson(
        url,
        params,
        host.requestOptions(),
      )) as Partial<EphemeralKey> | null;
      if (typeof answer?.ephemeralKeySecret !== 'string') {
        throw new ConnectElementsError(
          'endpoint_invalid_response',
          `The answer of the endpoint ${url} has no string ephemeralKeySecret.`,
        );
      }
      return answer as EphemeralKey;
    } catch (error) {
      const failure = asConnectElementsError(error, 'endpoint_network_error');
      host.fail(failure);
      throw failure;
    }
  };
}
