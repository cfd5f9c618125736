/**
 * The child processes of the server-overhead bench (`endpoint-overhead.ts`), so the load generator,
 * the routes under test and Stripe do not share one event loop:
 *
 * - `stripe-double`: a `node:http` server answering `POST /v1/account_sessions` at once, as
 *   Stripe's API would (an `account_session` object);
 * - `routes PORT`: two servers calling that double through the official `stripe` client (the kit
 *   from its built `dist/`, as a server runs it, not from the sources through tsx):
 *   `createAccountSessionHandler` behind `toNodeHandler`, and a minimal hand-written `node:http`
 *   route making the same `accountSessions.create` call.
 *
 * Each sends `{ports: {...}}` to its parent over IPC once it listens, answers `'cpu'` with
 * `{cpu: process.cpuUsage()}`, and closes when the parent disconnects.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { createAccountSessionHandler, toNodeHandler } from '@connect-elements/server';

export const BENCH_ACCOUNT = 'acct_1BenchOverhead';
export const BENCH_COMPONENTS = { account_onboarding: { enabled: true } } as const;

const listen = async (server: ReturnType<typeof createServer>): Promise<number> => {
  // A backlog large enough for 200 connections opened at once.
  await new Promise<void>((resolve) =>
    server.listen({ port: 0, host: '127.0.0.1', backlog: 1024 }, resolve),
  );
  return (server.address() as AddressInfo).port;
};

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

let issued = 0;

/** Stripe's API, answering every account session at once. */
function stripeDouble() {
  return createServer((request, response) => {
    void readBody(request).then(() => {
      if (request.method !== 'POST' || request.url !== '/v1/account_sessions') {
        response.writeHead(404, { 'Content-Type': 'application/json' });
        response.end('{"error":{"type":"invalid_request_error","message":"not found"}}');
        return;
      }
      const created = Math.floor(Date.now() / 1000);
      response.writeHead(200, { 'Content-Type': 'application/json', 'Request-Id': 'req_bench' });
      response.end(
        JSON.stringify({
          object: 'account_session',
          account: BENCH_ACCOUNT,
          client_secret: `accs_secret__bench${++issued}`,
          expires_at: created + 1800,
          livemode: false,
          components: BENCH_COMPONENTS,
        }),
      );
    });
  });
}

/** The two routes under test, on one `stripe` client pointed at the double. */
function routes(stripePort: number) {
  const stripe = new Stripe('sk_test_bench_overhead', {
    host: '127.0.0.1',
    port: stripePort,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
  });

  const kit = createServer(
    toNodeHandler(
      createAccountSessionHandler({
        stripe,
        account: () => BENCH_ACCOUNT,
        components: BENCH_COMPONENTS,
      }),
    ),
  );

  // What a developer writes without the kit: check the method, read the JSON body, call Stripe.
  const hand = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST') {
      response.writeHead(405, { Allow: 'POST' });
      response.end();
      return;
    }
    readBody(request)
      .then(async (text) => {
        JSON.parse(text);
        const session = await stripe.accountSessions.create({
          account: BENCH_ACCOUNT,
          components: BENCH_COMPONENTS,
        });
        response.writeHead(200, {
          'Content-Type': 'application/json; charset=utf-8',
          'Cache-Control': 'no-store',
        });
        response.end(
          JSON.stringify({ client_secret: session.client_secret, expires_at: session.expires_at }),
        );
      })
      .catch(() => {
        response.writeHead(502, { 'Content-Type': 'application/json' });
        response.end('{"error":{"message":"Stripe failed"}}');
      });
  });
  return { kit, hand };
}

async function main(): Promise<void> {
  // tsx (which runs this file) turns on source-mapped stack traces; a server in production has
  // them off, and stripe-node reads a stack trace on every call (~50 µs with them on).
  process.setSourceMapsEnabled(false);
  const [role, stripePort] = process.argv.slice(2);
  const servers =
    role === 'stripe-double' ? { stripe: stripeDouble() } : routes(Number(stripePort));
  const ports: Record<string, number> = {};
  for (const [name, server] of Object.entries(servers)) {
    server.keepAliveTimeout = 30_000;
    ports[name] = await listen(server);
  }
  process.send!({ ports });
  // The parent asks for this process's CPU time around each load run (the routes' cost per request).
  process.on('message', (message) => {
    if (message === 'cpu') process.send!({ cpu: process.cpuUsage() });
  });
  process.on('disconnect', () => {
    for (const server of Object.values(servers)) {
      server.closeAllConnections();
      server.close();
    }
  });
}

if (process.send) await main();
