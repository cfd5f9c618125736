/**
 * Memory: provider cycles (a provider with four components mounted until ready and removed, over
 * and over) and lifecycle churn.
 *
 * Lifecycle churn: a mounted `<ce-account-onboarding>` has its Stripe element removed by a
 * script 1,000 times while it stays connected (what a morphing library does when the server's
 * HTML lacks the child), and is expected to restore it each time (docs/stacks/server-rendered.md). Heap
 * growth, listeners left on the page, pending timers, endpoint requests and Connect instances
 * are read before and after.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';
import { benchPage, heapAfterGc } from './ready.js';
import type { BenchServer } from './server.js';

export interface ChurnRow {
  cycles: number;
  restored: number;
  /** Restorations that put the same node back. */
  sameNode: number;
  /** Why the churn stopped early, if it did. */
  failure: string | undefined;
  slowestRestoreMs: number;
  heapGrowthBytes: number;
  /** Listeners on `window` and anywhere in the document (shadow roots included), after − before. */
  listenersLeft: number;
  /** Timers pending, after − before. */
  timersLeft: number;
  newEndpointRequests: number;
  newConnectInstances: number;
}

/** Every listener on `window` and on the document's nodes, shadow trees included. */
async function listenerCount(cdp: CDPSession): Promise<number> {
  let total = 0;
  for (const [expression, depth] of [
    ['window', 0],
    ['document', -1],
  ] as const) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
      objectId: result.objectId!,
      depth,
      pierce: true,
    });
    total += listeners.length;
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId! });
  }
  return total;
}

export async function churn(
  context: BrowserContext,
  server: BenchServer,
  cycles: number,
  patienceMs = 1000,
): Promise<ChurnRow> {
  const { page, problems } = await benchPage(context, server, 'kit', undefined, {
    instrumentTimers: true,
  });
  const id = 'churn';
  try {
    await page.evaluate((endpoint) => window.bench.mountChurn(endpoint), `/api/secret?page=${id}`);
    // Warm: a few removals, so code paths compile before the heap is read. A miss here is the
    // result: the component has no Stripe element left to remove.
    const warm = await page.evaluate((patience) => window.bench.churn(5, patience), patienceMs);
    const cdp = await context.newCDPSession(page);
    const before = {
      heap: await heapAfterGc(page),
      listeners: await listenerCount(cdp),
      requests: server.requests(id),
      ...(await page.evaluate(() => window.bench.counts())),
    };
    const result = warm.failure
      ? { ...warm, restored: 0, failure: `${warm.failure} (warm-up)` }
      : await page.evaluate(([count, patience]) => window.bench.churn(count, patience), [
          cycles,
          patienceMs,
        ] as const);
    // Let anything the kit scheduled on the way settle before counting what is left.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const after = {
      heap: await heapAfterGc(page),
      listeners: await listenerCount(cdp),
      requests: server.requests(id),
      ...(await page.evaluate(() => window.bench.counts())),
    };
    await cdp.detach();
    if (problems.length) throw new Error(`churn page reported:\n${problems.join('\n')}`);
    return {
      cycles,
      restored: result.restored,
      sameNode: result.sameNode,
      failure: result.failure,
      slowestRestoreMs: Number(result.slowestMs.toFixed(1)),
      heapGrowthBytes: after.heap - before.heap,
      listenersLeft: after.listeners - before.listeners,
      timersLeft: after.pendingTimers - before.pendingTimers,
      newEndpointRequests: after.requests - before.requests,
      newConnectInstances: after.connectInstances - before.connectInstances,
    };
  } finally {
    await page.close();
  }
}

export interface ProviderCyclesRow {
  cycles: number;
  beforeBytes: number;
  afterBytes: number;
  growthBytes: number;
}

/**
 * `cycles` times: a provider with four components inserted, waited for until every Stripe
 * element is ready, and removed (the endpoint answering at once); the heap read after 20 warm-up
 * cycles and after the rest.
 */
export async function providerCycles(
  context: BrowserContext,
  server: BenchServer,
  cycles: number,
): Promise<ProviderCyclesRow> {
  const { page, problems } = await benchPage(context, server, 'kit');
  const endpoint = `/api/secret?page=memory&delay=0`;
  const run = (count: number) =>
    page.evaluate(([count, endpoint]) => window.bench.cycles(count, endpoint), [
      count,
      endpoint,
    ] as const);
  try {
    await run(20); // warm: Connect.js loaded, code compiled, caches filled
    const beforeBytes = await heapAfterGc(page);
    await run(cycles);
    const afterBytes = await heapAfterGc(page);
    if (problems.length) throw new Error(`memory page reported:\n${problems.join('\n')}`);
    return { cycles, beforeBytes, afterBytes, growthBytes: afterBytes - beforeBytes };
  } finally {
    await page.close();
  }
}
