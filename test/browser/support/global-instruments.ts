/**
 * Records the timers and the `window` / `document` listeners that the kit's own code
 * (`/packages/core/src/`) sets and has not cleared or removed. Import it before the kit, so the
 * kit's calls go through it.
 */
const KIT_SOURCE = '/packages/core/src/';

Error.stackTraceLimit = Math.max(Error.stackTraceLimit, 50);

const callerStack = (): string | undefined => {
  const stack = new Error().stack ?? '';
  return stack.includes(KIT_SOURCE) ? stack : undefined;
};

/** Timers the kit set that have neither run nor been cleared: id → where they were set. */
export const pendingKitTimers = new Map<number, string>();

/** How many timers the kit has set (to show the instruments see the kit at all). */
export const kitTimerCount = { value: 0 };

const realSetTimeout = window.setTimeout.bind(window);
const realClearTimeout = window.clearTimeout.bind(window);
const realSetInterval = window.setInterval.bind(window);
const realClearInterval = window.clearInterval.bind(window);

window.setTimeout = ((handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
  const stack = callerStack();
  if (!stack || typeof handler !== 'function') return realSetTimeout(handler, timeout, ...args);
  const id = realSetTimeout(
    (...values: unknown[]) => {
      pendingKitTimers.delete(id);
      (handler as (...values: unknown[]) => void)(...values);
    },
    timeout,
    ...args,
  );
  pendingKitTimers.set(id, stack);
  kitTimerCount.value += 1;
  return id;
}) as typeof window.setTimeout;

window.setInterval = ((handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
  const id = realSetInterval(handler, timeout, ...args);
  const stack = callerStack();
  if (stack) {
    pendingKitTimers.set(id, stack);
    kitTimerCount.value += 1;
  }
  return id;
}) as typeof window.setInterval;

window.clearTimeout = ((id?: number) => {
  if (id !== undefined) pendingKitTimers.delete(id);
  realClearTimeout(id);
}) as typeof window.clearTimeout;
window.clearInterval = ((id?: number) => {
  if (id !== undefined) pendingKitTimers.delete(id);
  realClearInterval(id);
}) as typeof window.clearInterval;

interface KitListener {
  target: 'window' | 'document';
  type: string;
  listener: EventListenerOrEventListenerObject;
  capture: boolean;
  stack: string;
}

/** Listeners the kit added to `window` or `document` and has not removed. */
export const kitListeners = new Set<KitListener>();

const captureOf = (options?: boolean | AddEventListenerOptions | EventListenerOptions) =>
  typeof options === 'boolean' ? options : Boolean(options?.capture);

for (const [name, target] of [
  ['window', window],
  ['document', document],
] as const) {
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  target.addEventListener = (
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) => {
    if (!listener) return;
    const stack = callerStack();
    if (stack) {
      const record = { target: name, type, listener, capture: captureOf(options), stack };
      kitListeners.add(record);
      if (typeof options === 'object' && options.once) {
        // A `once` listener removes itself when it runs.
        add(type, () => kitListeners.delete(record), { once: true });
      }
    }
    add(type, listener, options);
  };
  target.removeEventListener = (
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) => {
    if (!listener) return;
    for (const record of kitListeners) {
      if (
        record.target === name &&
        record.type === type &&
        record.listener === listener &&
        record.capture === captureOf(options)
      ) {
        kitListeners.delete(record);
      }
    }
    remove(type, listener, options);
  };
}
