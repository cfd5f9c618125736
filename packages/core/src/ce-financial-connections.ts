import { css, type PropertyDeclarations, type PropertyValues } from '@lit/reactive-element';
import { EndpointOptionsElement } from './endpoint-options-element.js';
import { ErrorController, errorPanelStyles } from './error-controller.js';
import { configurationError, type ConnectElementsError } from './errors.js';
import {
  CeFinancialConnectionsCancelEvent,
  CeFinancialConnectionsSuccessEvent,
  type FinancialConnectionsResult,
} from './events/financial-connections-events.js';
import {
  FinancialConnectionsLauncher,
  type FinancialConnectionsCollect,
  type FinancialConnectionsLaunchSettings,
} from './financial-connections-launcher.js';
import { findProviderSession } from './provider-lookup.js';
import { checkPublishableKey } from './publishable-key.js';

const COLLECT_VALUES: readonly FinancialConnectionsCollect[] = ['accounts', 'bank-account-token'];

/**
 * A button that launches Stripe's Financial Connections flow, so a customer can link a bank
 * account.
 *
 * Each launch asks your endpoint for a new Financial Connections Session (one `POST` with the body
 * `{"collect": "accounts" | "bank-account-token"}`, answered with `{client_secret}`), then opens
 * Stripe's flow with `collectFinancialConnectionsAccounts` or `collectBankAccountToken`. The
 * client secret is single-use: it is never cached, shown, or put in an event.
 *
 * A `fetchClientSecret` function replaces the endpoint (called once per launch). The publishable
 * key is the element's own `publishable-key`, or that of its provider: the `<ce-connect>` its
 * `provider` attribute names by id, else the nearest one around it (across shadow roots), found as
 * the component elements find theirs; so are the request `headers`, when the element has none.
 * Stripe.js starts loading when the pointer enters or focus reaches the button (or at once with
 * `preload`), so a click opens the flow without waiting for it.
 *
 * @summary Launches Stripe Financial Connections to link a bank account.
 * @tag ce-financial-connections
 * @slot - The button's label; "Link bank account" when empty.
 * @slot error - Replaces the default error message.
 * @csspart button - The button that launches the flow.
 * @csspart error - The error panel shown when a launch fails.
 * @csspart retry - The retry button of the error panel.
 * @cssprop --ce-button-background - Background of the button.
 * @cssprop --ce-button-color - Text colour of the button.
 * @cssprop --ce-button-border-radius - Corner radius of the button.
 * @cssprop --ce-focus-color - Focus ring colour.
 * @cssprop --ce-error-color - Text colour of the error panel.
 * @cssprop --ce-error-background - Background of the error panel.
 * @cssprop --ce-error-border-color - Border colour of the error panel.
 * @attr busy - Present while a launch is in flight (read-only: the element sets and clears it).
 * @fires {CeFinancialConnectionsSuccessEvent} ce-financial-connections-success - Accounts were linked; `detail` is `{session: {id, accounts}, token?}`.
 * @fires {CeFinancialConnectionsCancelEvent} ce-financial-connections-cancel - The flow closed with no account linked; `detail` is `{session: {id}}`.
 * @fires {CeErrorEvent} ce-error - The launch failed; `detail` is `{code, message, status?, type?, stripeError?}`.
 */
export class CeFinancialConnections extends EndpointOptionsElement {
  // The shared options (publishable key, endpoint, fetchClientSecret, credentials, headers,
  // timeout, locale) come from EndpointOptionsElement; declared statically, as those are.
  static override properties: PropertyDeclarations = {
    stripeAccount: { attribute: 'stripe-account' },
    collect: {},
    disabled: { type: Boolean, reflect: true },
    preload: { type: Boolean },
    provider: {},
  };

  static override styles = [
    css`
      :host {
        display: inline-block;
      }
      :host([hidden]) {
        display: none;
      }
      [part='button'] {
        font: inherit;
        padding: 0.625rem 1.125rem;
        border: 0;
        border-radius: var(--ce-button-border-radius, 6px);
        color: var(--ce-button-color, #fff);
        background: var(--ce-button-background, #635bff);
        cursor: pointer;
      }
      [part='button']:focus-visible {
        outline: 2px solid var(--ce-focus-color, #635bff);
        outline-offset: 2px;
      }
      [part='button']:disabled {
        cursor: default;
        opacity: 0.6;
      }
      :host([busy]) [part='button'] {
        cursor: progress;
      }
      [part='error'] {
        margin-top: 0.5rem;
      }
    `,
    errorPanelStyles,
  ];

  /**
   * Your Stripe publishable key (`pk_…`); when empty, the one of the provider. Secret (`sk_`)
   * and restricted (`rk_`) keys are refused.
   */
  declare publishableKey?: string;

  /**
   * URL of the host endpoint that creates a Financial Connections Session and answers
   * `{client_secret}`. Required unless `fetchClientSecret` is set.
   */
  declare endpoint?: string;

  /**
   * Replaces `endpoint`: returns the client secret of a new Financial Connections Session. Called
   * once per launch.
   */
  declare fetchClientSecret?: () => Promise<string>;

  /** The locale of Stripe's Financial Connections flow, passed to Stripe.js. */
  declare locale?: string;

  /**
   * The id of the `<ce-connect>` whose publishable key and headers this element uses, wherever
   * it is in the document (as `<input form>` names its form).
   */
  declare provider?: string;

  /** The connected account (`acct_…`) Stripe.js acts for, if any. */
  declare stripeAccount?: string;

