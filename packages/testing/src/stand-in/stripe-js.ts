/**
 * A stand-in for Stripe.js (https://js.stripe.com/<train>/stripe.js), bundled into one classic
 * script, for Financial Connections. It speaks what `@stripe/stripe-js` expects of the real one:
 * it defines `window.Stripe(publishableKey, options)` with the `version` of the release train it
 * was loaded from, and instances with `_registerWrapper`. `collectFinancialConnectionsAccounts`
 * and `collectBankAccountToken` open a visible, accessible modal (a `<dialog>` listing test
 * institutions, with "Link" and "Cancel") and resolve as Stripe.js does:
 *
 * - Link: `{financialConnectionsSession: {id, object, accounts: [Account], client_secret, …}}`,
 *   plus `{token: {id: 'btok_…', bank_account}}` for `collectBankAccountToken`;
 * - Cancel (or Escape): the session with an empty `accounts` list;
 * - a malformed, already used or expired client secret: `{error: {type, code, message}}`.
 *
 * Tests drive it through `window.Stripe.standIn` (see `StripeStandInControls`): `next` ends the
 * next flow without a click, `resolveOpen(action)` ends the open one. It never shows or records a
 * client secret.
 */
import { parseOfflineClientSecret } from '../offline-secret.js';
import { randomToken } from '../offline-stripe-ids.js';

/** How a flow ends: the customer links an account, cancels, or Stripe reports an error. */
export type StripeStandInAction = 'link' | 'cancel' | 'error';

/** An error as Stripe.js reports it. */
export interface StripeStandInError {
  type: string;
  code?: string;
  message: string;
}

/** One `Stripe(publishableKey, options)` call. */
export interface StripeStandInCall {
  readonly publishableKey: string;
  readonly options: { stripeAccount?: string; [option: string]: unknown } | undefined;
}

/** One `collectFinancialConnectionsAccounts` / `collectBankAccountToken` call (never its secret). */
export interface StripeStandInFlow {
  readonly method: 'collectFinancialConnectionsAccounts' | 'collectBankAccountToken';
  readonly publishableKey: string;
  readonly stripeAccount: string | undefined;
  /** Whether the modal is open. */
  readonly open: boolean;
  /** How the flow ended, once it did. */
  readonly outcome: StripeStandInAction | 'refused' | undefined;
}

/** `window.Stripe.standIn`. */
export interface StripeStandInControls {
  /** Every `Stripe()` call, in order. */
  readonly calls: readonly StripeStandInCall[];
  /** What loaders registered with `_registerWrapper` (e.g. `{name: 'stripe-js', version}`). */
  readonly wrappers: readonly unknown[];
  /** Every collect call, in order. */
  readonly flows: readonly StripeStandInFlow[];
  /** Ends the next flow this way as soon as its modal opens; consumed by that flow. */
  next: StripeStandInAction | undefined;
  /** What the `error` action resolves with. */
  error: StripeStandInError;
  /** Accept only secrets `createOfflineStripe()` issued (the demo). */
  requireOfflineSecrets: boolean;
  /** The flow whose modal is open, if any. */
  readonly openFlow: StripeStandInFlow | undefined;
  /** Ends the open flow as the customer (or Stripe) would. Throws when none is open. */
  resolveOpen(action: StripeStandInAction): void;
  /** Resolves with the next flow whose modal is open (or the open one). */
  whenOpen(): Promise<StripeStandInFlow>;
}

type Method = StripeStandInFlow['method'];

const CLIENT_SECRET = /^fcsess_client_secret_[A-Za-z0-9_-]+$/;

const INSTITUTIONS = [
  { name: 'StripeBank', last4: '6789', subcategory: 'checking', display: 'Checking' },
  { name: 'Test Savings Union', last4: '4321', subcategory: 'savings', display: 'Savings' },
  { name: 'Offline Credit Co-op', last4: '1357', subcategory: 'checking', display: 'Everyday' },
] as const;

