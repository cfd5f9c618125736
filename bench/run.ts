/**
 * `npm run bench`: how small, how fast, how frugal with requests and memory Connect Elements is,
 * beside Stripe's own loaders built and measured the same way in the same run. Prints a table
 * and writes `bench/results.json`. The README's Benchmark section says what each number means.
 */
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../packages/testing/src/chromium.js';
import { routeStripeScripts } from '../packages/testing/src/stand-in-scripts.js';
import {
  CDN_ENTRY,
  CONNECT_JS_ENTRY,
  FC_ENTRY,
  PAGE_ENTRY,
  REACT_ENTRY,
  bundleModule,
  bundleScript,
  root,
  sizeOf,
  type Entry,
  type Size,
} from './bundles.js';
import { startBenchServer, type BenchServer } from './server.js';

const KB = 1000;
const TARGETS = {
  cdnGzip: 14 * KB,
  pageGzip: 10 * KB,
  readyRatio: 1.1,
  endpointRequests: 1,
  connectJsRequests: 1,
  heapGrowth: 1000 * KB,
};

/** Alternating kit/raw pairs per size (at least 20). */
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const SIZES = [1, 21, 100];
const ENDPOINT_DELAY = 50;
const MEMORY_CYCLES = Number(process.env.BENCH_CYCLES ?? 1000);

type Variant = 'kit' | 'raw';

const started = performance.now();
const log = (line: string) => process.stderr.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------
// Size

interface SizeRow {
  name: string;
  size: Size | null;
  target?: number;
}

async function weigh(name: string, entry: Entry | undefined, target?: number): Promise<SizeRow> {
  if (!entry) return { name, size: null, ...(target && { target }) };
  return { name, size: sizeOf(await bundleModule(entry)), ...(target && { target }) };
}

// ---------------------------------------------------------------------------------------------
// Time to ready, requests

