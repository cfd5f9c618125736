/**
 * A local stand-in for api.stripe.com that the OFFICIAL `stripe` client is pointed at: it records
 * the form-encoded requests the SDK sends and answers with realistic objects, or with the error,
 * or the silence, a test asks for.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { SECRET_KEY, rememberSecret } from './leak-ledger.js';

export interface RecordedStripeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The form parameters in the order sent, e.g. `['components[payments][enabled]', 'true']`. */
  params: [string, string][];
}

/** A planned answer: an HTTP status and JSON body, or no answer at all. */
export type PlannedAnswer = { status: number; body: unknown } | 'no-answer';

export interface StripeApiDouble {
  readonly port: number;
  readonly requests: RecordedStripeRequest[];
  /** The answer to the next request, instead of the realistic success. */
  answerNext(answer: PlannedAnswer): void;
  /** Stored Financial Connections Sessions, to add linked accounts to. */
  readonly sessions: Map<string, Record<string, unknown>>;
  /** A `stripe` client talking to this double. */
  client(timeoutMs?: number): Stripe;
  close(): Promise<void>;
}

const token = (length: number) =>
  randomBytes(length)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, length)
    .padEnd(length, 'x');

/** Stripe's own error bodies for the statuses the suite plays. */
export const STRIPE_ERRORS = {
  400: {
    status: 400,
    body: {
      error: {
        type: 'invalid_request_error',
        code: 'parameter_unknown',
        message: 'Received unknown parameter: components[paymentz]',
        param: 'components[paymentz]',
        doc_url: 'https://stripe.com/docs/error-codes/parameter-unknown',
      },
    },
  },
  // Real Stripe masks the key; this double echoes it whole to prove the endpoint scrubs it.
  401: {
    status: 401,
    body: {
      error: { type: 'invalid_request_error', message: `Invalid API Key provided: ${SECRET_KEY}` },
    },
  },
  429: {
    status: 429,
    body: {
      error: {
        type: 'invalid_request_error',
        code: 'rate_limit',
        message:
          'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
      },
    },
  },
  500: {
    status: 500,
    body: { error: { type: 'api_error', message: 'An unknown error occurred on our side.' } },
  },
} as const;

/** Parses `a[b][0]=x` form parameters into nested objects and arrays. */
export function parseForm(params: readonly [string, string][]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of params) {
    const path = key.replace(/\]/g, '').split('[');
    let node: Record<string, unknown> = root;
    path.forEach((segment, index) => {
      if (index === path.length - 1) {
        node[segment] = value === 'true' ? true : value === 'false' ? false : value;
      } else {
        node[segment] ??= /^\d+$/.test(path[index + 1]!) ? [] : {};
        node = node[segment] as Record<string, unknown>;
      }
    });
  }
  return root;
}

const ACCOUNTS_URL = '/v1/financial_connections/accounts';

type AccountList = { data: Array<{ id: string }> };

const accountPage = (data: AccountList['data'], start: number, limit: number) => ({
  object: 'list',
  data: data.slice(start, start + limit),
  has_more: data.length > start + limit,
  url: ACCOUNTS_URL,
});

/** Starts the double on a free port of 127.0.0.1. */
export async function startStripeApiDouble(): Promise<StripeApiDouble> {
  const requests: RecordedStripeRequest[] = [];
  const planned: PlannedAnswer[] = [];
  const sessions = new Map<string, Record<string, unknown>>();
  let requestCount = 0;

  const answer = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, {
      'Content-Type': 'application/json',
      'Request-Id': `req_double${++requestCount}x${token(8)}`,
      // The version the client asked for, as Stripe answers (older releases have no API_VERSION).
      'Stripe-Version': String(response.req.headers['stripe-version'] ?? Stripe.API_VERSION),
    });
    response.end(JSON.stringify(body));
  };

  const server = createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const params = [...new URLSearchParams(request.method === 'GET' ? url.search : text)];
      requests.push({
        method: request.method ?? '',
        path: url.pathname,
        headers: request.headers,
        params,
      });

      const plan = planned.shift();
      if (plan === 'no-answer') return;
      if (plan) return answer(response, plan.status, plan.body);
      if (request.headers.authorization !== `Bearer ${SECRET_KEY}`) {
        return answer(response, 401, STRIPE_ERRORS[401].body);
      }
      const form = parseForm(params);
      const now = Math.floor(Date.now() / 1000);

      if (request.method === 'POST' && url.pathname === '/v1/account_sessions') {
        const secret = `accs_secret__${token(40)}`;
        rememberSecret(secret);
        return answer(response, 200, {
          object: 'account_session',
          account: form.account,
          client_secret: secret,
          components: form.components,
          expires_at: now + 1800,
          livemode: false,
        });
      }
      if (request.method === 'POST' && url.pathname === '/v1/financial_connections/sessions') {
        const id = `fcsess_${token(24)}`;
        const secret = `fcsess_client_secret_${token(24)}`;
        rememberSecret(secret);
        const session = {
          id,
          object: 'financial_connections.session',
          account_holder: form.account_holder,
          accounts: {
            object: 'list',
            data: [],
            has_more: false,
            url: ACCOUNTS_URL,
          },
          client_secret: secret,
          filters: form.filters,
          livemode: false,
          permissions: form.permissions,
          prefetch: form.prefetch ?? null,
          return_url: form.return_url,
        };
        sessions.set(id, session);
        return answer(response, 200, session);
      }
      const retrieved = /^\/v1\/financial_connections\/sessions\/([^/]+)$/.exec(url.pathname);
      if (request.method === 'GET' && retrieved && sessions.has(retrieved[1]!)) {
        // Stripe carries the first page of a session's accounts (10) and lists the rest.
        const session = sessions.get(retrieved[1]!)!;
        const { data } = session.accounts as AccountList;
        return answer(response, 200, { ...session, accounts: accountPage(data, 0, 10) });
      }
      const listed = sessions.get(String(form.session)) as { accounts: AccountList } | undefined;
      if (request.method === 'GET' && url.pathname === ACCOUNTS_URL && listed) {
        const { data } = listed.accounts;
        const start = data.findIndex((account) => account.id === form.starting_after) + 1;
        return answer(response, 200, accountPage(data, start, Number(form.limit ?? 10)));
      }
      answer(response, 404, {
        error: {
          type: 'invalid_request_error',
          code: 'resource_missing',
          message: `Unrecognized request URL (${request.method}: ${url.pathname}).`,
        },
      });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    port,
    requests,
    sessions,
    answerNext: (plan) => planned.push(plan),
    client: (timeoutMs = 5000) =>
      new Stripe(SECRET_KEY, {
        host: '127.0.0.1',
        port,
        protocol: 'http',
        maxNetworkRetries: 0,
        timeout: timeoutMs,
        telemetry: false,
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
