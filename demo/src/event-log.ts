import { FINANCIAL_CONNECTIONS_EVENTS, kitEventNames } from './event-names.js';

const MAX_ENTRIES = 200;

/** The parts of the page the log writes into. */
export interface EventLogElements {
  list: HTMLOListElement;
  empty?: HTMLElement | null;
  count?: HTMLElement | null;
  clear?: HTMLButtonElement | null;
}

/**
 * Shows every `ce-*` event as it arrives: name, time, the element that fired it and its detail
 * as JSON. Listens on `document` in the capture phase, so nothing a page does to an event (stop
 * its propagation, cancel it) hides it from the log.
 */
export function mountEventLog({ list, empty, count, clear }: EventLogElements): () => void {
  let total = 0;
  const refresh = () => {
    if (empty) empty.hidden = list.childElementCount > 0;
    if (count) count.textContent = `(${total})`;
  };
  const record = (event: Event) => {
    total += 1;
    list.prepend(entry(event));
    while (list.childElementCount > MAX_ENTRIES) list.lastElementChild!.remove();
    refresh();
  };
  for (const name of kitEventNames) document.addEventListener(name, record, { capture: true });
  const onClear = () => {
    list.replaceChildren();
    total = 0;
    refresh();
  };
  clear?.addEventListener('click', onClear);
  refresh();
  return () => {
    for (const name of kitEventNames) document.removeEventListener(name, record, { capture: true });
    clear?.removeEventListener('click', onClear);
  };
}

function entry(event: Event): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'event-log__entry';
  item.dataset['event'] = event.type;
  item.dataset['kind'] =
    event.type === 'ce-error'
      ? 'error'
      : (FINANCIAL_CONNECTIONS_EVENTS as readonly string[]).includes(event.type)
        ? 'financial-connections'
        : 'component';

  const meta = document.createElement('div');
  meta.className = 'event-log__meta';
  const name = document.createElement('span');
  name.className = 'event-log__name';
  name.textContent = event.type;
  const source = document.createElement('span');
  source.className = 'event-log__source';
  const target = event.target;
  source.textContent = target instanceof Element ? `on <${target.localName}>` : '';
  const time = document.createElement('time');
  time.className = 'event-log__time';
  const now = new Date();
  time.dateTime = now.toISOString();
  time.textContent = formatTime(now);
  meta.append(name, source, time);

  const detail = document.createElement('pre');
  detail.className = 'event-log__detail';
  detail.textContent = describe((event as CustomEvent).detail);
  item.append(meta, detail);
  return item;
}

/** `14:03:07.215`: to the millisecond, as events often arrive together. */
export const formatTime = (date: Date) =>
  `${date.toLocaleTimeString('en-GB', { hour12: false })}.${String(date.getMilliseconds()).padStart(3, '0')}`;

/** `detail` as indented JSON (`undefined` for listeners Stripe calls with nothing). */
export function describe(detail: unknown): string {
  if (detail === undefined) return 'undefined';
  try {
    return JSON.stringify(detail, null, 2) ?? String(detail);
  } catch {
    return String(detail);
  }
}
