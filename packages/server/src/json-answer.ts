/** JSON answers of the endpoint. Every one is `no-store`: none may be cached by anyone. */

const BASE_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
} as const;

/** A JSON answer with `Cache-Control: no-store`. */
export function jsonAnswer(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...BASE_HEADERS, ...headers } });
}

/** The body of every error answer: `{error: {message, …details}}`. */
export interface ErrorAnswerBody {
  error: { message: string; request_id?: string };
}

/** An error answer `{error: {message, …details}}`. */
export function errorAnswer(
  status: number,
  message: string,
  details: Omit<ErrorAnswerBody['error'], 'message'> = {},
  headers: Record<string, string> = {},
): Response {
  const body: ErrorAnswerBody = { error: { message, ...details } };
  return jsonAnswer(status, body, headers);
}

/** The `400` for a request body that was over the limit or could not be read. */
export function bodyRefusal(
  reason: 'too_large' | 'unreadable',
  headers: Record<string, string> = {},
): Response {
  const message =
    reason === 'too_large' ? ANSWER_MESSAGES.bodyTooLarge : ANSWER_MESSAGES.bodyUnreadable;
  return errorAnswer(400, message, {}, headers);
}

/** The messages of the endpoint's error answers; generic on purpose. */
export const ANSWER_MESSAGES = {
  methodNotAllowed: 'This endpoint only answers POST requests.',
  originNotAllowed: 'Requests from this origin are not allowed.',
  bodyTooLarge: 'The request body is larger than 16 KiB.',
  bodyNotJson: 'The request body must be a JSON object.',
  bodyUnreadable: 'The request body could not be read.',
  componentsInvalid: 'The "components" field must be an array of component names.',
  noComponentAllowed: 'None of the requested components is enabled on this endpoint.',
  unauthenticated: 'Sign in to continue.',
  internal: 'The server could not handle this request.',
  stripeFailed: 'Stripe could not create the session. Try again later.',
} as const;
