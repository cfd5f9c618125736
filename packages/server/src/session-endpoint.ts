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
import { ANSWER_MESSAGES, bodyRefusal, errorAnswer, jsonAnswer } from './json-answer.js';
import { createOriginPolicy } from './origin-policy.js';
import { parseJsonObject, readBodyWithinLimit, type JsonObject } from './request-body.js';
import { stripeFailureAnswer } from './stripe-failure.js';

/** A Fetch-API handler: Node 20+, Next.js route handlers, Workers, Deno, Bun. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** The body of a `200` answer. */
export interface SessionAnswer {
  client_secret: string;
  [field: string]: unknown;
}

/** The Stripe parameters a request asks for, or why it is refused before reaching Stripe. */
export type SessionPlan<Params> =
  { params: Params } | { refusal: { status: 400 | 403; message: string } };

/** What makes one endpoint different from the other. */
export interface SessionEndpointDefinition<Principal, Params> {
  endpoint: EndpointName;
  allowedOrigins?: readonly string[] | undefined;
  onError?: EndpointErrorListener | undefined;
  /** Who is asking, or `null` when nobody is signed in (401). Throwing answers 500. */
  authenticate(request: Request): Promise<Principal | null>;
  /** The Stripe parameters for this body and principal, or a refusal. */
  planSession(body: JsonObject, principal: Principal): SessionPlan<Params>;
  /** Calls Stripe and picks the answer's fields. Throwing answers 502. */
  createSession(params: Params): Promise<{ client_secret?: unknown }>;
}

/** A Fetch handler running `definition` through the shared pipeline. */
export function createSessionEndpoint<Principal, Params>(
  definition: SessionEndpointDefinition<Principal, Params>,
): FetchHandler {
  const originAllowed = createOriginPolicy(definition.allowedOrigins);

  return async (request) => {
    const fail = (thrown: unknown, stage: FailureStage, answer: Response): Response => {
      reportFailure(definition.onError, thrown, {
        endpoint: definition.endpoint,
        stage,
        status: answer.status,
        method: request.method,
        path: new URL(request.url).pathname,
      });
      return answer;
    };

    try {
      if (request.method !== 'POST') {
        return errorAnswer(405, ANSWER_MESSAGES.methodNotAllowed, {}, { Allow: 'POST' });
      }
      if (!originAllowed(request)) return errorAnswer(403, ANSWER_MESSAGES.originNotAllowed);

      const read = await readBodyWithinLimit(request);
      if (!read.ok) return bodyRefusal(read.reason);
      const body = parseJsonObject(read.bytes);
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

      let session: { client_secret?: unknown };
      try {
        session = await definition.createSession(plan.params);
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
}
