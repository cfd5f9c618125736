/**
 * A stand-in for Stripe's `connect.js` (https://connect-js.stripe.com/v1.0/connect.js), bundled
 * into one classic script. It speaks the protocol `@stripe/connect-js` expects of the real one:
 * `window.StripeConnect.init(params)` returns `{connect, update, logout}`, and every
 * `stripe-connect-<name>` element has `setConnector(connect)` and a `<setter>InternalOnly`
 * method per setter. Each element renders a visible placeholder naming its component and the
 * settings it received, and buttons that fire its listeners.
 *
 * Tests drive it through `window.StripeConnect.standIn` (see `StandInControls`). It never shows
 * or stores a client secret anywhere a page could read it.
 */
import {
  ConnectElementCommonMethodConfig,
  ConnectElementCustomMethodConfig,
  connectElementTagNames,
} from '@stripe/connect-js/dist/pure.esm.js';
import { parseOfflineClientSecret } from '../offline-secret.js';
import { defaultListenerDetail } from './listener-details.js';

interface InitParams {
  publishableKey: string;
  fetchClientSecret: () => Promise<string>;
  appearance?: unknown;
  locale?: string;
  fonts?: unknown;
  displayOptions?: unknown;
  metaOptions?: { eagerClientSecretPromise?: Promise<string> };
}

type UpdateParams = { appearance?: unknown; displayOptions?: unknown; locale?: string };

type SessionStatus = 'loading' | 'ready' | 'failed' | 'logged-out';

/** How a test sees one `StripeConnect.init` call. */
export interface StandInInstance {
  readonly publishableKey: string;
  readonly appearance: unknown;
  readonly displayOptions: unknown;
  readonly locale: string | undefined;
  /** The fonts it was initialised with (Connect has no way to change them later). */
  readonly fonts: unknown;
  readonly status: SessionStatus;
  /** How many client secrets this instance asked for and received. */
  readonly secretsReceived: number;
  /** The `update` calls received, in order. */
  readonly updates: readonly unknown[];
  readonly logoutCalls: number;
  /** Tells the instance its session expired: it calls `fetchClientSecret` again, as Connect does. */
  expireSession(): Promise<void>;
}

/** `window.StripeConnect.standIn`. */
export interface StandInControls {
  readonly instances: readonly StandInInstance[];
  /** Accept only secrets `createOfflineStripe()` issued, and expire them when it says (the demo). */
  requireOfflineSecrets: boolean;
  /** The stand-in elements on the page. */
  elements(): StandInElement[];
}

const ELEMENT_PREFIX = 'stripe-connect-';
const SESSION_SECRET_PREFIX = /^accs_secret__\S+$/;

class Instance implements StandInInstance {
  status: SessionStatus = 'loading';
  secretsReceived = 0;
  updates: unknown[] = [];
  logoutCalls = 0;
  appearance: unknown;
  displayOptions: unknown;
  locale: string | undefined;
  readonly fonts: unknown;
  failure: string | undefined;
  readonly elements = new Set<StandInElement>();
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;

  constructor(private readonly params: InitParams) {
    // Connect sends its options to its iframes: what `postMessage` cannot clone fails there.
    this.fonts = structuredClone(params.fonts);
    this.appearance = structuredClone(params.appearance);
    this.displayOptions = structuredClone(params.displayOptions);
    this.locale = params.locale;
    void this.authenticate(
      params.metaOptions?.eagerClientSecretPromise ?? callSafely(params.fetchClientSecret),
    );
  }

  get publishableKey(): string {
    return this.params.publishableKey;
  }

  expireSession(): Promise<void> {
    clearTimeout(this.expiryTimer);
    return this.authenticate(callSafely(this.params.fetchClientSecret));
  }

  update(options: UpdateParams): void {
    options = structuredClone(options);
    this.updates.push(options);
    if ('appearance' in options) this.appearance = options.appearance;
    if ('displayOptions' in options) this.displayOptions = options.displayOptions;
    if ('locale' in options) this.locale = options.locale;
    this.render();
  }

  logout(): Promise<void> {
    this.logoutCalls += 1;
    clearTimeout(this.expiryTimer);
    this.status = 'logged-out';
    this.render();
    return Promise.resolve();
  }

