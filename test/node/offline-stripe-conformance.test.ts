/**
 * The offline Stripe answers as Stripe's API does. Every case of `./support/conformance-cases.ts`
 * is sent twice: straight to `createOfflineStripe()`, and through the official `stripe` client —
 * whose form encoding turns every value into text — to a local HTTP bridge in front of the same
 * offline Stripe. Both must give Stripe's verdict, and an accepted request must be answered with
 * every field the `stripe` types mark required.
 */
import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import Stripe from 'stripe';
import {
  createOfflineStripe,
  type OfflineStripe,
} from '../../packages/testing/src/offline-stripe.js';
import {
  conformanceCases,
  type ConformanceCase,
  type Operation,
} from './support/conformance-cases.js';

type RequiredKeys<T> = {
  [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? never : K;
}[keyof T];

/** The fields the `stripe` types mark required, checked by the compiler against them. */
const SESSION_FIELDS = Object.keys({
  id: true,
  object: true,
  account_holder: true,
  accounts: true,
  client_secret: true,
  livemode: true,
  permissions: true,
  prefetch: true,
} satisfies Record<RequiredKeys<Stripe.FinancialConnections.Session>, true>);
const LIST_FIELDS = Object.keys({
  object: true,
  data: true,
  has_more: true,
  url: true,
} satisfies Record<RequiredKeys<Stripe.ApiList<Stripe.FinancialConnections.Account>>, true>);
const ACCOUNT_FIELDS = Object.keys({
  id: true,
  object: true,
  account_holder: true,
  account_numbers: true,
  balance: true,
  balance_refresh: true,
  category: true,
  created: true,
  display_name: true,
  institution_name: true,
  last4: true,
  livemode: true,
  ownership: true,
  ownership_refresh: true,
  permissions: true,
  status: true,
  subcategory: true,
  subscriptions: true,
  supported_payment_method_types: true,
  transaction_refresh: true,
} satisfies Record<RequiredKeys<Stripe.FinancialConnections.Account>, true>);
const ACCOUNT_SESSION_FIELDS = Object.keys({
  object: true,
  account: true,
  client_secret: true,
  components: true,
  expires_at: true,
  livemode: true,
} satisfies Record<RequiredKeys<Stripe.AccountSession>, true>);

type Answer = Record<string, unknown>;

function assertFields(answer: unknown, fields: readonly string[], what: string): void {
  const missing = fields.filter((field) => (answer as Answer)[field] === undefined);
  assert.deepEqual(missing, [], `${what} lacks required fields`);
}

/** An accepted answer carries every required field, down to each listed account and component. */
function assertComplete(operation: Operation, answer: Answer): void {
  if (operation === 'accountSessions.create') {
    assertFields(answer, ACCOUNT_SESSION_FIELDS, 'account_session');
    for (const [name, component] of Object.entries(answer.components as Answer)) {
      const { enabled, features } = component as { enabled: unknown; features: Answer };
      assert.equal(typeof enabled, 'boolean', `${name}.enabled`);
      assert.ok(
        Object.values(features).every((flag) => typeof flag === 'boolean'),
        name,
      );
    }
    return;
  }
  const list = operation === 'financialConnections.accounts.list' ? answer : answer.accounts;
  if (list !== answer) assertFields(answer, SESSION_FIELDS, 'financial_connections.session');
  assertFields(list, LIST_FIELDS, 'list');
  for (const account of (list as { data: unknown[] }).data) {
    assertFields(account, ACCOUNT_FIELDS, 'financial_connections.account');
  }
}

/** `answer` without what differs between two requests: new ids, secrets and the second. */
const comparable = (answer: unknown): unknown =>
  JSON.parse(JSON.stringify(answer), (key, value: unknown) =>
    key === 'id' || key === 'client_secret' || key === 'expires_at' ? '…' : value,
  );

type Client = Pick<OfflineStripe, 'accountSessions' | 'financialConnections'>;

function send(
  client: Client | Stripe,
  { operation, params, id }: ConformanceCase,
): Promise<unknown> {
  const { accountSessions, financialConnections } = client as Client;
  switch (operation) {
    case 'accountSessions.create':
      return accountSessions.create(params as never);
    case 'financialConnections.sessions.create':
      return financialConnections.sessions.create(params as never);
    case 'financialConnections.sessions.retrieve':
      return financialConnections.sessions.retrieve(id!, params as never);
    case 'financialConnections.accounts.list':
      return financialConnections.accounts.list(params as never);
  }
}

/** `a[b][0]=x` pairs as Stripe reads them: nested dictionaries of text. */
function decodeForm(text: string): Answer {
  const root: Answer = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const path = key.split('[').map((segment) => segment.replace(/\]$/, ''));
    const node = path
      .slice(0, -1)
      .reduce((parent, segment) => (parent[segment] ??= {}) as Answer, root);
    node[path.at(-1)!] = value;
  }
  return root;
}

