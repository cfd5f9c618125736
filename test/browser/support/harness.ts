/**
 * Shared helpers of the browser tests: the test endpoint, the stand-in Connect.js, waiting for
 * Stripe elements, and guards that fail a test on console noise or a leaked client secret.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type {
  StandInControls,
  StandInElement,
} from '../../../packages/testing/src/stand-in/connect-js.js';
import type { RecordedRequest } from '../../support/test-endpoint.js';

/** A bucket of the test endpoint, so a test sees only its own requests. */
export function endpoint(params: Record<string, string | number> = {}) {
  const bucket = crypto.randomUUID();
  const query = new URLSearchParams({ bucket, ...params } as Record<string, string>);
  return {
    url: `/api/test/secret?${query}`,
    requests: async (): Promise<RecordedRequest[]> =>
      (await fetch(`/api/test/requests?bucket=${bucket}`)).json() as Promise<RecordedRequest[]>,
  };
}

/** `window.StripeConnect.standIn`, once Connect.js is on the page. */
export const standIn = (): StandInControls => window.StripeConnect!.standIn!;

/** Resolves when `predicate` holds, polling each animation frame. */
export async function until<T>(
  predicate: () => T,
  what = 'condition',
  timeout = 5000,
): Promise<NonNullable<T>> {
  const start = performance.now();
  for (;;) {
    const value = predicate();
    if (value) return value as NonNullable<T>;
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** The Stripe element inside a component element, once it has its connector. */
export const stripeElementOf = (element: HTMLElement): StandInElement | undefined =>
  [...element.children].find((node) => node.localName.startsWith('stripe-connect-')) as
    StandInElement | undefined;

export const mounted = (element: HTMLElement, timeout?: number): Promise<StandInElement> =>
  until(
    () => {
      const stripe = stripeElementOf(element);
      return stripe?.connector ? stripe : undefined;
    },
    `<${element.localName}> to mount its Stripe element`,
    timeout,
  );

/**
 * The Stripe element once its session is ready, i.e. after the client secret arrived: counting
 * endpoint requests before that races the request.
 */
export async function ready(element: HTMLElement, timeout?: number): Promise<StandInElement> {
  const stripe = await mounted(element, timeout);
  await until(() => stripe.connector?.status === 'ready', 'the session to be ready', timeout);
  return stripe;
}

/** The next `type` event on `target`. */
export const nextEvent = <E extends Event = CustomEvent>(
  target: EventTarget,
  type: string,
): Promise<E> =>
  new Promise((resolve) =>
    target.addEventListener(type, (event) => resolve(event as E), { once: true }),
  );

/** Sets how the stand-in CDN answers this page's Connect.js / Stripe.js requests. */
export const stripeCdn = (modes: { connect?: 'serve' | 'fail'; stripe?: 'serve' | 'fail' } = {}) =>
  executeServerCommand<{ connect: number; stripe: number }, typeof modes>('stripe-cdn', modes);

/** Every `ce-*` event of the page, for the client-secret scan. */
export const seenEvents: CustomEvent[] = [];
const consoleLines: string[] = [];

const SECRET = /_secret_/;

/** Fails when a client secret appears in an event detail, the DOM, or a console line. */
export function assertNoSecretLeaked(root: Node = document): void {
  const texts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element) {
      for (const attribute of node.attributes) texts.push(attribute.value);
      if (node.shadowRoot) walk(node.shadowRoot);
    } else if (node.nodeType === Node.TEXT_NODE) {
      texts.push(node.textContent ?? '');
    }
    node.childNodes.forEach(walk);
  };
  walk(root);
  for (const event of seenEvents) texts.push(`${event.type} ${JSON.stringify(event.detail)}`);
  texts.push(...consoleLines);
  const leak = texts.find((text) => SECRET.test(text));
  if (leak) throw new Error(`A client secret leaked: ${leak.slice(0, 200)}`);
}

const originalEventDispatch = EventTarget.prototype.dispatchEvent;
EventTarget.prototype.dispatchEvent = function (event: Event) {
  if (event instanceof CustomEvent && event.type.startsWith('ce-')) seenEvents.push(event);
  return originalEventDispatch.call(this, event);
};

const unexpectedConsole: string[] = [];
/** While above 0, console output is recorded for `expectConsole` and not printed. */
let capturing = 0;
for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    const line = args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' ');
    consoleLines.push(line);
    unexpectedConsole.push(`console.${level}: ${line}`);
    if (!capturing) original(...args);
  };
}

const unhandled: string[] = [];
window.addEventListener('unhandledrejection', (event) => {
  unhandled.push(String(event.reason?.message ?? event.reason));
});

/**
 * The console lines and unhandled rejections since the last call (or since the test began),
 * taken off the list `afterEach` checks: a property's cases each assert their own.
 */
export function takeNoise(): string[] {
  return [
    ...unexpectedConsole.splice(0),
    ...unhandled.splice(0).map((reason) => `unhandled rejection: ${reason}`),
  ];
}

/** Expect (and swallow) console output in `run`, e.g. a deliberate warning. */
export async function expectConsole(run: () => unknown | Promise<unknown>): Promise<string[]> {
  const before = unexpectedConsole.length;
  capturing += 1;
  try {
    await run();
  } finally {
    capturing -= 1;
  }
  return unexpectedConsole.splice(before);
}

afterEach(async function () {
  // Let pending microtasks and rejections settle inside the test that caused them.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const noise = unexpectedConsole.splice(0);
  const rejections = unhandled.splice(0);
  assertNoSecretLeaked();
  if (noise.length) throw new Error(`Unexpected console output:\n${noise.join('\n')}`);
  if (rejections.length) throw new Error(`Unhandled rejections:\n${rejections.join('\n')}`);
});
