/**
 * `npm run bench:profile`: where the main thread's time goes on a cold 100-element page, kit and
 * raw `@stripe/connect-js`, from Chrome traces (CDP `Tracing`, with V8's sampling profiler on).
 *
 * Each variant's page is traced BENCH_TRACES times (default 3, after one unmeasured page of each,
 * as the bench does); every figure is the median over the traces, in ms, inside the span the
 * bench measures (from inserting the markup to the last Stripe element's ready session), plus
 * the page's load (bundle evaluation) before it. The kit is bundled with its names kept, so the
 * profile names its functions. Traces are kept in `test-results/bench-traces/` for chrome://tracing or
 * DevTools' Performance panel. BENCH_PROFILE=network uses the network profile's delays;
 * BENCH_PROFILE_VARIANTS=kit traces the kit's page only.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumLaunchOptions } from '../packages/testing/src/chromium.js';
import { CDN_ENTRY, bundleModule, bundleScript, root } from './bundles.js';
import { benchPage, PROFILES } from './ready.js';
import { startBenchServer, type BenchServer } from './server.js';
import { median } from './stats.js';

/** Ignored by git, ESLint and Prettier, like the test runner's other output. */
const TRACE_DIR = `${root}/test-results/bench-traces`;
const TRACES = Math.max(1, Number(process.env.BENCH_TRACES ?? 3));
const SIZE = Number(process.env.BENCH_PROFILE_SIZE ?? 100);
const PROFILE = PROFILES.find(({ name }) => name === (process.env.BENCH_PROFILE ?? 'local'))!;
const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
  'loading',
];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
      url?: string;
      requestId?: string;
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Where a sampled function's code came from. */
const scriptOf = (url = '', functionName = ''): string => {
  if (url.endsWith('/kit.js')) return 'kit bundle';
  if (url.endsWith('/raw.js')) return 'raw page (Stripe loader)';
  if (url.includes('connect-js.stripe.com')) return 'stand-in Connect.js';
  if (url.endsWith('/probe.js')) return 'bench probe';
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(program)') return 'native (program)';
  if (functionName === '(idle)') return 'idle';
  return url ? 'other script' : 'native (program)';
};

/** Lit's production build mangles its private members; their names in Lit's sources. */
const LIT_NAMES: Record<string, string> = {
  _$Ev: '__initialize',
  _$E_: '__saveInstanceProperties',
  _$EP: '__enqueueUpdate',
  _$EM: '__markUpdated',
  _$Ei: '__prepare',
  _$ET: '__propertyToAttribute',
  _$Eu: '__attributeNameForProperty',
  S: 'adoptStyles',
};

/** A sampled function's name; a short (mangled) or anonymous one with its line in the bundle. */
const nameOf = ({ callFrame: { functionName, url = '', lineNumber } }: ProfileNode): string => {
  if (!url.endsWith('/kit.js')) return functionName || '(anonymous)';
  const name = LIT_NAMES[functionName] ?? functionName;
  return name.length > 2 ? name : `${name || '(anonymous)'}@${lineNumber + 1}`;
};

/**
 * Kit functions whose inclusive time says what the kit spends its time on; each name is a method
 * or function of packages/core/src or @lit/reactive-element.
 */
const KIT_PHASES: Record<string, string[]> = {
  'element upgrades: constructors (Lit init, controllers)': [
    'ReactiveElement',
    'ConnectComponentElement',
    'ConnectOptionsElement',
    'CeConnect',
    '__initialize',
    '_initialize',
  ],
  'connectedCallback (all of it)': ['connectedCallback'],
  '  shadow root + adoptedStyleSheets (createRenderRoot)': ['createRenderRoot'],
  '  session lookup + attach (hostConnected)': ['hostConnected'],
  attributeChangedCallback: ['attributeChangedCallback'],
  'Lit update cycles (performUpdate)': ['performUpdate'],
  'session start: secret request, Connect init, then mount': ['start'],
  'Stripe elements created and set (mount)': ['mount'],
};

function selfTimes(events: TraceEvent[], from: number, to: number): Map<string, number> {
  // Complete events of one thread nest; self time is an event's duration less its children's.
  const complete = events
    .filter(
      (event) => event.ph === 'X' && event.dur !== undefined && event.ts >= from && event.ts < to,
    )
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: Array<{ end: number; name: string; child: number; dur: number }> = [];
  const close = (until: number) => {
    while (stack.length && stack.at(-1)!.end <= until) {
      const done = stack.pop()!;
      self.set(done.name, (self.get(done.name) ?? 0) + (done.dur - done.child));
    }
  };
  for (const event of complete) {
    close(event.ts);
    const parent = stack.at(-1);
    if (parent) parent.child += event.dur!;
    stack.push({ end: event.ts + event.dur!, name: event.name, child: 0, dur: event.dur! });
  }
  close(Number.POSITIVE_INFINITY);
  return self;
}

interface Samples {
  byScript: Map<string, number>;
  selfByFunction: Map<string, number>;
  phases: Map<string, number>;
}

