import { ReactiveElement, type PropertyDeclarations } from '@lit/reactive-element';
import { checkEndpointOptions, DEFAULT_TIMEOUT, type EndpointOptions } from './endpoint-request.js';
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
