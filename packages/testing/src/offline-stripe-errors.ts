/**
 * Errors of the offline Stripe API, built from the real `stripe` package's error classes so code
 * that handles Stripe's errors handles these the same way.
 */
import Stripe from 'stripe';
import { randomToken } from './offline-stripe-ids.js';

/** Stripe's error code for a parameter problem, where Stripe gives one. */
export type ParameterErrorCode =
  | 'parameter_missing'
  | 'parameter_unknown'
  | 'parameter_invalid_empty'
  | 'parameter_invalid_integer'
  | 'parameters_exclusive'
  | 'resource_missing'
  | 'url_invalid';

type InvalidRequestError = Stripe.errors.StripeInvalidRequestError;

/** A `StripeInvalidRequestError` as the API answers it for a bad parameter. */
export function invalidRequest(
  message: string,
  param: string,
  code?: ParameterErrorCode,
  statusCode: 400 | 404 = 400,
): Stripe.errors.StripeInvalidRequestError {
  const requestId = `req_offline${randomToken(14)}`;
  return new Stripe.errors.StripeInvalidRequestError({
    type: 'invalid_request_error',
    message,
    param,
    ...(code && {
      code,
      doc_url: `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}`,
    }),
    statusCode,
    requestId,
    headers: { 'request-id': requestId },
  });
}

/** `Missing required param: <param>.` */
export const missingParam = (param: string): InvalidRequestError =>
  invalidRequest(`Missing required param: ${param}.`, param, 'parameter_missing');

/** Stripe's answer to `''` (or `null`) for a parameter that cannot be unset. */
export const emptyParam = (param: string): InvalidRequestError =>
  invalidRequest(
    `You passed an empty string for '${param}'. We assume empty values are an attempt to unset a parameter; however '${param}' cannot be unset. You should remove '${param}' from your request or supply a non-empty value.`,
    param,
    'parameter_invalid_empty',
  );

/** `You may only specify one of these parameters: a, b.` */
export const exclusiveParams = (params: readonly string[], param: string): InvalidRequestError =>
  invalidRequest(
    `You may only specify one of these parameters: ${params.join(', ')}.`,
    param,
    'parameters_exclusive',
  );

/** `Received unknown parameter: <param>` */
export const unknownParam = (param: string): InvalidRequestError =>
  invalidRequest(`Received unknown parameter: ${param}`, param, 'parameter_unknown');

/** `Invalid <param>: must be one of a, b, or c` */
export const notOneOf = (param: string, values: readonly string[]): InvalidRequestError =>
  invalidRequest(
    `Invalid ${param}: must be one of ${values.slice(0, -1).join(', ')}${values.length > 2 ? ',' : ''} or ${values.at(-1)}`,
    param,
  );

/** `Invalid <kind>` (`Invalid boolean: yes`) for a value of the wrong type. */
export const invalidValue = (
  param: string,
  kind: 'object' | 'array' | 'boolean' | 'string',
  value?: unknown,
): InvalidRequestError =>
  invalidRequest(
    kind === 'boolean' || kind === 'string'
      ? `Invalid ${kind}: ${String(value)}`
      : `Invalid ${kind}`,
    param,
  );
