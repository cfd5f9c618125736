import type {
  AppearanceOptions,
  CssFontSource,
  CustomFontSource,
  IStripeConnectDisplayOptions,
} from '@stripe/connect-js';
import type { PropertyDeclarations, PropertyValues } from '@lit/reactive-element';
import { InvalidAttributeValue, jsonObjectAttribute } from './attribute-values.js';
import type { ConnectSession, ConnectSettings } from './connect-session.js';
import { EndpointOptionsElement } from './endpoint-options-element.js';
import { configurationError } from './errors.js';
import { plainValue } from './plain-value.js';
import { checkPublishableKey } from './publishable-key.js';

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
        // displayOptions only once the page has used it: a removal resets it.
        const display = displayOptions !== undefined || changed.has('displayOptions');
        session.update({ appearance, ...(display && { displayOptions }), locale });
      } catch {
        session.retry(); // reports the configuration error on every component
      }
    }
  }
}