function sampledTime(events: TraceEvent[], pid: number, from: number, to: number): Samples {
  const nodes = new Map<number, ProfileNode>();
  const times: Array<{ node: number; ts: number }> = [];
  const starts = new Map<string, number>();
  for (const event of events) {
    if (event.pid !== pid) continue;
    if (event.name === 'Profile') starts.set(event.id!, event.args!.data!.startTime!);
  }
  const clocks = new Map(starts);
  for (const event of events) {
    if (event.pid !== pid || event.name !== 'ProfileChunk') continue;
    const data = event.args!.data!;
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const samples = data.cpuProfile?.samples ?? [];
    let clock = clocks.get(event.id!) ?? 0;
    samples.forEach((node, index) => {
      clock += data.timeDeltas?.[index] ?? 0;
      times.push({ node, ts: clock });
    });
    clocks.set(event.id!, clock);
  }
  times.sort((a, b) => a.ts - b.ts);
  const byScript = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const phases = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, value: number) =>
    map.set(key, (map.get(key) ?? 0) + value);
  for (let index = 0; index + 1 < times.length; index += 1) {
    const { node: id, ts } = times[index]!;
    if (ts < from || ts >= to) continue;
    const duration = Math.min(times[index + 1]!.ts - ts, 2000) / 1000;
    const node = nodes.get(id);
    if (!node) continue;
    const { functionName, url } = node.callFrame;
    const script = scriptOf(url, functionName);
    add(byScript, script, duration);
    if (script !== 'idle') add(selfByFunction, `${nameOf(node)} · ${script}`, duration);
    // Inclusive time of the kit's phases: each phase counted once per sample.
    const onStack = new Set<string>();
    for (let frame: ProfileNode | undefined = node; frame; frame = nodes.get(frame.parent ?? -1)) {
      if (scriptOf(frame.callFrame.url, frame.callFrame.functionName) === 'kit bundle') {
        onStack.add(frame.callFrame.functionName);
      }
    }
    for (const [phase, names] of Object.entries(KIT_PHASES)) {
      if (names.some((name) => onStack.has(name))) add(phases, phase, duration);
    }
  }
  return { byScript, selfByFunction, phases };
}

interface TraceSummary {
  loadMs: number;
  spanMs: number;
  busyMs: number;
  events: Map<string, number>;
  samples: Samples;
  /** When things happened, ms after the insert. */
  timeline: Map<string, number>;
}

async function traceOnce(
  context: BrowserContext,
  server: BenchServer,
  variant: string,
  index: number,
): Promise<TraceSummary> {
  const cdp = await context.browser()!.newBrowserCDPSession();
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) =>
    events.push(...(value as unknown as TraceEvent[])),
  );
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
  const { page: traced, problems } = await benchPage(context, server, variant, PROFILE);
  await traced.evaluate(([variant, size, endpoint]) => window.bench.run(variant, size, endpoint), [
    variant,
    SIZE,
    `/api/secret?page=profile-${variant}-${index}&delay=${PROFILE.endpointDelayMs}`,
  ] as const);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  await traced.close();
  if (problems.length) throw new Error(problems.join('\n'));
  await mkdir(`${TRACE_DIR}`, { recursive: true });
  await writeFile(
    `${TRACE_DIR}/${variant}-${SIZE}-${index}.json`,
    JSON.stringify({ traceEvents: events }),
  );

  const mark = (name: string) =>
    events.find((event) => event.name === name && event.cat.includes('user_timing'));
  const insert = mark('bench:insert')!;
  const ready = mark('bench:ready')!;
  const { pid, tid } = insert;
  const main = events.filter((event) => event.pid === pid && event.tid === tid);
  const navigation =
    main.find((event) => event.name === 'navigationStart' || event.name === 'ParseHTML')?.ts ??
    insert.ts;
  const tasks = main.filter((event) => event.name === 'RunTask' && event.ph === 'X');
  const busy = (from: number, to: number) =>
    tasks.reduce(
      (sum, task) => sum + Math.max(0, Math.min(task.ts + task.dur!, to) - Math.max(task.ts, from)),
      0,
    ) / 1000;
  const events_ = selfTimes(main, insert.ts, ready.ts);
  const at = (event: TraceEvent | undefined, end = false) =>
    event ? (event.ts + (end ? (event.dur ?? 0) : 0) - insert.ts) / 1000 : Number.NaN;
  const request = (part: string) =>
    events.find(
      (event) =>
        event.name === 'ResourceSendRequest' &&
        event.args?.data?.url?.includes(part) &&
        event.ts >= insert.ts,
    );
  const finish = (sent: TraceEvent | undefined) =>
    events.find(
      (event) =>
        event.name === 'ResourceFinish' &&
        event.args?.data?.requestId === sent?.args?.data?.requestId,
    );
  const script = request('connect-js.stripe.com');
  const secret = request('/api/secret');
  const evaluation = main.find(
    (event) =>
      event.name === 'EvaluateScript' && event.args?.data?.url?.includes('connect-js.stripe.com'),
  );
  const insertTask = tasks.find((task) => task.ts <= insert.ts && task.ts + task.dur! >= insert.ts);
  const timeline = new Map<string, number>([
    ['insert task ends', at(insertTask, true)],
    ['Connect.js requested', at(script)],
    ['client secret requested', at(secret)],
    ['Connect.js received', at(finish(script))],
    ['Connect.js evaluated from', at(evaluation)],
    ['Connect.js evaluated to', at(evaluation, true)],
    ['client secret received', at(finish(secret))],
    ['last connector', at(mark('bench:connector'))],
    ['last ready', at(ready)],
  ]);
  return {
    timeline,
    loadMs: busy(navigation, insert.ts),
    spanMs: (ready.ts - insert.ts) / 1000,
    busyMs: busy(insert.ts, ready.ts),
    events: new Map([...events_].map(([name, us]) => [name, us / 1000])),
    samples: sampledTime(events, pid, insert.ts, ready.ts),
  };
}

