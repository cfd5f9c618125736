/**
 * `npm run bench`: how small, how fast, how frugal with requests and memory Connect Elements is,
 * beside Stripe's own loaders built and measured the same way in the same run. Prints every figure
 * with its target and ok/MISSED, writes `bench/results.json`, and exits 1 when a size budget is
 * exceeded. docs/benchmark.md says what each number means.
 *
 * BENCH_RUNS (pairs per case, default 20), BENCH_CYCLES (memory cycles, default 1000) and
 * BENCH_ONLY (a comma-separated list of size, ready, react, memory, churn, server), BENCH_SIZES
 * (e.g. `21,100`) and BENCH_PROFILES (`local`, `network`) shorten it. BENCH_BASE_KIT=file adds
 * rows racing the kit against that prebuilt kit bundle, to measure a change to the kit itself.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '../packages/testing/src/chromium.js';
import {
  CDN_ENTRY,
  CONNECT_JS_ENTRY,
  FC_ENTRY,
  PAGE_ENTRY,
  bundleModule,
  bundleScript,
  reactPageEntry,
  root,
  sizeOf,
  type Size,
} from './bundles.js';
import { endpointOverhead, type OverheadRow } from './endpoint-overhead.js';
import { churn, providerCycles, type ChurnRow, type ProviderCyclesRow } from './memory.js';
import type { ReactLibrary } from './pages/react-pages.js';
import { PROFILES, contest, type ContestRow, type Milestone, type Ratio } from './ready.js';
import { startBenchServer } from './server.js';
import { round } from './stats.js';

const KB = 1000;
export const TARGETS = {
  /** Budgets: exceeding one fails the run. */
  cdnGzip: 13.5 * KB,
  pageGzip: 10 * KB,
  /** Parity with raw Connect.js (kit/raw, median of the pairs). */
  readyRatio: 1.03,
  connectorRatio: 1.05,
  /** The kit's React path no slower than Stripe's own React path. */
  reactRatio: 1,
  endpointRequests: 1,
  connectJsRequests: 1,
  heapGrowth: 1000 * KB,
  /** Server: kit/hand-written requests per second, and p99 added. */
  throughputRatio: 0.9,
  addedP99Ms: 1,
};

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 20));
const MEMORY_CYCLES = Number(process.env.BENCH_CYCLES ?? 1000);
const listOf = (value: string | undefined) => value?.split(',').map((item) => item.trim());
const SIZES = listOf(process.env.BENCH_SIZES)?.map(Number) ?? [1, 21, 100];
const profiles = PROFILES.filter(
  ({ name }) => listOf(process.env.BENCH_PROFILES)?.includes(name) ?? true,
);
/** A kit bundle to race the kit against (an experiment against the code it changes). */
const BASE_KIT = process.env.BENCH_BASE_KIT;
const REACT_SIZES = [1, 21];
type Section = 'size' | 'ready' | 'react' | 'memory' | 'churn' | 'server';
const only = listOf(process.env.BENCH_ONLY);
const runs = (section: Section) => !only || only.includes(section);

const started = performance.now();
const log = (line: string) => process.stderr.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------
// Report

interface SizeRow {
  name: string;
  size: Size;
  /** A budget: exceeding it fails the run. */
  budget?: number;
}

const bytes = (value: number) => value.toLocaleString('en-US');
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
const fixed = (value: number) => value.toFixed(3);
const interval = (ratio: Ratio) =>
  `${fixed(ratio.median)} [${fixed(ratio.low)}–${fixed(ratio.high)}]`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          column ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function sizeTable(sizes: SizeRow[]): string {
  return table([
    ['Size', 'min B', 'gzip B', 'target', ''],
    ...sizes.map(({ name, size, budget }) => [
      name,
      bytes(size.min),
      bytes(size.gzip),
      budget ? `≤ ${bytes(budget)}` : '',
      budget ? mark(size.gzip <= budget) : '',
    ]),
  ]);
}