  private async authenticate(secretPromise: Promise<string>): Promise<void> {
    const attempt = ++this.attempt;
    this.status = 'loading';
    this.render();
    let secret: string;
    try {
      secret = await secretPromise;
    } catch {
      if (attempt === this.attempt) this.setFailure('fetchClientSecret failed.');
      return;
    }
    if (attempt !== this.attempt) return;
    const offline = parseOfflineClientSecret(secret);
    if (typeof secret !== 'string' || !SESSION_SECRET_PREFIX.test(secret)) {
      this.setFailure('fetchClientSecret did not return an AccountSession client secret.');
      return;
    }
    if (controls.requireOfflineSecrets && !offline) {
      this.setFailure('This client secret was not issued by the offline Stripe API.');
      return;
    }
    if (offline && offline.expiresAt * 1000 <= Date.now()) {
      this.setFailure('This client secret has expired.');
      return;
    }
    this.secretsReceived += 1;
    this.status = 'ready';
    this.failure = undefined;
    if (offline) {
      // Refresh shortly before the secret expires, as Connect does.
      const delay = Math.max(offline.expiresAt * 1000 - Date.now() - 1000, 0);
      this.expiryTimer = setTimeout(() => void this.expireSession(), delay);
    }
    this.render();
    for (const element of this.elements) element.sessionReady();
  }

  private setFailure(message: string): void {
    this.status = 'failed';
    this.failure = message;
    this.render();
  }

  render(): void {
    for (const element of this.elements) element.render();
  }
}

function callSafely(fetchClientSecret: () => Promise<string>): Promise<string> {
  try {
    return Promise.resolve(fetchClientSecret());
  } catch (error) {
    return Promise.reject(error);
  }
}

const instances: Instance[] = [];

const controls: StandInControls = {
  instances,
  requireOfflineSecrets: false,
  elements: () =>
    connectElementTagNames.flatMap((name) => [
      ...document.querySelectorAll<StandInElement>(ELEMENT_PREFIX + name),
    ]),
};

const methodsOf = (name: string): string[] =>
  Object.keys({
    ...((ConnectElementCustomMethodConfig as Record<string, object>)[name] ?? {}),
    ...ConnectElementCommonMethodConfig,
  });

const isListener = (setter: string) => /^setOn[A-Z]/.test(setter);