type Institution = (typeof INSTITUTIONS)[number];

const now = () => Math.floor(Date.now() / 1000);

/**
 * The release train this script was served under (`/<train>/stripe.js`), which `@stripe/stripe-js`
 * compares with its own: `data-release-train` of the script tag when it is served from elsewhere,
 * else `endive` (the train of `@stripe/stripe-js` 10). Stripe.js v3 reports the number 3.
 */
const releaseTrain = ((): string | number => {
  const script =
    document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
  const train =
    /^https:\/\/js\.stripe\.com\/([a-z0-9]+)\/stripe\.js/.exec(script?.src ?? '')?.[1] ??
    script?.dataset['releaseTrain'] ??
    'endive';
  return train === 'v3' ? 3 : train;
})();

const calls: StripeStandInCall[] = [];
const wrappers: unknown[] = [];
const flows: Flow[] = [];
const usedSecrets = new Set<string>();
const openWaiters: Array<(flow: StripeStandInFlow) => void> = [];

class Flow implements StripeStandInFlow {
  open = false;
  outcome: StripeStandInAction | 'refused' | undefined;
  private dialog: HTMLDialogElement | undefined;
  private institution: Institution = INSTITUTIONS[0];
  private settle: ((result: unknown) => void) | undefined;

  constructor(
    readonly method: Method,
    readonly publishableKey: string,
    readonly stripeAccount: string | undefined,
    private readonly sessionId: string,
    private readonly clientSecret: string,
  ) {}

  /** Opens the modal; resolves when the customer (or a test) ends the flow. */
  start(): Promise<unknown> {
    return new Promise((resolve) => {
      this.settle = resolve;
      this.dialog = this.renderDialog();
      document.body.append(this.dialog);
      this.dialog.showModal();
      this.open = true;
      for (const waiter of openWaiters.splice(0)) waiter(this);
      const next = controls.next;
      if (next) {
        controls.next = undefined;
        setTimeout(() => this.end(next), 0);
      }
    });
  }

  end(action: StripeStandInAction): void {
    if (!this.open) return;
    this.open = false;
    this.outcome = action;
    this.dialog?.close();
    this.dialog?.remove();
    this.dialog = undefined;
    this.settle?.(this.result(action));
  }

  private result(action: StripeStandInAction): unknown {
    if (action === 'error') return errorResult(this.method, { ...controls.error });
    const accounts = action === 'link' ? [account(this.institution)] : [];
    // What Stripe.js resolves with holds the session's client secret: the page must not show it.
    const financialConnectionsSession = {
      id: this.sessionId,
      object: 'financial_connections.session',
      accounts,
      client_secret: this.clientSecret,
      filters: { countries: ['US'] },
      livemode: false,
      permissions: ['payment_method', 'balances'],
    };
    if (this.method === 'collectFinancialConnectionsAccounts')
      return { financialConnectionsSession };
    return {
      financialConnectionsSession,
      token: action === 'link' ? bankAccountToken(this.institution) : undefined,
    };
  }

