import type {
  AppearanceOptions,
  CssFontSource,
  CustomFontSource,
  IStripeConnectDisplayOptions,
  StripeConnectInstance,
} from '@stripe/connect-js';
import { ClientSecretFetcher, type ClientSecretSource } from './client-secret-fetcher.js';
import type { ComponentSpec } from './component-table.js';
import { initializeConnect, loadConnectScript } from './connect-script.js';
import type { ConnectElementsError } from './errors.js';
import { asConnectElementsError } from './errors.js';
import { nextTask } from './next-task.js';
import { isCancelled, type EndpointOptions } from './endpoint-request.js';

/** Everything a Connect instance is made from, checked. */
export interface ConnectSettings {
  publishableKey: string;
  source: ClientSecretSource;
  appearance?: AppearanceOptions | undefined;
  displayOptions?: IStripeConnectDisplayOptions | undefined;
  locale?: string | undefined;
  fonts?: Array<CssFontSource | CustomFontSource> | undefined;
}

/** The element that configures a session: `<ce-connect>`, or a standalone component. */
export interface ConnectSessionHost {
  /** The current settings; throws a `configuration_error` when they are unusable. */
  connectSettings(): ConnectSettings;
  /** As set, unchecked: what a `<ce-financial-connections>` inside the provider takes over. */
  readonly publishableKey?: string | undefined;
  readonly headers?: Record<string, string> | undefined;
}

/** A component element using the session. */
export interface ConnectSessionClient {
  readonly spec: ComponentSpec;
  readonly isConnected: boolean;
  /** Connect is ready: create the Stripe element. */
  mount(instance: StripeConnectInstance): void;
  /** Drop the Stripe element (the session is starting over, or the client left). */
  unmount(): void;
  /** The kit's work failed. */
  fail(error: ConnectElementsError): void;
}

/**
 * One Connect instance shared by the component elements of one provider: one client-secret
 * request and one Connect.js load for all of them.
 */
export class ConnectSession {
  private readonly clients = new Set<ConnectSessionClient>();
  private instance: StripeConnectInstance | undefined;
  private error: ConnectElementsError | undefined;
  /** The current attempt; aborting it cancels its request and drops its late results. */
  private attempt: AbortController | undefined;
  private scheduled = false;
  /** Connect.js loading for the current attempt, started as soon as a client attached. */
  private script: Promise<void> | undefined;

  constructor(private readonly host: ConnectSessionHost) {}

  /** The element that configures this session: a `<ce-connect>`, or a standalone component. */
  get provider(): ConnectSessionHost {
    return this.host;
  }

  /** Whether the session has a live Connect instance. */
  get ready(): boolean {
    return this.instance !== undefined;
  }

  /** Adds `client`; attaching a client again starts a session that has not started yet. */
  attach(client: ConnectSessionClient): void {
    if (this.clients.has(client)) {
      if (!this.instance && !this.error) this.schedule();
      return;
    }
    this.clients.add(client);
    if (this.error) client.fail(this.error);
    else if (this.instance) client.mount(this.instance);
    else this.schedule();
  }

  detach(client: ConnectSessionClient): void {
    if (!this.clients.delete(client)) return;
    client.unmount();
    if (this.clients.size === 0) this.reset();
  }

  /** Starts over: a new Connect instance, a new client-secret request, new Stripe elements. */
  retry(): void {
    this.reset();
    for (const client of this.clients) client.unmount();
    if (this.clients.size) this.schedule();
  }

  /**
   * Pushes `appearance`, `displayOptions` and `locale` to the live instance (Connect's `update`,
   * no re-init).
   */
  update(settings: Pick<ConnectSettings, 'appearance' | 'displayOptions' | 'locale'>): void {
    this.instance?.update(settings);
  }

  /** How this session asks endpoints: the host's credentials, headers and timeout. */
  requestOptions(): EndpointOptions {
    const { credentials, headers, timeout } = this.host.connectSettings().source;
    return { credentials, headers, timeout };
  }

  /** Logs the Connect session out. */
  async logout(): Promise<void> {
    await this.instance?.logout();
  }

  private reset(): void {
    this.attempt?.abort();
    this.attempt = undefined;
    this.instance = undefined;
    this.error = undefined;
    this.script = undefined;
  }

  /**
   * Starts in the next task, once every element of this one has attached (one request names them
   * all) and if one of them is still on the page: markup that is gone again within the task (a
   * placeholder swapped for a preserved element, a template instantiated and replaced) makes no
   * request.
   */
  private schedule(): void {
    if (this.scheduled || this.attempt) return;
    this.scheduled = true;
    // Connect.js starts loading at once: the elements still being upgraded in this task (a
    // hundred take several milliseconds) overlap its download.
    this.script ??= this.preloadScript();
    nextTask(() => {
      this.scheduled = false;
      if (!this.attempt && [...this.clients].some((client) => client.isConnected)) {
        void this.start();
      }
    });
  }

  private async start(): Promise<void> {
    const attempt = new AbortController();
    this.attempt = attempt;
    const { signal } = attempt;
    try {
      const settings = this.host.connectSettings();
      // Read per request, so a rotated CSRF header reaches the next refresh.
      const fetcher = new ClientSecretFetcher(
        () => ({ ...this.host.connectSettings().source, signal }),
        () => this.componentNames(),
      );
      const requestSecret = () => {
        const secret = fetcher.fetch();
        secret.catch((error: unknown) => {
          if (!isCancelled(error, signal)) {
            this.fail(asConnectElementsError(error, 'endpoint_network_error'), attempt);
          }
        });
        return secret;
      };
      // The first secret is asked for while Connect.js loads, and handed to Connect's own
      // first call, so an initialisation costs one request.
      let firstSecret: Promise<string> | undefined = requestSecret();
      await (this.script ?? loadConnectScript());
      if (signal.aborted) return;
      this.instance = initializeConnect({
        publishableKey: settings.publishableKey,
        fetchClientSecret: () => {
          const secret = firstSecret ?? requestSecret();
          firstSecret = undefined;
          return secret;
        },
        ...(settings.appearance && { appearance: settings.appearance }),
        ...(settings.displayOptions && { displayOptions: settings.displayOptions }),
        ...(settings.locale && { locale: settings.locale }),
        ...(settings.fonts && { fonts: settings.fonts }),
      });
      for (const client of this.clients) client.mount(this.instance);
    } catch (error) {
      if (!signal.aborted) this.fail(asConnectElementsError(error, 'script_load_error'), attempt);
    }
  }

  /** Starts loading Connect.js, unless the settings are unusable (`start` reports that). */
  private preloadScript(): Promise<void> | undefined {
    try {
      this.host.connectSettings();
    } catch {
      return undefined;
    }
    const script = loadConnectScript();
    script.catch(() => {}); // reported by `start`, which awaits this same promise
    return script;
  }

  private fail(error: ConnectElementsError, attempt: AbortController): void {
    if (attempt !== this.attempt || this.error) return;
    this.error = error;
    attempt.abort();
    for (const client of this.clients) client.fail(error);
  }

  private componentNames(): string[] {
    return [...new Set([...this.clients].map((client) => client.spec.sessionName))];
  }
}
