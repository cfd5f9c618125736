/**
 * The request pipeline both handlers share: method, origin, body, who is asking, the Stripe call,
 * and the answer for each way it can end.
 */
import {
  reportFailure,
  type EndpointErrorListener,
  type EndpointName,
  type FailureStage,
} from './error-reporting.js';
import {
  ANSWER_MESSAGES,
  bodyRefusal,
  errorAnswer,
  jsonAnswer,
  toResponse,
  type Answer,
} from './json-answer.js';
import { createOriginPolicy } from './origin-policy.js';
import {
  isJsonContentType,
  parseJsonObject,
  readBodyWithinLimit,
  type JsonObject,
} from './request-body.js';
import { stripeFailureAnswer } from './stripe-failure.js';

/** A Fetch-API handler: Node 20+, Next.js route handlers, Workers, Deno, Bun. */
export type FetchHandler = (request: Request) => Promise<Response>;

/**
 * The pipeline behind a handler of this package, for `toNodeHandler`: it answers a `Request`
 * whose body the adapter has already read (`body`) with a plain {@link Answer}, so the Node path
 * makes no body stream and no `Response`.
 */
export const answerWithBody = Symbol('connect-elements/answer-with-body');

/** A handler of this package: a {@link FetchHandler} with its pipeline under {@link answerWithBody}. */
export type SessionHandler = FetchHandler & {
  [answerWithBody]: (request: Request, body: Uint8Array, gone: () => boolean) => Promise<Answer>;
};

/** The body of a `200` answer. */
export interface SessionAnswer {
  client_secret: string;
  [field: string]: unknown;
}

/** The Stripe parameters a request asks for, or why it is refused before reaching Stripe. */
export type SessionPlan<Params> =
  { params: Params } | { refusal: { status: 400 | 403; message: string } };

/** The longest wait `setTimeout` can keep: 2³¹ − 1 ms. */
export const MAX_TIMEOUT_MS = 2_147_483_647;

/** How long a handler waits for Stripe by default: 10 s. */
export const DEFAULT_STRIPE_TIMEOUT_MS = 10_000;

/** The options of one Stripe call: stripe-node's per-request `timeout`. */
export interface StripeCallOptions {
  timeout: number;
}

/** What makes one endpoint different from the other. */
export interface SessionEndpointDefinition<Principal, Params> {
  endpoint: EndpointName;
  allowedOrigins?: readonly string[] | undefined;
  onError?: EndpointErrorListener | undefined;
  /** Milliseconds the Stripe call may take; {@link DEFAULT_STRIPE_TIMEOUT_MS} when not given. */
  stripeTimeout?: number | undefined;
  /** Who is asking, or `null` when nobody is signed in (401). Throwing answers 500. */
  authenticate(request: Request): Promise<Principal | null>;
  /** The Stripe parameters for this body and principal, or a refusal. */
  planSession(body: JsonObject, principal: Principal): SessionPlan<Params>;
  /** Calls Stripe, passing `options` on, and picks the answer's fields. Throwing answers 502. */
  createSession(params: Params, options: StripeCallOptions): Promise<{ client_secret?: unknown }>;
}

/** Throws a `TypeError` naming `option` unless `value` is a number of ms `setTimeout` can wait. */
export function checkTimeout(value: number | undefined, option: string): void {
  if (
    value !== undefined &&
    !(typeof value === 'number' && value >= 1 && value <= MAX_TIMEOUT_MS)
  ) {
    throw new TypeError(`${option} must be a number of milliseconds from 1 to ${MAX_TIMEOUT_MS}.`);
  }
}

