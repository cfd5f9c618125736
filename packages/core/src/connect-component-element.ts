import type { StripeConnectInstance } from '@stripe/connect-js';
import {
  css,
  type PropertyDeclaration,
  type PropertyDeclarations,
  type PropertyValues,
} from '@lit/reactive-element';
import { InvalidAttributeValue } from './attribute-values.js';
import {
  componentSpec,
  settingExtras,
  type ComponentName,
  type ComponentSpec,
  type ConnectComponentExtras,
  type ConnectComponentSettings,
  type SettingExtraRule,
  type SettingSpec,
} from './component-table.js';
import { ConnectOptionsElement } from './connect-options-element.js';
import { ConnectSessionController } from './connect-session-controller.js';
import type { ConnectSessionClient } from './connect-session.js';
import type { SettingExtraHost } from './ephemeral-key.js';
import { ErrorController, errorPanelStyles } from './error-controller.js';
import { configurationError, type ConnectElementsError } from './errors.js';
import { ConnectComponentEvent } from './events/component-event.js';
import { plainValue } from './plain-value.js';
import { settingKindRules } from './setting-kinds.js';

type StripeElement = HTMLElement & Record<string, ((value: unknown) => void) | undefined>;

const extraRules = settingExtras as Record<string, SettingExtraRule>;

const isStripeElement = (node: Element): boolean => node.localName.startsWith('stripe-connect-');

/**
 * What every Connect component element does; each element is this with the settings and events
 * of its component (see `connectComponentElement`).
 *
 * The Stripe element lives in the light DOM, as a child of this element, because Stripe's
 * embedded UI is not built for shadow roots. There, the DOM differs of server-rendered stacks
 * (morphdom in LiveView, idiomorph in Turbo and htmx, Alpine's morph in Livewire) see a child the
 * server's HTML lacks, and remove it. The element owns its Stripe element against that: a removal
 * through `removeChild` (what morphdom and idiomorph call) is refused, and one by other means is
 * undone by putting the same element back. Stripe elements it did not create (copies from a page
 * snapshot, a clone or a history restore) are removed, so there is never a second one beside it.
 *
 * @slot - Where the Stripe element is placed.
 * @slot error - Replaces the default error message.
 * @csspart error - The error panel shown when the kit's work fails.
 * @csspart retry - The retry button of the error panel.
 * @cssprop --ce-error-color - Text colour of the error panel.
 * @cssprop --ce-error-background - Background of the error panel.
 * @cssprop --ce-error-border-color - Border colour of the error panel.
 * @fires {CeErrorEvent} ce-error - The kit's work failed; `detail` is `{code, message, status?}`.
 */
export class ConnectComponentElement extends ConnectOptionsElement implements ConnectSessionClient {
  /** The Connect component this element renders. */
  declare static readonly component: ComponentName;

  static override styles = [
    css`
      :host {
        display: block;
      }
      :host([hidden]) {
        display: none;
      }
    `,
    errorPanelStyles,
  ];

  static override properties: PropertyDeclarations = { provider: {} };

  /**
   * The id of the `<ce-connect>` whose session this element uses, wherever that is in the
   * document (for a portal or a modal outside the provider), as `<input form>` names its form.
   */
  declare provider?: string;

  private readonly errors = new ErrorController(this, () => this.retry());
  private readonly sessions = new ConnectSessionController(this);
  private stripeElement: StripeElement | undefined;
  /** Whether the element waits for its Stripe element; kept in `aria-busy`. */
  private busy = false;
  private updatedBefore = false;
  private childWatch: MutationObserver | undefined;
  /** The configuration error of each setting whose value was refused, until it is corrected. */
  private readonly refusedSettings = new Map<string, ConnectElementsError>();

  get spec(): ComponentSpec {
    return componentSpec((this.constructor as typeof ConnectComponentElement).component);
  }

  /**
   * Logs the Connect session out: the element's own when it is standalone (its own
   * `publishable-key`), else its provider's, which its neighbours share.
   */
  logout(): Promise<void> {
    return this.sessions.logout();
  }

