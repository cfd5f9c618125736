/**
 * The in-page half of the benchmark, a classic script that runs before the variant's module.
 *
 * It wraps `setConnector` and `sessionReady` of the stand-in `stripe-connect-*` elements as
 * Connect.js defines them, so a round knows the moment its last Stripe element received its
 * connector, and the moment its last one had a ready session, without polling.
 */
import { connectElementTagNames } from '@stripe/connect-js/dist/pure.esm.js';

type Milestone = 'connector' | 'ready';

// The page's timers, counted from here on (the probe runs before any other script), on the churn
// page only (`?instrument=timers`), so the timed pages run unwrapped timers: how many are pending,
// so the churn measurement can tell whether anything left one behind. The probe's own waits use
// the timers saved here, which are never counted.
const realSetTimeout = window.setTimeout.bind(window);
const realClearTimeout = window.clearTimeout.bind(window);
const pendingTimers = new Set<number>();
if (new URLSearchParams(location.search).get('instrument') === 'timers') {
  const realSetInterval = window.setInterval.bind(window);
  const realClearInterval = window.clearInterval.bind(window);
  window.setTimeout = ((handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
    if (typeof handler !== 'function') return realSetTimeout(handler, timeout, ...args);
    const id: number = realSetTimeout(
      (...values: unknown[]) => {
        pendingTimers.delete(id);
        (handler as (...values: unknown[]) => void)(...values);
      },
      timeout,
      ...args,
    );
    pendingTimers.add(id);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) pendingTimers.delete(id);
    realClearTimeout(id);
  }) as typeof window.clearTimeout;
  window.setInterval = ((handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
    const id = realSetInterval(handler, timeout, ...args);
    pendingTimers.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) pendingTimers.delete(id);
    realClearInterval(id);
  }) as typeof window.clearInterval;
}

const pause = (ms: number) => new Promise((resolve) => realSetTimeout(resolve, ms));

/** One measured insertion of `size` Stripe elements. */
class Round {
  readonly start = performance.now();
  readonly seen: Record<Milestone, Set<Element>> = { connector: new Set(), ready: new Set() };
  readonly at: Partial<Record<Milestone, number>> = {};
  readonly done: Promise<void>;
  private finish!: () => void;

  constructor(readonly size: number) {
    this.done = new Promise((resolve) => (this.finish = resolve));
    // User-timing marks, for `npm run bench:profile` to find the measured span in its traces.
    performance.mark('bench:insert', { startTime: this.start });
  }

  saw(milestone: Milestone, element: Element): void {
    const seen = this.seen[milestone];
    seen.add(element);
    if (seen.size === this.size && this.at[milestone] === undefined) {
      this.at[milestone] = performance.now() - this.start;
      performance.mark(`bench:${milestone}`);
      if (this.at.connector !== undefined && this.at.ready !== undefined) this.finish();
    }
  }
}

let round: Round | undefined;

const define = customElements.define.bind(customElements);
customElements.define = (name, constructor, options) => {
  if (name.startsWith('stripe-connect-')) {
    const prototype = constructor.prototype as {
      setConnector(connector: unknown): void;
      sessionReady(): void;
    };
    const { setConnector, sessionReady } = prototype;
    prototype.setConnector = function (this: Element, connector) {
      setConnector.call(this, connector);
      round?.saw('connector', this);
    };
    prototype.sessionReady = function (this: Element) {
      sessionReady.call(this);
      round?.saw('ready', this);
    };
  }
  define(name, constructor, options);
};

const stage = () => document.getElementById('stage')!;

/** `size` component names: every component once, then round again. */
const componentsFor = (size: number) =>
  Array.from({ length: size }, (_, index) => connectElementTagNames[index % 21]!);

const PUBLISHABLE_KEY = 'pk_test_bench';

async function measure(size: number, insert: () => void, timeout = 10_000) {
  round = new Round(size);
  const current = round;
  insert();
  // The insert's own task: the synchronous part (element upgrades, in the kit's case).
  const inserted = performance.now() - current.start;
  let timer: number | undefined;
  await Promise.race([
    current.done,
    new Promise((_, reject) => {
      timer = realSetTimeout(
        () =>
          reject(
            new Error(
              `round of ${size} timed out: ${current.seen.connector.size} connectors, ${current.seen.ready.size} ready`,
            ),
          ),
        timeout,
      );
    }),
  ]);
  realClearTimeout(timer);
  round = undefined;
  return { insert: inserted, connector: current.at.connector!, ready: current.at.ready! };
}

/** Markup of one provider around `components`. */
const providerMarkup = (endpoint: string, components: string[]) =>
  `<ce-connect publishable-key="${PUBLISHABLE_KEY}" endpoint="${endpoint}">${components
    .map((name) => `<ce-${name}></ce-${name}>`)
    .join('')}</ce-connect>`;