  private renderDialog(): HTMLDialogElement {
    const dialog = document.createElement('dialog');
    const titleId = `stripe-standin-fc-title-${randomToken(6)}`;
    dialog.setAttribute('aria-labelledby', titleId);
    dialog.dataset['standIn'] = 'financial-connections';
    dialog.style.cssText =
      'font: 14px/1.45 system-ui, sans-serif; color: #1a1f36; border: 0; border-radius: 10px; padding: 20px 22px; max-width: 360px; box-shadow: 0 12px 40px rgba(0,0,0,.25);';
    const title = document.createElement('h2');
    title.id = titleId;
    title.style.cssText = 'margin: 0 0 4px; font-size: 18px;';
    title.textContent = 'Link your bank account';
    const note = document.createElement('p');
    note.style.cssText = 'margin: 0 0 12px; color: #4f566b;';
    note.textContent =
      this.method === 'collectBankAccountToken'
        ? 'Offline stand-in for Stripe Financial Connections (bank account token).'
        : 'Offline stand-in for Stripe Financial Connections.';
    if (this.stripeAccount) note.textContent += ` On behalf of ${this.stripeAccount}.`;

    const list = document.createElement('fieldset');
    list.style.cssText =
      'border: 1px solid #e3e8ee; border-radius: 8px; margin: 0 0 16px; padding: 8px 12px;';
    const legend = document.createElement('legend');
    legend.textContent = 'Choose your bank';
    list.append(legend);
    const group = `stripe-standin-institution-${randomToken(6)}`;
    INSTITUTIONS.forEach((institution, index) => {
      const label = document.createElement('label');
      label.style.cssText = 'display: flex; gap: 8px; align-items: center; padding: 4px 0;';
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = group;
      radio.value = institution.name;
      radio.checked = index === 0;
      radio.addEventListener('change', () => {
        if (radio.checked) this.institution = institution;
      });
      label.append(radio, `${institution.name} · ${institution.display} ••••${institution.last4}`);
      list.append(label);
    });

    const buttons = document.createElement('div');
    buttons.style.cssText = 'display: flex; gap: 8px; justify-content: flex-end;';
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = 'Cancel';
    cancel.style.cssText =
      'font: inherit; padding: 6px 14px; border-radius: 6px; border: 1px solid #c1c9d2; background: #fff; color: #1a1f36;';
    cancel.addEventListener('click', () => this.end('cancel'));
    const link = document.createElement('button');
    link.type = 'button';
    link.textContent = 'Link account';
    link.style.cssText =
      'font: inherit; padding: 6px 14px; border-radius: 6px; border: 0; background: #635bff; color: #fff;';
    link.addEventListener('click', () => this.end('link'));
    buttons.append(cancel, link);

    dialog.append(title, note, list, buttons);
    // Escape closes a modal dialog: the customer left the flow.
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      this.end('cancel');
    });
    return dialog;
  }
}

function account(institution: Institution) {
  return {
    id: `fca_${randomToken(24)}`,
    object: 'financial_connections.account',
    balance: null,
    balance_refresh: null,
    category: 'cash',
    created: now(),
    display_name: institution.display,
    institution_name: institution.name,
    last4: institution.last4,
    livemode: false,
    ownership: null,
    ownership_refresh: null,
    permissions: ['payment_method', 'balances'],
    status: 'active',
    subcategory: institution.subcategory,
    supported_payment_method_types: ['us_bank_account', 'link'],
  };
}

function bankAccountToken(institution: Institution) {
  return {
    id: `btok_${randomToken(24)}`,
    object: 'token',
    bank_account: {
      id: `ba_${randomToken(24)}`,
      object: 'bank_account',
      account_holder_name: null,
      account_holder_type: 'individual',
      bank_name: institution.name,
      country: 'US',
      currency: 'usd',
      fingerprint: randomToken(16),
      last4: institution.last4,
      routing_number: '110000000',
      status: 'new',
    },
    client_ip: null,
    created: now(),
    livemode: false,
    type: 'bank_account',
    used: false,
  };
}

/** Why Stripe would refuse `secret`, as the error Stripe.js resolves with; or nothing. */
function refusal(secret: unknown): StripeStandInError | undefined {
  const missing = (message: string): StripeStandInError => ({
    type: 'invalid_request_error',
    code: 'resource_missing',
    message,
  });
  if (typeof secret !== 'string' || !CLIENT_SECRET.test(secret)) {
    // Stripe echoes what it was given; a page must not show it as is.
    return missing(`No such Financial Connections Session: '${String(secret)}'.`);
  }
  if (usedSecrets.has(secret)) {
    return missing('This Financial Connections Session has already been used. Create a new one.');
  }
  const offline = parseOfflineClientSecret(secret);
  if (controls.requireOfflineSecrets && !offline) {
    return missing('This client secret was not issued by the offline Stripe API.');
  }
  if (offline && offline.expiresAt * 1000 <= Date.now()) {
    return missing('This Financial Connections Session has expired. Create a new one.');
  }
  return undefined;
}