interface PageRun {
  connector: number;
  ready: number;
  endpointRequests: number;
  connectJsRequests: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

let pageCount = 0;

/** A fresh page with the stand-in CDN that fails the bench on any page error. */
async function benchPage(context: BrowserContext, server: BenchServer, variant: Variant) {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  const routes = await routeStripeScripts(page);
  await page.goto(`${server.origin}/?variant=${variant}`);
  return { page, routes, problems };
}

async function runPage(
  context: BrowserContext,
  server: BenchServer,
  variant: Variant,
  size: number,
): Promise<PageRun> {
  const { page, routes, problems } = await benchPage(context, server, variant);
  const id = `${variant}-${size}-${++pageCount}`;
  const endpoint = `/api/secret?page=${id}&delay=${ENDPOINT_DELAY}`;
  try {
    const times = await page.evaluate(
      ([variant, size, endpoint]) =>
        variant === 'kit'
          ? window.bench.runKit(size, endpoint)
          : window.bench.runRaw(size, endpoint),
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

interface ReadyRow {
  elements: number;
  runs: number;
  kit: {
    connectorMs: number;
    readyMs: number;
    endpointRequests: number;
    connectJsRequests: number;
  };
  raw: {
    connectorMs: number;
    readyMs: number;
    endpointRequests: number;
    connectJsRequests: number;
  };
  /** Median over the runs of kit/raw of each alternating pair. */
  connectorRatio: number;
  readyRatio: number;
}

async function timeToReady(context: BrowserContext, server: BenchServer, size: number) {
  const runs: Record<Variant, PageRun[]> = { kit: [], raw: [] };
  // One page of each first, unmeasured: compiles the bundles and warms the stand-in routes.
  await runPage(context, server, 'kit', size);
  await runPage(context, server, 'raw', size);
  for (let index = 0; index < RUNS; index += 1) {
    const order: Variant[] = index % 2 ? ['raw', 'kit'] : ['kit', 'raw'];
    for (const variant of order) runs[variant].push(await runPage(context, server, variant, size));
  }
  const summary = (list: PageRun[]) => ({
    connectorMs: round(median(list.map((run) => run.connector))),
    readyMs: round(median(list.map((run) => run.ready))),
    endpointRequests: Math.max(...list.map((run) => run.endpointRequests)),
    connectJsRequests: Math.max(...list.map((run) => run.connectJsRequests)),
  });
  const ratio = (milestone: 'connector' | 'ready') =>
    round(median(runs.kit.map((kit, index) => kit[milestone] / runs.raw[index]![milestone])), 3);
  return {
    elements: size,
    runs: RUNS,
    kit: summary(runs.kit),
    raw: summary(runs.raw),
    connectorRatio: ratio('connector'),
    readyRatio: ratio('ready'),
  } satisfies ReadyRow;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

// ---------------------------------------------------------------------------------------------
// Memory

interface MemoryRow {
  cycles: number;
  beforeBytes: number;
  afterBytes: number;
  growthBytes: number;
}

async function heapAfterGc(page: Page): Promise<number> {
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

async function memory(context: BrowserContext, server: BenchServer): Promise<MemoryRow> {
  const { page, problems } = await benchPage(context, server, 'kit');
  const endpoint = `/api/secret?page=memory&delay=0`;
  const cycles = (count: number) =>
    page.evaluate(([count, endpoint]) => window.bench.cycles(count, endpoint), [
      count,
      endpoint,
    ] as const);
  try {
    await cycles(20); // warm: Connect.js loaded, code compiled, caches filled
    const beforeBytes = await heapAfterGc(page);
    await cycles(MEMORY_CYCLES);
    const afterBytes = await heapAfterGc(page);
    if (problems.length) throw new Error(`memory page reported:\n${problems.join('\n')}`);
    return {
      cycles: MEMORY_CYCLES,
      beforeBytes,
      afterBytes,
      growthBytes: afterBytes - beforeBytes,
    };
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const bytes = (value: number) => value.toLocaleString('en-US');
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          column ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
        )
        .join('  '),
    )
    .join('\n');
}

function report(sizes: SizeRow[], ready: ReadyRow[], heap: MemoryRow, seconds: number): string {
  const sizeTable = table([
    ['Size', 'min B', 'gzip B', 'target', ''],
    ...sizes.map(({ name, size, target }) => [
      name,
      size ? bytes(size.min) : 'n/a',
      size ? bytes(size.gzip) : 'n/a',
      target ? `≤ ${bytes(target)}` : '',
      target && size ? mark(size.gzip <= target) : '',
    ]),
  ]);
  const readyTable = table([
    [
      'Elements',
      'kit connector ms',
      'raw connector ms',
      'ratio',
      'kit ready ms',
      'raw ready ms',
      'ratio',
      '',
      'kit req (endpoint/Connect.js)',
      'raw req',
      '',
    ],
    ...ready.map((row) => [
      String(row.elements),
      String(row.kit.connectorMs),
      String(row.raw.connectorMs),
      row.connectorRatio.toFixed(3),
      String(row.kit.readyMs),
      String(row.raw.readyMs),
      row.readyRatio.toFixed(3),
      mark(Math.max(row.connectorRatio, row.readyRatio) <= TARGETS.readyRatio),
      `${row.kit.endpointRequests} / ${row.kit.connectJsRequests}`,
      `${row.raw.endpointRequests} / ${row.raw.connectJsRequests}`,
      mark(
        row.kit.endpointRequests === TARGETS.endpointRequests &&
          row.kit.connectJsRequests === TARGETS.connectJsRequests,
      ),
    ]),
  ]);
  const memoryTable = table([
    ['Memory', 'before B', 'after B', 'growth B', 'target', ''],
    [
      `${heap.cycles} provider cycles (4 components)`,
      bytes(heap.beforeBytes),
      bytes(heap.afterBytes),
      bytes(heap.growthBytes),
      `< ${bytes(TARGETS.heapGrowth)}`,
      mark(heap.growthBytes < TARGETS.heapGrowth),
    ],
  ]);
  return [
    sizeTable,
    '',
    `Time to ready: median of ${RUNS} alternating runs, endpoint answering after ${ENDPOINT_DELAY} ms; ratio = median kit/raw (target ≤ ${TARGETS.readyRatio})`,
    readyTable,
    '',
    memoryTable,
    '',
    `${seconds.toFixed(0)} s on ${availableParallelism()} cores`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  log('bench: building bundles');
  const [cdnBundle, rawBundle, probe] = await Promise.all([
    bundleModule(CDN_ENTRY),
    bundleModule({ file: 'bench/pages/raw.ts' }),
    bundleScript({ file: 'bench/pages/probe.ts' }),
  ]);
  const sizes: SizeRow[] = [
    { name: '(a) CDN bundle: every element', size: sizeOf(cdnBundle), target: TARGETS.cdnGzip },
    await weigh('(b) page: ce-connect + ce-account-onboarding', PAGE_ENTRY, TARGETS.pageGzip),
    await weigh('(c) ce-financial-connections alone', FC_ENTRY),
    await weigh('baseline: @stripe/connect-js pure loader', CONNECT_JS_ENTRY),
    await weigh('baseline: React + @stripe/react-connect-js', REACT_ENTRY),
  ];

  const server = await startBenchServer({ kit: cdnBundle, raw: rawBundle, probe });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch(chromiumLaunchOptions());
    const context = await browser.newContext();
    const ready: ReadyRow[] = [];
    for (const size of SIZES) {
      log(`bench: time to ready, ${size} element${size === 1 ? '' : 's'}`);
      ready.push(await timeToReady(context, server, size));
    }
    log(`bench: memory, ${MEMORY_CYCLES} cycles`);
    const heap = await memory(context, server);
    const seconds = (performance.now() - started) / 1000;

    console.log(report(sizes, ready, heap, seconds));
    const results = {
      date: new Date().toISOString(),
      seconds: round(seconds),
      targets: TARGETS,
      size: sizes,
      timeToReady: { endpointDelayMs: ENDPOINT_DELAY, rows: ready },
      memory: heap,
    };
    await writeFile(`${root}/bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);
    log('bench: wrote bench/results.json');
  } finally {
    await browser?.close();
    await server.close();
  }
}

await main();