const bench = {
  /** One measured round of page `variant` (`kit`, `raw`, or a React page `react-…`). */
  run(variant: string, size: number, endpoint: string) {
    // `base`: another build of the kit (BENCH_BASE_KIT).
    if (variant === 'kit' || variant === 'base') return bench.runKit(size, endpoint);
    if (variant === 'raw') return bench.runRaw(size, endpoint);
    const { benchReact } = window;
    if (!benchReact) throw new Error(`page ${variant} has no benchReact`);
    return measure(size, () => benchReact.mount(endpoint));
  },

  /** The kit: insert the markup, the elements do the rest. */
  runKit(size: number, endpoint: string) {
    const markup = providerMarkup(endpoint, componentsFor(size));
    return measure(size, () => stage().insertAdjacentHTML('beforeend', markup));
  },

  /** The same work with `@stripe/connect-js` calls: init, then `create` + append per component. */
  runRaw(size: number, endpoint: string) {
    const components = componentsFor(size);
    const { loadConnectAndInitialize } = window.benchRaw!;
    return measure(size, () => {
      const instance = loadConnectAndInitialize({
        publishableKey: PUBLISHABLE_KEY,
        fetchClientSecret: async () => {
          const response = await fetch(endpoint, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify({
              components: [...new Set(components)].map((name) => name.replaceAll('-', '_')),
            }),
          });
          return ((await response.json()) as { client_secret: string }).client_secret;
        },
      });
      for (const name of components) stage().append(instance.create(name as 'payments'));
    });
  },

  /**
   * `count` times: a provider with four components is inserted, waited for until every Stripe
   * element is ready, and removed. The stand-in Connect.js keeps every instance it made for
   * tests to inspect (`standIn.instances`); that record is emptied each cycle, as it is the
   * stand-in's memory and not the kit's.
   */
  async cycles(count: number, endpoint: string) {
    const components = ['account-onboarding', 'payments', 'payouts', 'balances'];
    for (let index = 0; index < count; index += 1) {
      const markup = providerMarkup(endpoint, components);
      await measure(components.length, () => stage().insertAdjacentHTML('beforeend', markup));
      stage().replaceChildren();
      // Removal is released a task later (a move within one task keeps the Stripe element).
      await pause(0);
      const { StripeConnect } = window as { StripeConnect?: { standIn?: { instances: unknown } } };
      const instances = StripeConnect?.standIn?.instances as unknown[] | undefined;
      if (instances) instances.length = 0;
    }
  },

  /** Mounts the churn page: one provider with one component, waited for until ready. */
  async mountChurn(endpoint: string) {
    const markup = providerMarkup(endpoint, [CHURN_COMPONENT]);
    await measure(1, () => stage().insertAdjacentHTML('beforeend', markup));
  },

  /** Timers pending, and Connect instances made so far (the stand-in's record). */
  counts() {
    const { StripeConnect } = window as { StripeConnect?: { standIn?: { instances: unknown[] } } };
    return {
      pendingTimers: pendingTimers.size,
      connectInstances: StripeConnect?.standIn?.instances.length ?? 0,
    };
  },

  /**
   * `count` morph-style removals: a script removes the component's Stripe element while the
   * component stays connected (as morphdom, idiomorph or Alpine morph do when the server's HTML
   * lacks it), then waits up to `patience` ms for the component to show a Stripe element again
   * that has its connector (the same node put back, or a new one). Stops at the first removal not
   * restored in time.
   */
  async churn(count: number, patience: number) {
    const component = stage().querySelector(`ce-${CHURN_COMPONENT}`)!;
    const stripeChild = () =>
      [...component.children].find(
        (child): child is HTMLElement & { connector?: unknown } =>
          child.localName.startsWith('stripe-connect-') && 'connector' in child,
      );
    let restored = 0;
    let sameNode = 0;
    let slowestMs = 0;
    for (let index = 0; index < count; index += 1) {
      const removed = stripeChild();
      if (!removed)
        return { restored, sameNode, slowestMs, failure: 'no Stripe element to remove' };
      const start = performance.now();
      removed.remove();
      let back = stripeChild();
      // First the microtasks (a MutationObserver answers there), then tasks until `patience`.
      for (let tick = 0; tick < 3 && !back?.connector; tick += 1) {
        await Promise.resolve();
        back = stripeChild();
      }
      while (!back?.connector && performance.now() - start < patience) {
        await pause(0);
        back = stripeChild();
      }
      if (!back?.connector) {
        return {
          restored,
          sameNode,
          slowestMs,
          failure: `removal ${index + 1} not restored within ${patience} ms`,
        };
      }
      slowestMs = Math.max(slowestMs, performance.now() - start);
      restored += 1;
      if (back === removed) sameNode += 1;
    }
    return { restored, sameNode, slowestMs, failure: undefined };
  },
};

/** The component of the churn measurement. */
const CHURN_COMPONENT = 'account-onboarding';

declare global {
  interface Window {
    bench: typeof bench;
    benchReact?: { mount(endpoint: string): void };
  }
}

window.bench = bench;
