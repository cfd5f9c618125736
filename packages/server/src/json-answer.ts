/** JSON answers of the endpoint. Every one is `no-store`: none may be cached by anyone. */

const BASE_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
} as const;

/**
 * An answer of the endpoint before it is a `Response`: the Fetch handlers turn it into one, and
 * `toNodeHandler` writes it to `node:http` directly (a `Response` and the stream of its body
 * cost more than the rest of the pipeline).
 */
export interface Answer {
  status: number;
  headers: Readonly<Record<string, string>>;
  /** JSON. */
  body: string;
}

/** A JSON answer with `Cache-Control: no-store`. */
export function jsonAnswer(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Answer {
  return { status, headers: { ...BASE_HEADERS, ...headers }, body: JSON.stringify(body) };
}

/** `answer` as a Fetch `Response`. */
export const toResponse = ({ status, headers, body }: Answer): Response =>
  new Response(body, { status, headers });

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
): Answer {
  const body: ErrorAnswerBody = { error: { message, ...details } };
  return jsonAnswer(status, body, headers);
}

/**
 * The answer for a request body that could not be taken: `413` over the limit, `408` not read
 * within the adapter's deadline, `400` unreadable.
 */
export function bodyRefusal(
  reason: 'too_large' | 'unreadable' | 'timeout',
  headers: Record<string, string> = {},
): Answer {
  const [status, message] = BODY_REFUSALS[reason];
  return errorAnswer(status, message, {}, headers);
}

/** The messages of the endpoint's error answers; generic on purpose. */
export const ANSWER_MESSAGES = {
  methodNotAllowed: 'This endpoint only answers POST requests.',
  originNotAllowed: 'Requests from this origin are not allowed.',
  unsupportedMediaType: 'The request body must be sent as Content-Type: application/json.',
  bodyTooLarge: 'The request body is larger than 16 KiB.',
  bodyTimeout: 'The request body did not arrive in time.',
  bodyNotJson: 'The request body must be a JSON object.',
  bodyUnreadable: 'The request body could not be read.',
  componentsInvalid: 'The "components" field must be an array of component names.',
  noComponentAllowed: 'None of the requested components is enabled on this endpoint.',
  unauthenticated: 'Sign in to continue.',
  internal: 'The server could not handle this request.',
  stripeFailed: 'Stripe could not create the session. Try again later.',
  clientGone: 'The client closed the request before it was answered.',
} as const;

const BODY_REFUSALS = {
  too_large: [413, ANSWER_MESSAGES.bodyTooLarge],
  timeout: [408, ANSWER_MESSAGES.bodyTimeout],
  unreadable: [400, ANSWER_MESSAGES.bodyUnreadable],
} as const;
