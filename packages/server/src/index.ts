/**
 * `@connect-elements/server`: the host endpoint of Connect Elements — Fetch-API handlers that
 * create AccountSessions and Financial Connections Sessions with the official `stripe` package,
 * an adapter for `node:http` / Express, and a server-side check of linked bank accounts.
 */
export {
  createAccountSessionHandler,
  type AccountResolver,
  type AccountSessionHandlerOptions,
  type ComponentAllowlistResolver,
} from './account-session-handler.js';
export {
  createFinancialConnectionsSessionHandler,
  type AccountHolderResolver,
  type FinancialConnectionsSessionHandlerOptions,
} from './financial-connections-session-handler.js';
export {
  AccountHolderMismatchError,
  DEFAULT_MAX_ACCOUNT_PAGES,
  retrieveFinancialConnectionsSession,
  type FinancialConnectionsRetrievalOptions,
} from './financial-connections-retrieval.js';
export {
  DEFAULT_BODY_TIMEOUT_MS,
  toNodeHandler,
  type NodeHandler,
  type NodeHandlerOptions,
  type NodeNext,
  type NodeRequest,
} from './node-adapter.js';
export {
  STRIPE_CONNECT_CSP,
  STRIPE_JS_CSP,
  TRUSTED_TYPES_POLICY,
  stripeContentSecurityPolicy,
  stripeCspDirectives,
  type CspDirectives,
  type StripeCspOptions,
} from './content-security-policy.js';
export type { FinancialConnectionsAccountHolder } from './account-holder.js';
export type { ComponentAllowlist, ComponentName } from './component-allowlist.js';
export type {
  EndpointErrorContext,
  EndpointErrorListener,
  EndpointName,
  FailureStage,
} from './error-reporting.js';
export type { ErrorAnswerBody } from './json-answer.js';
export { BODY_LIMIT_BYTES } from './request-body.js';
export { SanitizedError } from './sanitized-error.js';
export { scrubSecrets } from './secret-scrubbing.js';
export {
  DEFAULT_STRIPE_TIMEOUT_MS,
  type FetchHandler,
  type SessionAnswer,
  type StripeCallOptions,
} from './session-endpoint.js';
export type {
  AccountSessionStripeClient,
  FinancialConnectionsRetrievalStripeClient,
  FinancialConnectionsSessionStripeClient,
} from './stripe-client.js';