/** A Fetch handler running `definition` through the shared pipeline. */
export function createSessionEndpoint<Principal, Params>(
  definition: SessionEndpointDefinition<Principal, Params>,
): SessionHandler {
  const originAllowed = createOriginPolicy(definition.allowedOrigins);
  checkTimeout(definition.stripeTimeout, `${definition.endpoint} handler: stripeTimeout`);
  const stripeTimeout = definition.stripeTimeout ?? DEFAULT_STRIPE_TIMEOUT_MS;

  /**
   * The answer to `request`, whose body is `preRead` when the adapter read it already; `gone`
   * tells whether the client went away (by default, whether the request's signal aborted).
   */
  const answer = async (
    request: Request,
    preRead?: Uint8Array,
    gone = () => request.signal.aborted,
  ): Promise<Answer> => {
    const fail = (thrown: unknown, stage: FailureStage, answer: Answer): Answer => {
      reportFailure(definition.onError, thrown, {
        endpoint: definition.endpoint,
        stage,
        status: answer.status,
        method: request.method,
        path: pathOf(request),
      });
      return answer;
    };

    try {
      if (request.method !== 'POST') {
        return errorAnswer(405, ANSWER_MESSAGES.methodNotAllowed, {}, { Allow: 'POST' });
      }
      if (!originAllowed(request)) return errorAnswer(403, ANSWER_MESSAGES.originNotAllowed);
      // Only a JSON body: anything else (a cross-site form post, text/plain) would be a "simple"
      // request that a browser sends with the user's cookies and no CORS preflight.
      if (!isJsonContentType(request.headers.get('content-type'))) {
        return errorAnswer(415, ANSWER_MESSAGES.unsupportedMediaType);
      }

      let bytes = preRead;
      if (!bytes) {
        const read = await readBodyWithinLimit(request);
        if (!read.ok) return bodyRefusal(read.reason);
        bytes = read.bytes;
      }
      const body = parseJsonObject(bytes);
      if (!body) return errorAnswer(400, ANSWER_MESSAGES.bodyNotJson);

      let principal: Principal | null;
      try {
        principal = await definition.authenticate(request);
      } catch (error) {
        return fail(error, 'authentication', errorAnswer(500, ANSWER_MESSAGES.internal));
      }
      if (principal === null) return errorAnswer(401, ANSWER_MESSAGES.unauthenticated);

      const plan = definition.planSession(body, principal);
      if ('refusal' in plan) return errorAnswer(plan.refusal.status, plan.refusal.message);
      // A client that went away while it was authenticated gets no session made for nobody.
      if (gone()) return errorAnswer(499, ANSWER_MESSAGES.clientGone);

      let session: { client_secret?: unknown };
      try {
        session = await withinDeadline(
          definition.createSession(plan.params, { timeout: stripeTimeout }),
          stripeTimeout,
        );
        if (typeof session.client_secret !== 'string' || session.client_secret === '') {
          throw new Error('Stripe answered without a client_secret.');
        }
      } catch (error) {
        return fail(error, 'stripe', stripeFailureAnswer(error));
      }
      return jsonAnswer(200, session);
    } catch (error) {
      return fail(error, 'internal', errorAnswer(500, ANSWER_MESSAGES.internal));
    }
  };
  const handler = async (request: Request) => toResponse(await answer(request));
  return Object.assign(handler, { [answerWithBody]: answer });
}

/** What `onError` gets when Stripe did not answer within the handler's `stripeTimeout`. */
class StripeTimeoutError extends Error {
  constructor(ms: number) {
    super(`Stripe did not answer within ${ms} ms (the handler's stripeTimeout).`);
    this.name = 'StripeTimeoutError';
  }
}

/**
 * `call`, or a rejection once `ms` have passed. stripe-node's per-request `timeout` bounds each
 * attempt; this bounds the whole call, retries included, so the answer is never later than that.
 */
function withinDeadline<T>(call: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new StripeTimeoutError(ms)), ms);
  });
  call.catch(() => {}); // a late failure, after the deadline answered, is nobody's to handle
  return Promise.race([call, deadline]).finally(() => clearTimeout(timer));
}

/** The request's path for reports, never its query string (which may carry tokens). */
function pathOf(request: Request): string {
  try {
    return new URL(request.url).pathname;
  } catch {
    return '/';
  }
}