  /**
   * `accounts` to collect Financial Connections accounts (`collectFinancialConnectionsAccounts`),
   * or `bank-account-token` to collect a bank account token as well (`collectBankAccountToken`).
   */
  collect: FinancialConnectionsCollect = 'accounts';

  /** Extra headers of the endpoint request, e.g. a CSRF token; when unset, the provider's. */
  declare headers?: Record<string, string>;

  /** Disables the button; `launch()` does nothing. */
  disabled = false;

  /** Loads Stripe.js as soon as the element is on the page, rather than on hover or focus. */
  preload = false;

  private button: HTMLButtonElement | undefined;

  private readonly errors = new ErrorController(this, () => void this.retry());
  private readonly launcher = new FinancialConnectionsLauncher(this, {
    settings: () => this.launchSettings(),
    succeeded: (detail) => this.dispatchEvent(new CeFinancialConnectionsSuccessEvent(detail)),
    cancelled: (detail) => this.dispatchEvent(new CeFinancialConnectionsCancelEvent(detail)),
    failed: (error: ConnectElementsError) => this.errors.report(error),
  });

  /** Whether a launch is in flight; reflected as the `busy` attribute. Read-only. */
  get busy(): boolean {
    return this.launcher.busy;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'busy'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'busy') {
      // Only the element says whether it is busy: put back what someone else wrote.
      if ((value !== null) !== this.busy) this.toggleAttribute('busy', this.busy);
      return;
    }
    super.attributeChangedCallback(name, old, value);
  }

  /**
   * Starts the flow, as a click on the button does: a new session from the endpoint, then
   * Stripe's flow. While a launch is in flight, a second call joins it (the same promise).
   * Resolves with the outcome it also dispatched as an event; never rejects.
   */
  launch(): Promise<FinancialConnectionsResult> {
    if (this.disabled && !this.busy) return Promise.resolve({ status: 'aborted' });
    if (!this.busy) {
      this.errors.clear();
      this.returnFocusAfterLaunch = this.shadowRoot?.activeElement === this.button;
    }
    const result = this.launcher.launch();
    void result.then(() => this.restoreFocus());
    return result;
  }

  /** After a failure: launches again (a new session from the endpoint). */
  retry(): Promise<FinancialConnectionsResult> {
    return this.launch();
  }

  /** The shadow root: the button, with the default slot as its label. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    const button = document.createElement('button');
    button.setAttribute('part', 'button');
    button.type = 'button';
    const label = document.createElement('slot');
    label.textContent = 'Link bank account';
    button.append(label);
    button.addEventListener('click', this.onClick);
    button.addEventListener('pointerenter', this.onIntent);
    button.addEventListener('focus', this.onIntent);
    root.append(button);
    this.button = button;
    return root;
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    const busy = this.busy;
    if (this.button) {
      this.button.disabled = this.disabled || busy;
      this.button.setAttribute('aria-busy', String(busy));
    }
    if (this.hasAttribute('busy') !== busy) this.toggleAttribute('busy', busy);
  }

  protected override updated(changed: PropertyValues<this>): void {
    const identity = ['preload', 'publishableKey', 'stripeAccount', 'locale', 'provider'] as const;
    if (this.preload && identity.some((name) => changed.has(name))) this.launcher.preload();
  }

  private readonly onClick = () => void this.launch();

  /** The customer is about to click: have Stripe.js ready. */
  private readonly onIntent = () => this.launcher.preload();

  private returnFocusAfterLaunch = false;

  /** The disabled button lost focus during the launch; give it back if nothing else took it. */
  private async restoreFocus(): Promise<void> {
    if (!this.returnFocusAfterLaunch) return;
    this.returnFocusAfterLaunch = false;
    await this.updateComplete;
    const active = document.activeElement;
    if (this.isConnected && (!active || active === document.body)) this.button?.focus();
  }

  /** The settings of a launch, checked; a `configuration_error` says what is wrong. */
  private launchSettings(): FinancialConnectionsLaunchSettings {
    const found = findProviderSession(this);
    if (found && 'missing' in found) throw configurationError(found.missing);
    // A provider not defined yet has nothing to give.
    const provider = found && 'session' in found ? found.session.provider : undefined;
    const key = this.publishableKey || provider?.publishableKey;
    if (!key) {
      throw configurationError(
        `<${this.localName}> needs a publishable-key, or a <ce-connect> with one around it (or a provider attribute naming one).`,
      );
    }
    const publishableKey = checkPublishableKey(key, this.localName);
    const { endpoint, fetchClientSecret } = this;
    if (!endpoint && !fetchClientSecret) {
      throw configurationError(
        `<${this.localName}> needs an endpoint that answers the client_secret of a Financial Connections Session (or a fetchClientSecret function).`,
      );
    }
    if (!COLLECT_VALUES.includes(this.collect)) {
      throw configurationError(
        `The collect attribute of <${this.localName}> must be "accounts" or "bank-account-token".`,
      );
    }
    return {
      publishableKey,
      stripeAccount: this.stripeAccount || undefined,
      locale: this.locale || undefined,
      source: { endpoint, fetchClientSecret },
      collect: this.collect,
      request: this.endpointRequest(this.headers ?? provider?.headers),
    };
  }
}

export {
  CeFinancialConnectionsCancelEvent,
  CeFinancialConnectionsSuccessEvent,
  type FinancialConnectionsAccount,
  type FinancialConnectionsCancelDetail,
  type FinancialConnectionsResult,
  type FinancialConnectionsSuccessDetail,
} from './events/financial-connections-events.js';
export type { FinancialConnectionsCollect } from './financial-connections-launcher.js';