/** The ready and connector rows of contests, each ratio beside its A/A noise and target. */
function contestTable(
  rows: ContestRow[],
  targets: Partial<Record<Milestone, number>>,
  milestones: readonly Milestone[] = ['ready', 'connector'],
): string {
  const header = [
    'Profile',
    'n',
    'milestone',
    `${rows[0]!.a.variant} ms`,
    `${rows[0]!.b.variant} ms`,
    'ratio [95% CI]',
    `A/A ${rows[0]!.a.variant}`,
    `A/A ${rows[0]!.b.variant}`,
    'target',
    '',
    'requests (endpoint/Connect.js)',
    '',
  ];
  const lines = rows.flatMap((row) =>
    milestones.map((milestone) => {
      const ms = `${milestone}Ms` as const satisfies keyof ContestRow['a'];
      const target = targets[milestone];
      const requestsOk =
        row.a.endpointRequests === TARGETS.endpointRequests &&
        row.a.connectJsRequests === TARGETS.connectJsRequests;
      return [
        row.profile,
        String(row.elements),
        milestone,
        String(row.a[ms]),
        String(row.b[ms]),
        interval(row.ratio[milestone]),
        fixed(row.noise.a[milestone].median),
        fixed(row.noise.b[milestone].median),
        target === undefined ? '' : `≤ ${target.toFixed(2)}`,
        target === undefined ? '' : mark(row.ratio[milestone].median <= target),
        milestone === 'ready'
          ? `${row.a.endpointRequests}/${row.a.connectJsRequests} vs ${row.b.endpointRequests}/${row.b.connectJsRequests}`
          : '',
        milestone === 'ready' ? mark(requestsOk) : '',
      ];
    }),
  );
  return table([header, ...lines]);
}

function memoryTable(cycles: ProviderCyclesRow | undefined, churned: ChurnRow | undefined): string {
  const rows = [['Memory', 'measured', 'target', '']];
  if (cycles) {
    rows.push([
      `${cycles.cycles} provider cycles (4 components): heap growth B`,
      bytes(cycles.growthBytes),
      `< ${bytes(TARGETS.heapGrowth)}`,
      mark(cycles.growthBytes < TARGETS.heapGrowth),
    ]);
  }
  if (churned) {
    const label = `${churned.cycles} morph removals of a mounted component's Stripe element`;
    rows.push(
      [
        `${label}: restored`,
        `${churned.restored} (${churned.sameNode} same node)`,
        String(churned.cycles),
        mark(churned.restored === churned.cycles),
      ],
      [
        '  heap growth B',
        bytes(churned.heapGrowthBytes),
        `< ${bytes(TARGETS.heapGrowth)}`,
        mark(churned.restored === churned.cycles && churned.heapGrowthBytes < TARGETS.heapGrowth),
      ],
      [
        '  listeners left (window + document, shadow roots included)',
        String(churned.listenersLeft),
        '0',
        mark(churned.restored === churned.cycles && churned.listenersLeft <= 0),
      ],
      [
        '  timers left pending',
        String(churned.timersLeft),
        '0',
        mark(churned.restored === churned.cycles && churned.timersLeft <= 0),
      ],
      [
        '  new endpoint requests / Connect instances',
        `${churned.newEndpointRequests} / ${churned.newConnectInstances}`,
        '0 / 0',
        mark(churned.newEndpointRequests === 0 && churned.newConnectInstances === 0),
      ],
    );
  }
  const notes = churned?.failure
    ? `\nchurn stopped: ${churned.failure}; the figures after it cover the cycles that ran (the rows depending on restoration are MISSED).`
    : churned
      ? `\nslowest restoration ${churned.slowestRestoreMs} ms`
      : '';
  return table(rows) + notes;
}

