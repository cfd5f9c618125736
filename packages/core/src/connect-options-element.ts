import type {
  AppearanceOptions,
  CssFontSource,
  CustomFontSource,
  IStripeConnectDisplayOptions,
} from '@stripe/connect-js';
import {
  ReactiveElement,
  type PropertyDeclarations,
  type PropertyValues,
} from '@lit/reactive-element';
import { InvalidAttributeValue, jsonObjectAttribute } from './attribute-values.js';
import type { ConnectSession, ConnectSettings } from './connect-session.js';
import { checkEndpointOptions, DEFAULT_TIMEOUT, type EndpointOptions } from './endpoint-request.js';
import { configurationError } from './errors.js';
import { plainValue } from './plain-value.js';
import { checkPublishableKey } from './publishable-key.js';
import { VERSION } from './version.js';

/** The attribute that holds an element back until a hydrating framework removes it. */
const DEFER_HYDRATION = 'defer-hydration';

/**
 * What every element of the kit that asks an endpoint for a client secret shares (`<ce-connect>`,
 * the component elements, `<ce-financial-connections>`): the publishable key, where the client
 * secret comes from, how the endpoint is asked, and the language of Stripe's UI.
 *
 * A `ReactiveElement` (Lit's properties, attributes, controllers and styles) rather than a
 * `LitElement`: the shadow DOM of these elements is a `<slot>` and the error panel, built with a
 * few DOM calls, so lit-html (~2.4 kB gzip) stays out of the page.
 *
 * An element with the `defer-hydration` attribute stays inert until the attribute is removed
 * (the community protocol Lit's server rendering uses): a framework that hydrates server-rendered
 * markup puts it there, so the element adds nothing to the markup before the framework has taken
 * it over.
 *
 * @attr defer-hydration - While present, the element does nothing (set by a framework that will hydrate server-rendered markup, removed once it has).
 */
export class EndpointOptionsElement extends ReactiveElement {
  /** The version of Connect Elements that defined this element. */
  static readonly version = VERSION;

  // Declared statically rather than with Lit's property decorator, whose helper would add about
  // 0.8 kB (minified) to every page for nothing the static form cannot say.
  static override properties: PropertyDeclarations = {
    publishableKey: { attribute: 'publishable-key' },
    endpoint: {},
    fetchClientSecret: { attribute: false },
    credentials: {},
    headers: { attribute: false },
    timeout: { type: Number },
    locale: {},
  };

  /** Your Stripe publishable key (`pk_…`). Secret (`sk_`) and restricted (`rk_`) keys are refused. */
  declare publishableKey?: string;

  /** URL of the host endpoint that returns `{client_secret}` of an AccountSession. */
  declare endpoint?: string;

  /** Replaces `endpoint` entirely: returns a client secret. */
  declare fetchClientSecret?: () => Promise<string>;

  /** `fetch` credentials mode of the endpoint request. */
  credentials: RequestCredentials = 'same-origin';

  /** Extra headers of the endpoint request, e.g. a CSRF token. */
  declare headers?: Record<string, string>;

  /** Milliseconds before an endpoint request is abandoned. */
  timeout = DEFAULT_TIMEOUT;

  /** The locale of Stripe's UI; on Connect, changing it updates the live instance. */
  declare locale?: string;

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, DEFER_HYDRATION];
  }

  /** Whether `connectedCallback` ran while `defer-hydration` held it back. */
  private hydrationDeferred = false;

  override connectedCallback(): void {
    this.hydrationDeferred = this.hasAttribute(DEFER_HYDRATION);
    if (!this.hydrationDeferred) super.connectedCallback();
  }

  override disconnectedCallback(): void {
    if (this.hydrationDeferred) this.hydrationDeferred = false;
    else super.disconnectedCallback();
  }

  /**
   * A move with `moveBefore` keeps the element connected: nothing to stop or start. (Where the
   * browser calls this, it calls it instead of `disconnectedCallback` and `connectedCallback`.)
   */
  connectedMoveCallback(): void {}

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name !== DEFER_HYDRATION) {
      super.attributeChangedCallback(name, old, value);
    } else if (value === null && this.hydrationDeferred) {
      this.connectedCallback();
    }
  }

  /** How the endpoint is asked (credentials, headers, timeout), checked. */
  protected endpointRequest(headers = this.headers): EndpointOptions {
    const request = { credentials: this.credentials, headers, timeout: this.timeout };
    checkEndpointOptions(request, this.localName);
    return request;
  }
}