/** The offline Stripe's answer to one HTTP request of the official client. */
function answerOver(offline: OfflineStripe, method: string, path: string, params: Answer) {
  const retrieved = /^\/v1\/financial_connections\/sessions\/([^/]+)$/.exec(path);
  const operation: Operation | undefined =
    method === 'POST' && path === '/v1/account_sessions'
      ? 'accountSessions.create'
      : method === 'POST' && path === '/v1/financial_connections/sessions'
        ? 'financialConnections.sessions.create'
        : method === 'GET' && path === '/v1/financial_connections/accounts'
          ? 'financialConnections.accounts.list'
          : method === 'GET' && retrieved
            ? 'financialConnections.sessions.retrieve'
            : undefined;
  if (!operation) throw new Error(`No route for ${method} ${path}`);
  const id = retrieved ? decodeURIComponent(retrieved[1]!) : undefined;
  return send(offline, { operation, params, id, what: '', verdict: 'accepted' });
}

function answerJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': 'req_bridge' });
  response.end(JSON.stringify(body));
}

const offline = createOfflineStripe();
const holder = { type: 'customer', customer: 'cus_Conform0001' } as const;
const session = await offline.financialConnections.sessions.create({
  account_holder: holder,
  permissions: ['balances'],
});
const [first, , last] = offline.linkAccounts(session.id, [{}, {}, {}]);
const cases = conformanceCases(
  { session: session.id, firstAccount: first!.id, lastAccount: last!.id },
  (actual, expected) => assert.deepEqual(actual, expected),
);

describe(`the offline Stripe agrees with Stripe's API on ${cases.length} requests`, () => {
  let stripe: Stripe;
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const params = decodeForm(request.method === 'GET' ? url.search.slice(1) : body);
      Promise.resolve()
        .then(() => answerOver(offline, request.method ?? '', url.pathname, params))
        .then(
          (answer) => answerJson(response, 200, answer),
          (error: Stripe.errors.StripeError) =>
            answerJson(response, error.statusCode ?? 500, {
              error: {
                type: error.rawType,
                code: error.code,
                param: error.param,
                message: error.message,
              },
            }),
        );
    });
  });

  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stripe = new Stripe('sk_test_conformance', {
      host: '127.0.0.1',
      port: (server.address() as AddressInfo).port,
      protocol: 'http',
      maxNetworkRetries: 0,
      telemetry: false,
    });
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('has accepted and refused requests of every operation', () => {
    const operations = new Set(cases.map((each) => each.operation));
    assert.equal(operations.size, 4);
    for (const operation of operations) {
      const own = cases.filter((each) => each.operation === operation);
      assert.ok(
        own.some((each) => each.verdict === 'accepted'),
        operation,
      );
      assert.ok(
        own.some((each) => each.verdict !== 'accepted'),
        operation,
      );
    }
    // A floor, so that cases are not lost unnoticed.
    assert.ok(cases.length >= 245, `${cases.length} cases`);
  });

  for (const each of cases) {
    const { operation, what, verdict } = each;
    const title =
      verdict === 'accepted'
        ? `${operation} accepts ${what}`
        : `${operation} refuses ${what} (${verdict.status ?? 400}, ${verdict.param})`;
    it(title, async () => {
      if (verdict === 'accepted') {
        const direct = (await send(offline, each)) as unknown as Answer;
        const wire = (await send(stripe, each)) as unknown as Answer;
        for (const answer of [direct, wire]) {
          assertComplete(operation, answer);
          each.shows?.(answer);
        }
        assert.deepEqual(comparable(wire), comparable(direct));
        return;
      }
      for (const client of [offline, stripe]) {
        await assert.rejects(
          Promise.resolve().then(() => send(client, each)),
          (error: unknown) => {
            assert.ok(error instanceof Stripe.errors.StripeInvalidRequestError, String(error));
            assert.equal(error.param, verdict.param, error.message);
            assert.equal(error.statusCode, verdict.status ?? 400);
            if (verdict.code) assert.equal(error.code, verdict.code, error.message);
            if (verdict.message) assert.match(error.message, verdict.message);
            return true;
          },
        );
      }
    });
  }
});
