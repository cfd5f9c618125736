/**
 * The in-page half of the benchmark, a classic script that runs before the variant's module.
 *
 * It wraps `setConnector` and `sessionReady` of the stand-in `stripe-connect-*` elements as
 * Connect.js defines them, so a round knows the moment its last Stripe element received its
 * connector, and the moment its last one had a ready session, without polling.
 */
import { connectElementTagNames } from '@stripe/connect-js/dist/pure.esm.js';

type Milestone = 'connector' | 'ready';

/** One measured insertion of `size` Stripe elements. */
class Round {
  readonly start = performance.now();
  readonly seen: Record<Milestone, Set<Element>> = { connector: new Set(), ready: new Set() };
  readonly at: Partial<Record<Milestone, number>> = {};
  readonly done: Promise<void>;
  private finish!: () => void;

  constructor(readonly size: number) {
    this.done = new Promise((resolve) => (this.finish = resolve));
  }

  saw(milestone: Milestone, element: Element): void {
    const seen = this.seen[milestone];
    seen.add(element);
    if (seen.size === this.size && this.at[milestone] === undefined) {
      this.at[milestone] = performance.now() - this.start;
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
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    current.done,
    new Promise((_, reject) => {
      timer = setTimeout(
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
  clearTimeout(timer);
  round = undefined;
  return { connector: current.at.connector!, ready: current.at.ready! };
}

/** Markup of one provider around `components`. */
const providerMarkup = (endpoint: string, components: string[]) =>
  `<ce-connect publishable-key="${PUBLISHABLE_KEY}" endpoint="${endpoint}">${components
    .map((name) => `<ce-${name}></ce-${name}>`)
    .join('')}</ce-connect>`;

const bench = {
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
      await new Promise((resolve) => setTimeout(resolve, 0));
      const { StripeConnect } = window as { StripeConnect?: { standIn?: { instances: unknown } } };
      const instances = StripeConnect?.standIn?.instances as unknown[] | undefined;
      if (instances) instances.length = 0;
    }
  },
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}

window.bench = bench;