/**
 * The session id of `secret`, in Stripe's format (`fcsess_` and letters and digits). For a secret
 * of `createOfflineStripe()` (`fcsess_client_secret_offline_<token>_<expiresAt>`) it is
 * `fcsess_<token>`, so an offline API that names its session by the same token can retrieve the
 * session the browser linked.
 */
function sessionIdOf(secret: string): string {
  const offline = /^fcsess_client_secret_offline_([A-Za-z0-9]+)_\d+$/.exec(secret);
  return `fcsess_${offline ? offline[1] : randomToken(24)}`;
}

function collect(method: Method, publishableKey: string, stripeAccount: string | undefined) {
  return (options: { clientSecret?: unknown } | undefined): Promise<unknown> => {
    const secret = options?.clientSecret;
    if (typeof secret !== 'string') {
      // As Stripe.js: an integration mistake throws rather than resolving with `{error}`.
      throw new Error(`Invalid value for ${method}: clientSecret should be a string.`);
    }
    const refused = refusal(secret) ?? (controls.openFlow ? alreadyOpen() : undefined);
    if (refused) {
      const flow = new Flow(method, publishableKey, stripeAccount, '', '');
      flow.outcome = 'refused';
      flows.push(flow);
      return Promise.resolve(errorResult(method, refused));
    }
    const clientSecret = secret as string;
    usedSecrets.add(clientSecret); // a session opens once
    const flow = new Flow(
      method,
      publishableKey,
      stripeAccount,
      sessionIdOf(clientSecret),
      clientSecret,
    );
    flows.push(flow);
    return flow.start();
  };
}

/** What Stripe.js resolves a collect call with when it fails. */
const errorResult = (method: Method, error: StripeStandInError) =>
  method === 'collectBankAccountToken'
    ? { financialConnectionsSession: undefined, token: undefined, error }
    : { financialConnectionsSession: undefined, error };

const alreadyOpen = (): StripeStandInError => ({
  type: 'invalid_request_error',
  message: 'A Financial Connections flow is already open.',
});

const openFlow = (): Flow | undefined => flows.find((flow) => flow.open);

const controls: StripeStandInControls = {
  calls,
  wrappers,
  flows,
  next: undefined,
  error: {
    type: 'api_error',
    code: 'standin_failure',
    message: 'The stand-in was told to fail this flow.',
  },
  requireOfflineSecrets: false,
  get openFlow() {
    return openFlow();
  },
  resolveOpen(action) {
    const flow = openFlow();
    if (!flow) throw new Error('No Financial Connections flow is open.');
    flow.end(action);
  },
  whenOpen() {
    const open = controls.openFlow;
    return open ? Promise.resolve(open) : new Promise((resolve) => openWaiters.push(resolve));
  },
};

/** `Stripe(publishableKey, options)`. */
function Stripe(publishableKey: unknown, options?: StripeStandInCall['options']) {
  if (typeof publishableKey !== 'string' || publishableKey === '') {
    throw new Error('Please call Stripe() with your publishable key. You used an empty string.');
  }
  if (/^(sk|rk)_/.test(publishableKey)) {
    throw new Error(
      'You should not use your secret key with Stripe.js. Please pass a publishable key instead.',
    );
  }
  calls.push({ publishableKey, options: options && { ...options } });
  const stripeAccount = options?.stripeAccount;
  return {
    _registerWrapper(wrapper: unknown) {
      wrappers.push(wrapper);
    },
    collectFinancialConnectionsAccounts: collect(
      'collectFinancialConnectionsAccounts',
      publishableKey,
      stripeAccount,
    ),
    collectBankAccountToken: collect('collectBankAccountToken', publishableKey, stripeAccount),
  };
}

Stripe.version = releaseTrain;
Stripe.standIn = controls;

(window as unknown as { Stripe: typeof Stripe }).Stripe = Stripe;