const medianOf = (summaries: TraceSummary[], pick: (summary: TraceSummary) => number | undefined) =>
  median(summaries.map((summary) => pick(summary) ?? 0));

function top(
  summaries: TraceSummary[],
  pick: (summary: TraceSummary) => Map<string, number>,
  count: number,
) {
  const keys = new Set(summaries.flatMap((summary) => [...pick(summary).keys()]));
  return [...keys]
    .map((key) => [key, medianOf(summaries, (summary) => pick(summary).get(key))] as const)
    .filter(([, value]) => value >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count);
}

const ms = (value: number) => value.toFixed(2).padStart(8);

function print(variant: string, summaries: TraceSummary[]): string {
  const lines = [
    `== ${variant}, ${SIZE} elements, ${PROFILE.name} profile: median of ${summaries.length} traces (ms)`,
    `page load before the insert (main thread busy): ${ms(medianOf(summaries, (s) => s.loadMs))}`,
    `span insert → ready: ${ms(medianOf(summaries, (s) => s.spanMs))}   main thread busy in it: ${ms(medianOf(summaries, (s) => s.busyMs))}`,
    '-- timeline, ms after the insert:',
    ...[...summaries[0]!.timeline.keys()].map(
      (name) => `${ms(medianOf(summaries, (s) => s.timeline.get(name)))}  ${name}`,
    ),
    '-- trace events, self time in the span:',
    ...top(summaries, (s) => s.events, 14).map(([name, value]) => `${ms(value)}  ${name}`),
    '-- sampled JS (V8 CPU profiler) in the span, by script:',
    ...top(summaries, (s) => s.samples.byScript, 10).map(
      ([name, value]) => `${ms(value)}  ${name}`,
    ),
    '-- top functions by self time:',
    ...top(summaries, (s) => s.samples.selfByFunction, 16).map(
      ([name, value]) => `${ms(value)}  ${name}`,
    ),
  ];
  if (variant === 'kit') {
    lines.push(
      '-- kit phases, inclusive sampled time:',
      ...Object.keys(KIT_PHASES).map(
        (phase) => `${ms(medianOf(summaries, (s) => s.samples.phases.get(phase)))}  ${phase}`,
      ),
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const [kit, raw, probe] = await Promise.all([
    bundleModule(CDN_ENTRY, { readable: true }),
    bundleModule({ file: 'bench/pages/raw.ts' }, { readable: true }),
    bundleScript({ file: 'bench/pages/probe.ts' }),
  ]);
  const server = await startBenchServer({ kit, raw, probe });
  await mkdir(`${TRACE_DIR}`, { recursive: true });
  await writeFile(`${TRACE_DIR}/kit.js`, kit); // what the @line of a function refers to
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext();
    const output: string[] = [];
    const results: Record<string, unknown> = {};
    for (const variant of (process.env.BENCH_PROFILE_VARIANTS ?? 'kit,raw').split(',')) {
      // One unmeasured page first, as the bench does.
      const { page } = await benchPage(context, server, variant, PROFILE);
      await page.evaluate(
        ([variant, size]) => window.bench.run(variant, size, `/api/secret?delay=0`),
        [variant, SIZE] as const,
      );
      await page.close();
      const summaries: TraceSummary[] = [];
      for (let index = 0; index < TRACES; index += 1) {
        process.stderr.write(`bench:profile: ${variant} trace ${index + 1}/${TRACES}\n`);
        summaries.push(await traceOnce(context, server, variant, index));
      }
      output.push(print(variant, summaries), '');
      results[variant] = summaries.map((summary) => ({
        ...summary,
        events: Object.fromEntries(summary.events),
        timeline: Object.fromEntries(summary.timeline),
        samples: Object.fromEntries(
          Object.entries(summary.samples).map(([key, map]) => [
            key,
            Object.fromEntries(map as Map<string, number>),
          ]),
        ),
      }));
    }
    console.log(output.join('\n'));
    await writeFile(`${TRACE_DIR}/summary.json`, `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
