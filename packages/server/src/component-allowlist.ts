/**
 * The server's allowlist of Connect embedded components and how a request narrows it.
 */
import type Stripe from 'stripe';
import { ANSWER_MESSAGES } from './json-answer.js';
import type { JsonObject } from './request-body.js';
import type { SessionPlan } from './session-endpoint.js';

/**
 * The components an AccountSession may enable, with their features — the `stripe` package's own
 * `AccountSessionCreateParams.Components`, so a misspelt component or feature fails to compile.
 * An entry with `enabled: false` is not allowed.
 */
export type ComponentAllowlist = Stripe.AccountSessionCreateParams.Components;

/** A component name of the allowlist, snake_case as in Stripe's API (`account_onboarding`). */
export type ComponentName = keyof ComponentAllowlist;

/** The names the allowlist enables, in its own order. */
export function allowedComponentNames(allowlist: ComponentAllowlist): ComponentName[] {
  return (Object.keys(allowlist) as ComponentName[]).filter((name) => {
    const entry: unknown = allowlist[name];
    return typeof entry === 'object' && entry !== null && allowlist[name]?.enabled !== false;
  });
}

/**
 * The `components` parameter for a request body: the allowlist narrowed to the names the body
 * lists (`{"components": ["payments", …]}`), each `{enabled: true, features}` from the allowlist.
 *
 * - no `components`, or an empty list: the whole allowlist;
 * - names outside the allowlist (or unknown to Stripe) are ignored — a page never widens it;
 * - every name outside the allowlist: refused with 403 and Stripe is not called, rather than
 *   answering with components the page did not ask for or a session that enables nothing;
 * - `components` that is not an array of strings: refused with 400.
 */
export function planComponents(
  allowlist: ComponentAllowlist,
  allowed: readonly ComponentName[],
  body: JsonObject,
): SessionPlan<ComponentAllowlist> {
  const requested = body.components;
  if (
    requested !== undefined &&
    (!Array.isArray(requested) || !requested.every((name) => typeof name === 'string'))
  ) {
    return { refusal: { status: 400, message: ANSWER_MESSAGES.componentsInvalid } };
  }
  const wanted = requested?.length ? new Set<string>(requested) : undefined;
  const names = wanted ? allowed.filter((name) => wanted.has(name)) : allowed;
  if (names.length === 0) {
    return { refusal: { status: 403, message: ANSWER_MESSAGES.noComponentAllowed } };
  }
  const components: ComponentAllowlist = {};
  for (const name of names) {
    const features = allowlist[name]?.features;
    Object.assign(components, {
      [name]: features ? { enabled: true, features } : { enabled: true },
    });
  }
  return { params: components };
}
