/**
 * Server overhead: requests per second and p99 latency of `createAccountSessionHandler` behind
 * `toNodeHandler`, against a minimal hand-written `node:http` route making the same Stripe call,
 * both calling one local Stripe double that answers at once (`endpoint-servers.ts`), loaded by
 * `autocannon` with 200 connections. The routes and the double run in child processes; runs of the
 * two routes alternate, and hand-vs-hand runs in the same loop measure the setup's own noise.
 * Beside throughput, the routes' process reports its CPU time per request, which does not depend on
 * how the three processes share the machine's cores.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { median, quantile, round } from './stats.js';

const SERVERS = fileURLToPath(new URL('./endpoint-servers.ts', import.meta.url));

export interface LoadRun {
  requestsPerSecond: number;
  /** p99 of every 2xx response's latency, from autocannon's per-response times (not its 1 ms histogram). */
  p99Ms: number;
  non2xx: number;
  errors: number;
  /** CPU time (user + system) of the routes' process per request: what the load costs the server. */
  cpuMicrosPerRequest: number;
}

export interface OverheadRow {
  connections: number;
  seconds: number;
  rounds: number;
  kit: { requestsPerSecond: number; p99Ms: number; cpuMicrosPerRequest: number };
  hand: { requestsPerSecond: number; p99Ms: number; cpuMicrosPerRequest: number };
  /** Median over the rounds of kit/hand requests per second. */
  throughputRatio: number;
  /** Median over the rounds of kit p99 − hand p99. */
  addedP99Ms: number;
  /** Median over the rounds of kit − hand CPU µs per request in the routes' process. */
  addedCpuMicros: number;
  /** The same figures for hand vs hand runs in the same loop. */
  noise: { throughputRatio: number; addedP99Ms: number; addedCpuMicros: number };
  failures: number;
}

async function start(
  args: string[],
): Promise<{ child: ChildProcess; ports: Record<string, number> }> {
  const child = fork(SERVERS, args, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ports = await new Promise<Record<string, number>>((resolve, reject) => {
    child.once('message', (message) =>
      resolve((message as { ports: Record<string, number> }).ports),
    );
    child.once('exit', (code) => reject(new Error(`bench server ${args[0]} exited with ${code}`)));
  });
  return { child, ports };
}

/** The CPU time the child has used so far, in µs. */
const cpuOf = (child: ChildProcess): Promise<number> =>
  new Promise((resolve) => {
    const answer = (message: unknown) => {
      const { cpu } = message as { cpu?: NodeJS.CpuUsage };
      if (!cpu) return;
      child.off('message', answer);
      resolve(cpu.user + cpu.system);
    };
    child.on('message', answer);
    child.send('cpu');
  });

async function load(
  routes: ChildProcess,
  port: number,
  connections: number,
  seconds: number,
): Promise<LoadRun> {
  const times: number[] = [];
  const cpuBefore = await cpuOf(routes);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}/api/account-session`,
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ components: ['account_onboarding'] }),
        connections,
        duration: seconds,
      },
      (error, result) => (error ? reject(error as Error) : resolve(result)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
    });
  });
  const cpu = (await cpuOf(routes)) - cpuBefore;
  return {
    cpuMicrosPerRequest: cpu / Math.max(1, result.requests.total),
    requestsPerSecond: result.requests.total / seconds,
    p99Ms: quantile(times, 0.99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Medians of one route's runs. */
const summary = (runs: LoadRun[]): OverheadRow['kit'] => ({
  requestsPerSecond: round(median(runs.map((run) => run.requestsPerSecond)), 0),
  p99Ms: round(median(runs.map((run) => run.p99Ms)), 2),
  cpuMicrosPerRequest: round(median(runs.map((run) => run.cpuMicrosPerRequest)), 0),
});

/** Medians over the rounds of each pair's first run against its second. */
const comparison = (pairs: Array<[LoadRun, LoadRun]>): OverheadRow['noise'] => ({
  throughputRatio: round(
    median(pairs.map(([a, b]) => a.requestsPerSecond / b.requestsPerSecond)),
    3,
  ),
  addedP99Ms: round(median(pairs.map(([a, b]) => a.p99Ms - b.p99Ms)), 2),
  addedCpuMicros: round(
    median(pairs.map(([a, b]) => a.cpuMicrosPerRequest - b.cpuMicrosPerRequest)),
    0,
  ),
});

export async function endpointOverhead(
  options: { connections?: number; seconds?: number; rounds?: number } = {},
): Promise<OverheadRow> {
  const { connections = 200, seconds = 2, rounds = 4 } = options;
  const double = await start(['stripe-double']);
  const routes = await start(['routes', String(double.ports['stripe'])]);
  try {
    const kitPort = routes.ports['kit']!;
    const handPort = routes.ports['hand']!;
    const run = (port: number, duration: number) => load(routes.child, port, connections, duration);
    // Warm both routes (JIT, the stripe client's keep-alive pool) before anything is kept.
    await run(kitPort, 1);
    await run(handPort, 1);
    const pairs: Array<[kit: LoadRun, hand: LoadRun]> = [];
    const noise: Array<[LoadRun, LoadRun]> = [];
    for (let round = 0; round < rounds; round += 1) {
      const first = round % 2 === 0;
      const kit = first ? await run(kitPort, seconds) : undefined;
      const hand = await run(handPort, seconds);
      pairs.push([kit ?? (await run(kitPort, seconds)), hand]);
      const a = await run(handPort, seconds);
      const b = await run(handPort, seconds);
      noise.push(first ? [a, b] : [b, a]);
    }
    return {
      connections,
      seconds,
      rounds,
      kit: summary(pairs.map(([kit]) => kit)),
      hand: summary(pairs.map(([, hand]) => hand)),
      ...comparison(pairs),
      noise: comparison(noise),
      failures: [...pairs, ...noise].flat().reduce((sum, one) => sum + one.non2xx + one.errors, 0),
    };
  } finally {
    routes.child.disconnect();
    double.child.disconnect();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await endpointOverhead(), null, 2));
}