const signed = (value: number, digits: number): string =>
  `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;

function serverTable(row: OverheadRow): string {
  return [
    `Server overhead: createAccountSessionHandler + toNodeHandler vs a hand-written node:http route, one Stripe double answering at once, ${row.connections} connections (autocannon), ${row.rounds} alternating rounds of ${row.seconds} s; A/A = hand vs hand in the same loop`,
    table([
      ['Server', 'kit', 'hand', 'kit/hand or added', 'A/A', 'target', ''],
      [
        'requests/s',
        bytes(row.kit.requestsPerSecond),
        bytes(row.hand.requestsPerSecond),
        fixed(row.throughputRatio),
        fixed(row.noise.throughputRatio),
        `≥ ${TARGETS.throughputRatio.toFixed(2)}`,
        mark(row.throughputRatio >= TARGETS.throughputRatio),
      ],
      [
        'p99 latency ms',
        row.kit.p99Ms.toFixed(2),
        row.hand.p99Ms.toFixed(2),
        signed(row.addedP99Ms, 2),
        signed(row.noise.addedP99Ms, 2),
        `≤ +${TARGETS.addedP99Ms.toFixed(2)}`,
        mark(row.addedP99Ms <= TARGETS.addedP99Ms),
      ],
      [
        'route CPU µs/request',
        String(row.kit.cpuMicrosPerRequest),
        String(row.hand.cpuMicrosPerRequest),
        signed(row.addedCpuMicros, 0),
        signed(row.noise.addedCpuMicros, 0),
        '',
        '',
      ],
    ]),
    row.failures ? `${row.failures} requests failed or answered non-2xx` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  log('bench: building bundles');
  const reactPages = Object.fromEntries(
    await Promise.all(
      (['kit', 'stripe'] as ReactLibrary[]).flatMap((library) =>
        REACT_SIZES.map(
          async (size) =>
            [
              `react-${library}-${size}`,
              await bundleModule(reactPageEntry(library, size)),
            ] as const,
        ),
      ),
    ),
  );
  const [cdnBundle, pageBundle, fcBundle, loaderBundle, rawBundle, probe] = await Promise.all([
    bundleModule(CDN_ENTRY),
    bundleModule(PAGE_ENTRY),
    FC_ENTRY ? bundleModule(FC_ENTRY) : undefined,
    bundleModule(CONNECT_JS_ENTRY),
    bundleModule({ file: 'bench/pages/raw.ts' }),
    bundleScript({ file: 'bench/pages/probe.ts' }),
  ]);
  const sizes: SizeRow[] = [
    { name: '(a) CDN bundle: every GA element', size: sizeOf(cdnBundle), budget: TARGETS.cdnGzip },
    {
      name: '(b) page: ce-connect + ce-account-onboarding',
      size: sizeOf(pageBundle),
      budget: TARGETS.pageGzip,
    },
    ...(fcBundle ? [{ name: '(c) ce-financial-connections alone', size: sizeOf(fcBundle) }] : []),
    { name: 'baseline: @stripe/connect-js pure loader', size: sizeOf(loaderBundle) },
  ];
  const reactSizes = REACT_SIZES.map((size) => ({
    size,
    kit: sizeOf(reactPages[`react-kit-${size}`]!),
    stripe: sizeOf(reactPages[`react-stripe-${size}`]!),
  }));
  const budgetsExceeded = sizes.filter(({ size, budget }) => budget && size.gzip > budget);

  const server = await startBenchServer({
    kit: cdnBundle,
    raw: rawBundle,
    probe,
    ...reactPages,
    ...(BASE_KIT && { base: await readFile(BASE_KIT, 'utf8') }),
  });
  let browser: Browser | undefined;
  const results: Record<string, unknown> = { date: new Date().toISOString(), targets: TARGETS };
  const printed: string[] = [];
  try {
    browser = await chromium.launch(chromiumLaunchOptions());
    const context = await browser.newContext();

    if (runs('size')) {
      printed.push(sizeTable(sizes), '');
      results['size'] = sizes;
    }

    if (runs('ready')) {
      const rows: ContestRow[] = [];
      const baseRows: ContestRow[] = [];
      for (const profile of profiles) {
        for (const size of SIZES) {
          log(`bench: time to ready, ${profile.name}, ${size} element${size === 1 ? '' : 's'}`);
          rows.push(
            await contest(context, server, { a: 'kit', b: 'raw', size, profile, pairs: RUNS }),
          );
          if (BASE_KIT) {
            baseRows.push(
              await contest(context, server, { a: 'kit', b: 'base', size, profile, pairs: RUNS }),
            );
          }
        }
      }
      printed.push(
        `Time to ready, kit vs raw @stripe/connect-js: medians of ${RUNS} alternating pairs per row (ratio = median of kit/raw per pair, 95% bootstrap interval; A/A = kit/kit and raw/raw pairs in the same loop)`,
        `profiles: ${profiles.map((profile) => `${profile.name} = Connect.js +${profile.scriptDelayMs} ms, endpoint ${profile.endpointDelayMs} ms`).join('; ')}`,
        contestTable(rows, { ready: TARGETS.readyRatio, connector: TARGETS.connectorRatio }),
        '',
      );
      if (BASE_KIT) {
        printed.push(
          `Kit vs the kit bundle ${BASE_KIT} (same pairs and A/A)`,
          contestTable(baseRows, { ready: 1, connector: 1 }, ['insert', 'connector', 'ready']),
          '',
        );
      }
      results['timeToReady'] = { profiles, rows, ...(BASE_KIT && { baseRows }) };
    }

    if (runs('react')) {
      const rows: ContestRow[] = [];
      const profile = PROFILES[0]!;
      for (const size of REACT_SIZES) {
        log(`bench: React vs React, ${size} component${size === 1 ? '' : 's'}`);
        const row = await contest(context, server, {
          a: `react-kit-${size}`,
          b: `react-stripe-${size}`,
          size,
          profile,
          pairs: RUNS,
        });
        rows.push({ ...row, a: { ...row.a, variant: 'kit' }, b: { ...row.b, variant: 'stripe' } });
      }
      printed.push(
        `React vs React, same React 19: @connect-elements/react vs @stripe/react-connect-js + @stripe/connect-js (${profile.name} profile, ${RUNS} pairs)`,
        contestTable(rows, { ready: TARGETS.reactRatio, connector: TARGETS.reactRatio }),
        table([
          ['React page size', 'kit gzip B', 'stripe gzip B', 'kit − stripe', 'target', ''],
          ...reactSizes.map(({ size, kit, stripe }) => [
            `${size} component${size === 1 ? '' : 's'}`,
            bytes(kit.gzip),
            bytes(stripe.gzip),
            `${kit.gzip >= stripe.gzip ? '+' : ''}${bytes(kit.gzip - stripe.gzip)}`,
            '≤ 0',
            mark(kit.gzip <= stripe.gzip),
          ]),
        ]),
        '',
      );
      results['react'] = { rows, sizes: reactSizes };
    }

    let cycles: ProviderCyclesRow | undefined;
    let churned: ChurnRow | undefined;
    if (runs('memory')) {
      log(`bench: memory, ${MEMORY_CYCLES} provider cycles`);
      cycles = await providerCycles(context, server, MEMORY_CYCLES);
      results['memory'] = cycles;
    }
    if (runs('churn')) {
      log(`bench: lifecycle churn, ${MEMORY_CYCLES} removals`);
      churned = await churn(context, server, MEMORY_CYCLES);
      results['churn'] = churned;
    }
    if (cycles || churned) printed.push(memoryTable(cycles, churned), '');
  } finally {
    await browser?.close();
    await server.close();
  }

  if (runs('server')) {
    log('bench: server overhead');
    const overhead = await endpointOverhead();
    printed.push(serverTable(overhead), '');
    results['server'] = overhead;
  }

  const seconds = (performance.now() - started) / 1000;
  results['seconds'] = round(seconds);
  printed.push(`${seconds.toFixed(0)} s on ${availableParallelism()} cores`);
  if (runs('size') && budgetsExceeded.length) {
    printed.push(
      `FAILED: size budget exceeded by ${budgetsExceeded.map((row) => row.name).join(', ')}`,
    );
    process.exitCode = 1;
  }
  console.log(printed.join('\n'));
  await writeFile(`${root}/bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);
  log('bench: wrote bench/results.json');
}

await main();