const describeValue = (value: unknown): string => {
  if (typeof value === 'function') return 'function';
  if (value instanceof Date) return value.toISOString();
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

const STYLE = `
  :host { display: block; }
  .card { font: 14px/1.45 system-ui, sans-serif; border: 1px dashed #8792a2; border-radius: 8px;
    padding: 12px 14px; background: #f6f8fa; color: #1a1f36; }
  h3 { margin: 0 0 4px; font-size: 15px; }
  .status { margin: 0 0 8px; color: #4f566b; }
  .status[data-status='failed'] { color: #b3093c; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0 0 8px; }
  dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; font-family: ui-monospace, monospace; }
  .listeners { display: flex; flex-wrap: wrap; gap: 6px; }
  button { font: inherit; font-size: 13px; padding: 3px 9px; border-radius: 4px;
    border: 1px solid #635bff; background: #fff; color: #3d33d8; cursor: pointer; }
`;

let sheet: CSSStyleSheet | undefined;

/**
 * The styles of every stand-in element, one constructed sheet adopted by each shadow root:
 * unlike a `<style>` element it needs no `'unsafe-inline'` in a page's `style-src` CSP.
 */
const styleSheet = (): CSSStyleSheet => {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  return sheet;
};

/** A stand-in `stripe-connect-<name>` element. */
export class StandInElement extends HTMLElement {
  /** The component, e.g. `account-onboarding`. */
  readonly component = this.localName.slice(ELEMENT_PREFIX.length);
  /** The last value each setter received, by setter name. */
  readonly settings: Record<string, unknown> = {};
  /** How many times each setter was called. */
  readonly setterCalls: Record<string, number> = {};
  private instance: Instance | undefined;
  private ephemeralKeyStatus: string | undefined;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [styleSheet()];
    for (const method of methodsOf(this.component)) {
      (this as unknown as Record<string, (value: unknown) => void>)[`${method}InternalOnly`] = (
        value,
      ) => {
        // Connect sends settings to its iframes; functions stay in the page.
        this.settings[method] = typeof value === 'function' ? value : structuredClone(value);
        this.setterCalls[method] = (this.setterCalls[method] ?? 0) + 1;
        this.render();
      };
    }
  }

  /** Called by `@stripe/connect-js` with the `connect` of `StripeConnect.init`. */
  setConnector(connector: Instance): void {
    this.instance?.elements.delete(this);
    this.instance = connector;
    connector.elements.add(this);
    this.render();
    if (connector.status === 'ready') this.sessionReady();
  }

  /** The instance this element was connected to. */
  get connector(): StandInInstance | undefined {
    return this.instance;
  }

  /** Calls the listener Stripe would call, with `detail` or a realistic default. */
  fire(setter: string, ...detail: unknown[]): void {
    const listener = this.settings[setter];
    if (typeof listener !== 'function')
      throw new Error(`${setter} has no listener on ${this.localName}`);
    (listener as (value: unknown) => void)(
      detail.length ? detail[0] : defaultListenerDetail(setter, this.localName),
    );
  }

  connectedCallback(): void {
    if (this.instance) this.instance.elements.add(this);
    this.render();
  }

  disconnectedCallback(): void {
    this.instance?.elements.delete(this);
  }

  /** The session is authenticated: start the component as Connect would. */
  sessionReady(): void {
    if (typeof this.settings['setOnLoaderStart'] === 'function') this.fire('setOnLoaderStart');
    const fetchEphemeralKey = this.settings['setFetchEphemeralKey'];
    if (typeof fetchEphemeralKey === 'function') {
      const issuingCard = String(this.settings['setDefaultCard'] ?? 'ic_standin_1');
      this.ephemeralKeyStatus = 'requested';
      Promise.resolve(
        (fetchEphemeralKey as (p: object) => Promise<{ ephemeralKeySecret?: unknown }>)({
          issuingCard,
          nonce: `nonce_standin_${Math.random().toString(36).slice(2, 10)}`,
        }),
      ).then(
        (answer) => {
          this.ephemeralKeyStatus =
            typeof answer?.ephemeralKeySecret === 'string' ? 'received' : 'invalid answer';
          this.render();
        },
        () => {
          this.ephemeralKeyStatus = 'failed';
          this.render();
        },
      );
    }
  }

  private paintScheduled = false;

  /**
   * Renders the placeholder, once for all the changes made in the same microtask checkpoint:
   * Connect calls a new element's setters in a row, and one full re-render per call would make
   * the stand-in, not the page, the cost of a hundred elements.
   */
  render(): void {
    if (this.paintScheduled) return;
    this.paintScheduled = true;
    queueMicrotask(() => {
      this.paintScheduled = false;
      this.paint();
    });
  }

  private paint(): void {
    const root = this.shadowRoot!;
    const instance = this.instance;
    const status = !instance
      ? 'Waiting for Connect…'
      : instance.status === 'ready'
        ? 'Session ready'
        : instance.status === 'loading'
          ? 'Loading session…'
          : instance.status === 'logged-out'
            ? 'Logged out'
            : `Failed: ${instance.failure ?? 'unknown error'}`;
    const rows: Array<[string, string]> = [];
    if (instance?.locale) rows.push(['locale', instance.locale]);
    if (instance?.appearance) rows.push(['appearance', describeValue(instance.appearance)]);
    for (const [setter, value] of Object.entries(this.settings)) {
      if (!isListener(setter)) rows.push([setter, describeValue(value)]);
    }
    if (this.ephemeralKeyStatus) rows.push(['ephemeral key', this.ephemeralKeyStatus]);
    const listeners = Object.keys(this.settings).filter(
      (setter) => isListener(setter) && typeof this.settings[setter] === 'function',
    );

    const card = document.createElement('div');
    card.className = 'card';
    card.setAttribute('role', 'region');
    card.setAttribute('aria-label', `Stripe ${this.component} (stand-in)`);
    const title = document.createElement('h3');
    title.textContent = `Stripe ${this.component}`;
    const statusLine = document.createElement('p');
    statusLine.className = 'status';
    statusLine.dataset['status'] = instance?.status ?? 'waiting';
    statusLine.textContent = `Offline stand-in · ${status}`;
    card.append(title, statusLine);
    if (rows.length) {
      const list = document.createElement('dl');
      for (const [name, value] of rows) {
        const term = document.createElement('dt');
        term.textContent = name;
        const description = document.createElement('dd');
        description.textContent = value;
        list.append(term, description);
      }
      card.append(list);
    }
    if (listeners.length) {
      const buttons = document.createElement('div');
      buttons.className = 'listeners';
      for (const setter of listeners) {
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset['listener'] = setter;
        button.textContent = `Fire on${setter.slice(5)}`;
        button.addEventListener('click', () => this.fire(setter));
        buttons.append(button);
      }
      card.append(buttons);
    }
    root.replaceChildren(card);
  }
}

declare global {
  interface Window {
    StripeConnect?: {
      init?: (params: InitParams) => unknown;
      standIn?: StandInControls;
      optimizedLoading?: boolean;
    };
  }
}

for (const name of connectElementTagNames) {
  if (!customElements.get(ELEMENT_PREFIX + name)) {
    customElements.define(ELEMENT_PREFIX + name, class extends StandInElement {});
  }
}

window.StripeConnect = window.StripeConnect ?? {};
window.StripeConnect.standIn = controls;
window.StripeConnect.init = (params: InitParams) => {
  const instance = new Instance(params);
  instances.push(instance);
  return {
    connect: instance,
    update: (options: UpdateParams) => instance.update(options),
    logout: () => instance.logout(),
  };
};