  /** Starts over after a failure: a new client secret and a new Stripe element. */
  retry(): void {
    this.errors.clear();
    this.sessions.retry();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasAttribute('defer-hydration')) return;
    if (!this.stripeElement && !this.errors.error) this.busy = true;
    this.childWatch ??= new MutationObserver(() => this.keepChildren());
    this.childWatch.observe(this, {
      childList: true,
      attributes: true,
      attributeFilter: ['aria-busy'],
    });
    this.keepChildren();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.childWatch?.disconnect();
  }

  override connectedMoveCallback(): void {
    this.sessions.hostMoved();
  }

  /** The Stripe element this element created is not given up to DOM patching. */
  override removeChild<T extends Node>(child: T): T {
    if ((child as Node) === this.stripeElement) return child;
    return super.removeChild(child);
  }

  /**
   * Puts back what a patch of the page took: the Stripe element (the same one, so the session
   * and its settings stay), `aria-busy`; and removes Stripe elements this element did not create.
   */
  private keepChildren(): void {
    const own = this.stripeElement;
    for (const child of [...this.children]) {
      if (child !== own && isStripeElement(child)) child.remove();
    }
    if (own && own.parentNode !== this) this.append(own);
    this.showBusy();
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.showBusy();
  }

  private showBusy(): void {
    if (!this.busy) this.removeAttribute('aria-busy');
    else if (this.getAttribute('aria-busy') !== 'true') this.setAttribute('aria-busy', 'true');
  }

  /** @internal Connect is ready: create the Stripe element with every setting and listener. */
  mount(instance: StripeConnectInstance): void {
    this.unmount();
    const element = instance.create(this.spec.name) as unknown as StripeElement;
    this.stripeElement = element;
    for (const listener of this.spec.listeners) {
      element[listener.setter]!((detail: unknown) => {
        this.dispatchEvent(new ConnectComponentEvent(listener.event, detail ?? null));
      });
    }
    for (const setting of this.spec.settings) {
      const value = this.settingValue(setting);
      if (value !== undefined) this.pushSetting(setting, value);
    }
    this.append(element);
    this.setBusy(false);
  }

  /** @internal */
  unmount(): void {
    const element = this.stripeElement;
    this.stripeElement = undefined;
    element?.remove();
    this.refusedSettings.clear();
    this.errors.clear();
    if (this.isConnected) this.setBusy(true);
  }

  /** @internal The kit's work failed: `ce-error`, and the error panel unless cancelled. */
  fail(error: ConnectElementsError): void {
    this.setBusy(false);
    this.errors.report(error);
  }

  protected override updated(changed: PropertyValues): void {
    const sourceChanged = changed.has('provider') || changed.has('publishableKey');
    if (sourceChanged && this.updatedBefore) this.sessions.sourceChanged();
    // A standalone element configures its own session, as <ce-connect> does.
    const own = this.sessions.ownSessionInUse;
    if (own && this.publishableKey && this.updatedBefore) this.updateSession(own, changed);
    this.updatedBefore = true;
    if (!this.stripeElement) return;
    for (const setting of this.spec.settings) {
      const extra = extraRules[setting.setter];
      if (!changed.has(setting.property) && !(extra && changed.has(extra.property))) continue;
      const value = this.settingValue(setting);
      if (value !== undefined || changed.get(setting.property) !== undefined) {
        this.pushSetting(setting, value);
      }
    }
  }

  /** What Stripe's setter of `setting` is handed: the property as its kind reads it, or the extra's make. */
  private settingValue(setting: SettingSpec): unknown {
    const own = this as unknown as Record<string, unknown>;
    const value = own[setting.property];
    const extra = extraRules[setting.setter];
    const extraValue = extra && own[extra.property];
    if (value === undefined && typeof extraValue === 'string' && extraValue) {
      return extra.build(extraValue, this.extraHost);
    }
    const { toStripe } = settingKindRules[setting.kind];
    return toStripe ? toStripe(value) : value;
  }

  /** What a setting extra's builder may use: this element's session and error reporting. */
  private readonly extraHost: SettingExtraHost = {
    requestOptions: () => this.sessions.requestOptions() ?? this.connectSettings().source,
    fail: (error) => this.fail(error),
  };

  private pushSetting(setting: SettingSpec, value: unknown): void {
    const refused = this.refusedSettings.get(setting.setter);
    if (value instanceof InvalidAttributeValue) {
      const error = configurationError(value.message);
      this.refusedSettings.set(setting.setter, error);
      this.fail(error);
      return;
    }
    if (refused) {
      // The value this setting's configuration_error was about has been corrected.
      this.refusedSettings.delete(setting.setter);
      if (this.errors.error === refused) this.errors.clear();
    }
    // A plain copy: Connect sends settings to its iframes, which cannot take a Proxy.
    this.stripeElement?.[setting.setter]?.(plainValue(value));
  }
}

/** A component element class, typed with the settings of component `C`. */
export type ConnectComponentElementClass<C extends ComponentName> = Omit<
  typeof ConnectComponentElement,
  'prototype'
> & {
  new (): ConnectComponentElement & ConnectComponentSettings<C> & ConnectComponentExtras<C>;
  prototype: ConnectComponentElement & ConnectComponentSettings<C> & ConnectComponentExtras<C>;
  readonly component: C;
};

function propertyDeclarations(spec: ComponentSpec): PropertyDeclarations {
  const declarations: Record<string, PropertyDeclaration> = {};
  for (const { property, attribute, kind } of spec.settings) {
    declarations[property] = settingKindRules[kind].declaration(attribute!);
  }
  for (const { property, attribute } of spec.extras) declarations[property] = { attribute };
  return declarations;
}

/**
 * The base class of the element for Connect component `name`: its properties, attributes and
 * events all derived from the component table.
 */
export function connectComponentElement<C extends ComponentName>(
  name: C,
): ConnectComponentElementClass<C> {
  return class extends ConnectComponentElement {
    static override readonly component = name;
    static override properties = propertyDeclarations(componentSpec(name));
  } as unknown as ConnectComponentElementClass<C>;
}
