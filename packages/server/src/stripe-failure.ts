import { ANSWER_MESSAGES, errorAnswer, type Answer } from './json-answer.js';

const REQUEST_ID = /^req_[A-Za-z0-9]{1,64}$/;

/** Stripe's request id (`req_…`) of a failed Stripe call, if Stripe answered at all. */
export function stripeRequestIdOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  let requestId: unknown;
  try {
    requestId = (error as { requestId?: unknown }).requestId;
  } catch {
    return undefined; // a hostile error object: still a 502, just without the id
  }
  return typeof requestId === 'string' && REQUEST_ID.test(requestId) ? requestId : undefined;
}

/**
 * The answer when the Stripe call failed in any way — an error answer from Stripe (400, 401,
 * 429, 500, …), a timeout, a connection error: `502` with a generic message and Stripe's request
 * id, never Stripe's own message (it may name the account or echo a parameter).
 */
export function stripeFailureAnswer(error: unknown): Answer {
  const requestId = stripeRequestIdOf(error);
  return errorAnswer(502, ANSWER_MESSAGES.stripeFailed, requestId ? { request_id: requestId } : {});
}