/** The options an appearance-like JSON attribute can make unreadable. */
const JSON_OPTIONS = ['appearance', 'displayOptions'] as const;

/**
 * What `<ce-connect>` and a standalone component element share: the endpoint options, and
 * Connect's look (`appearance`, `displayOptions`, `fonts`).
 */
export class ConnectOptionsElement extends EndpointOptionsElement {
  static override properties: PropertyDeclarations = {
    appearance: { converter: jsonObjectAttribute('appearance') },
    displayOptions: {
      attribute: 'display-options',
      converter: jsonObjectAttribute('display-options'),
    },
    fonts: { attribute: false },
  };

  /** Connect's appearance (JSON attribute or object property); changing it updates the live instance. */
  declare appearance?: AppearanceOptions | InvalidAttributeValue;

  /**
   * How Connect's components render, e.g. `{"showObjectIds": true}` (JSON attribute or object
   * property); changing it updates the live instance.
   */
  declare displayOptions?: IStripeConnectDisplayOptions | InvalidAttributeValue;

  /** Fonts for Connect. Connect cannot update them: a change starts a new Connect instance. */
  declare fonts?: Array<CssFontSource | CustomFontSource>;

  /** The shadow root, holding the default slot the light-DOM content shows through. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    root.append(document.createElement('slot'));
    return root;
  }

  /** The settings checked, or a `configuration_error` saying what is wrong. */
  connectSettings(): ConnectSettings {
    const { endpoint, fetchClientSecret, appearance, displayOptions } = this;
    const key = checkPublishableKey(this.publishableKey, this.localName);
    if (!endpoint && !fetchClientSecret) {
      throw configurationError(
        `<${this.localName}> needs an endpoint (or a fetchClientSecret function).`,
      );
    }
    if (appearance instanceof InvalidAttributeValue) throw configurationError(appearance.message);
    if (displayOptions instanceof InvalidAttributeValue) {
      throw configurationError(displayOptions.message);
    }
    return {
      publishableKey: key,
      source: { endpoint, fetchClientSecret, ...this.endpointRequest() },
      appearance: plainValue(appearance),
      displayOptions: plainValue(displayOptions),
      locale: this.locale,
      fonts: plainValue(this.fonts),
    };
  }

  /**
   * Brings `session`, which this element configures, in line with the options in `changed`:
   * Connect's `update` for `appearance`, `displayOptions` and `locale`; a new instance for a new
   * account, client-secret source or `fonts` (which Connect cannot update), and when a JSON option
   * becomes unreadable or readable again (a failed session has no instance to update).
   */
  protected updateSession(session: ConnectSession, changed: PropertyValues): void {
    const reinitialise = ['publishableKey', 'endpoint', 'fetchClientSecret', 'fonts'];
    const validityChanged = JSON_OPTIONS.some(
      (name) =>
        changed.has(name) &&
        (this[name] instanceof InvalidAttributeValue ||
          changed.get(name) instanceof InvalidAttributeValue),
    );
    if (reinitialise.some((name) => changed.has(name)) || validityChanged) {
      session.retry();
    } else if (['appearance', 'displayOptions', 'locale'].some((name) => changed.has(name))) {
      try {
        const { appearance, displayOptions, locale } = this.connectSettings();
        session.update({ appearance, displayOptions, locale });
      } catch {
        session.retry(); // reports the configuration error on every component
      }
    }
  }
}
