import type { AppearanceOptions, CssFontSource, CustomFontSource } from '@stripe/connect-js';
import { ReactiveElement, type PropertyDeclarations } from '@lit/reactive-element';
import { InvalidAttributeValue, jsonObjectAttribute } from './attribute-values.js';
import type { ConnectSettings } from './connect-session.js';
import { checkEndpointOptions } from './endpoint-request.js';
import { configurationError } from './errors.js';
import { plainValue } from './plain-value.js';
import { checkPublishableKey } from './publishable-key.js';
import { VERSION } from './version.js';

/** The attribute that holds an element back until a hydrating framework removes it. */
const DEFER_HYDRATION = 'defer-hydration';

/**
 * What `<ce-connect>` and a standalone component element share: the publishable key, where the
 * client secret comes from, how the endpoint is asked, and Connect's look and language.
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
export class ConnectOptionsElement extends ReactiveElement {
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
    appearance: { converter: jsonObjectAttribute('appearance') },
    fonts: { attribute: false },
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
  timeout = 15_000;

  /** Connect's locale; changing it updates the live instance. */
  declare locale?: string;

  /** Connect's appearance (JSON attribute or object property); changing it updates the live instance. */
  declare appearance?: AppearanceOptions | InvalidAttributeValue;

  /** Fonts for Connect. */
  declare fonts?: Array<CssFontSource | CustomFontSource>;

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

  /** The shadow root, holding the default slot the light-DOM content shows through. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    root.append(document.createElement('slot'));
    return root;
  }

  /** The settings checked, or a `configuration_error` saying what is wrong. */
  connectSettings(): ConnectSettings {
    const { endpoint, fetchClientSecret, appearance } = this;
    const key = checkPublishableKey(this.publishableKey, this.localName);
    if (!endpoint && !fetchClientSecret) {
      throw configurationError(
        `<${this.localName}> needs an endpoint (or a fetchClientSecret function).`,
      );
    }
    if (appearance instanceof InvalidAttributeValue) throw configurationError(appearance.message);
    const request = { credentials: this.credentials, headers: this.headers, timeout: this.timeout };
    checkEndpointOptions(request, this.localName);
    return {
      publishableKey: key,
      source: { endpoint, fetchClientSecret, ...request },
      appearance: plainValue(appearance),
      locale: this.locale,
      fonts: plainValue(this.fonts),
    };
  }
}
