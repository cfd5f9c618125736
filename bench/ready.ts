/**
 * Time to ready: fresh pages of two variants measured in alternating pairs, and each variant
 * against itself (A/A) in the same loop, so every ratio is printed beside the noise of the setup
 * that measured it.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { routeStripeScripts } from '../packages/testing/src/playwright.js';
import { CONNECT_JS_URL } from '../packages/core/src/stripe-internals.js';
import type { BenchServer } from './server.js';
import { median, quantile, round } from './stats.js';

/** How far Stripe's CDN and the host endpoint are. */
export interface NetworkProfile {
  name: string;
  /** Added by a Playwright route before the stand-in Connect.js is answered. */
  scriptDelayMs: number;
  /** The bench endpoint answers this long after the request arrived. */
  endpointDelayMs: number;
}

export const PROFILES: readonly NetworkProfile[] = [
  // Today's: Connect.js as fast as the route answers it (about 7 ms), the endpoint after 50 ms.
  { name: 'local', scriptDelayMs: 0, endpointDelayMs: 50 },
  // Stripe's CDN a real network away.
  { name: 'network', scriptDelayMs: 150, endpointDelayMs: 80 },
];

/** `insert`: the synchronous insert call (element upgrades); then the two the probe records. */
export type Milestone = 'insert' | 'connector' | 'ready';

export interface PageRun {
  insert: number;
  connector: number;
  ready: number;
  endpointRequests: number;
  connectJsRequests: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A fresh page of `variant` with the stand-in CDN (delayed by the profile) that fails the bench
 * on any page error or warning.
 */
export async function benchPage(
  context: BrowserContext,
  server: BenchServer,
  variant: string,
  profile: NetworkProfile = PROFILES[0]!,
  { instrumentTimers = false } = {},
) {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  const routes = await routeStripeScripts(page);
  if (profile.scriptDelayMs) {
    // Registered last, so it runs first: waits, then hands the request to the stand-in's route.
    await page.route(CONNECT_JS_URL, async (route) => {
      await sleep(profile.scriptDelayMs);
      await route.fallback();
    });
  }
  await page.goto(
    `${server.origin}/?variant=${variant}${instrumentTimers ? '&instrument=timers' : ''}`,
  );
  return { page, routes, problems };
}

let pageCount = 0;

async function runPage(
  context: BrowserContext,
  server: BenchServer,
  variant: string,
  size: number,
  profile: NetworkProfile,
): Promise<PageRun> {
  const { page, routes, problems } = await benchPage(context, server, variant, profile);
  const id = `${variant}-${size}-${++pageCount}`;
  const endpoint = `/api/secret?page=${id}&delay=${profile.endpointDelayMs}`;
  try {
    const times = await page.evaluate(
      ([variant, size, endpoint]) => window.bench.run(variant, size, endpoint),
      [variant, size, endpoint] as const,
    );
    if (problems.length) throw new Error(`${variant} page reported:\n${problems.join('\n')}`);
    return {
      ...times,
      endpointRequests: server.requests(id),
      connectJsRequests: routes.requests.connect,
    };
  } finally {
    await page.close();
  }
}

/** A ratio: the median over the pairs of first/second, and a 95% bootstrap interval of it. */
export interface Ratio {
  median: number;
  low: number;
  high: number;
}

/** A deterministic generator for the bootstrap (mulberry32), so a run's intervals repeat. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function ratioOf(values: readonly number[]): Ratio {
  const next = random(values.length * 7919 + 13);
  const medians = Array.from({ length: 2000 }, () =>
    median(
      Array.from({ length: values.length }, () => values[Math.floor(next() * values.length)]!),
    ),
  );
  return {
    median: round(median(values), 3),
    low: round(quantile(medians, 0.025), 3),
    high: round(quantile(medians, 0.975), 3),
  };
}

export interface VariantSummary {
  variant: string;
  insertMs: number;
  connectorMs: number;
  readyMs: number;
  /** The most any page of the variant made. */
  endpointRequests: number;
  connectJsRequests: number;
}

export interface ContestRow {
  profile: string;
  elements: number;
  pairs: number;
  a: VariantSummary;
  b: VariantSummary;
  /** a/b per alternating pair. */
  ratio: Record<Milestone, Ratio>;
  /** a/a and b/b pairs run in the same loop: how far from 1.000 the setup's own ratio lands. */
  noise: { a: Record<Milestone, Ratio>; b: Record<Milestone, Ratio> };
}

/**
 * `pairs` rounds, each of: an a/b pair (a first on even rounds, b first on odd ones), an a/a pair
 * and a b/b pair (the numerator alternating between the first and the second page likewise).
 * One unmeasured page of each warms the bundles and the routes first.
 */
export async function contest(
  context: BrowserContext,
  server: BenchServer,
  options: { a: string; b: string; size: number; profile: NetworkProfile; pairs: number },
): Promise<ContestRow> {
  const { a, b, size, profile, pairs } = options;
  const run = (variant: string) => runPage(context, server, variant, size, profile);
  await run(a);
  await run(b);
  const ab: Array<[PageRun, PageRun]> = [];
  const aa: Array<[PageRun, PageRun]> = [];
  const bb: Array<[PageRun, PageRun]> = [];
  for (let index = 0; index < pairs; index += 1) {
    const even = index % 2 === 0;
    const pair = async (first: string, second: string): Promise<[PageRun, PageRun]> => {
      const one = await run(even ? first : second);
      const two = await run(even ? second : first);
      return even ? [one, two] : [two, one];
    };
    ab.push(await pair(a, b));
    aa.push(await pair(a, a));
    bb.push(await pair(b, b));
  }
  const ratios = (list: Array<[PageRun, PageRun]>): Record<Milestone, Ratio> => ({
    insert: ratioOf(list.map(([x, y]) => x.insert / y.insert)),
    connector: ratioOf(list.map(([x, y]) => x.connector / y.connector)),
    ready: ratioOf(list.map(([x, y]) => x.ready / y.ready)),
  });
  const summary = (variant: string, runs: PageRun[]): VariantSummary => ({
    variant,
    insertMs: round(median(runs.map((run) => run.insert)), 2),
    connectorMs: round(median(runs.map((run) => run.connector))),
    readyMs: round(median(runs.map((run) => run.ready))),
    endpointRequests: Math.max(...runs.map((run) => run.endpointRequests)),
    connectJsRequests: Math.max(...runs.map((run) => run.connectJsRequests)),
  });
  return {
    profile: profile.name,
    elements: size,
    pairs,
    a: summary(a, [...ab.map(([x]) => x), ...aa.flat()]),
    b: summary(b, [...ab.map(([, y]) => y), ...bb.flat()]),
    ratio: ratios(ab),
    noise: { a: ratios(aa), b: ratios(bb) },
  };
}

/** The page's JS heap after forced garbage collection. */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    // Twice: the first pass can leave garbage its finalizers released.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}
