import type {
  CollectBankAccountTokenResult,
  FinancialConnectionsSession,
  FinancialConnectionsSessionResult,
  StripeError,
} from '@stripe/stripe-js';
import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { fetchedClientSecret, type ClientSecretSource } from './client-secret-fetcher.js';
import {
  isCancelled,
  postJson,
  readClientSecret,
  type EndpointOptions,
} from './endpoint-request.js';
import { asConnectElementsError, ConnectElementsError, type StripeErrorInfo } from './errors.js';
import type {
  FinancialConnectionsAccount,
  FinancialConnectionsCancelDetail,
  FinancialConnectionsResult,
  FinancialConnectionsSuccessDetail,
} from './events/financial-connections-events.js';
import { loadStripeJs } from './stripe-js-loader.js';

/** What `<ce-financial-connections>` collects: accounts, or a bank account token. */
export type FinancialConnectionsCollect = 'accounts' | 'bank-account-token';

/** Everything one launch is made from, checked. */
export interface FinancialConnectionsLaunchSettings {
  publishableKey: string;
  stripeAccount?: string | undefined;
  /** The locale of Stripe's flow, passed to Stripe.js. */
  locale?: string | undefined;
  /** The endpoint, or the page's `fetchClientSecret` (one call per launch). */
  source: Pick<ClientSecretSource, 'endpoint' | 'fetchClientSecret'>;
  collect: FinancialConnectionsCollect;
  request: Omit<EndpointOptions, 'signal'>;
}

/** What the launcher asks of, and tells, its element. */
export interface FinancialConnectionsLauncherDelegate {
  /** The settings of a launch; throws a `configuration_error` when they are unusable. */
  settings(): FinancialConnectionsLaunchSettings;
  succeeded(detail: FinancialConnectionsSuccessDetail): void;
  cancelled(detail: FinancialConnectionsCancelDetail): void;
  failed(error: ConnectElementsError): void;
}

/**
 * One Financial Connections launch at a time: one POST to the endpoint for a fresh client secret
 * (single-use, so never cached or reused) while Stripe.js loads, then Stripe's flow. A launch
 * while one is in flight joins it. Removing the host cancels the launch quietly: the request is
 * aborted and a late Stripe result dropped. A move (removed and re-added in the same task) does
 * not, since the customer may be in Stripe's flow.
 */
export class FinancialConnectionsLauncher implements ReactiveController {
  private inFlight: Promise<FinancialConnectionsResult> | undefined;
  private attempt: AbortController | undefined;
  private abortTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly delegate: FinancialConnectionsLauncherDelegate,
  ) {
    host.addController(this);
  }

  /** Whether a launch is in flight. */
  get busy(): boolean {
    return this.attempt !== undefined;
  }

  hostConnected(): void {
    clearTimeout(this.abortTimer);
    this.abortTimer = undefined;
  }

  hostDisconnected(): void {
    this.abortTimer = setTimeout(() => {
      this.abortTimer = undefined;
      this.attempt?.abort();
    }, 0);
  }

  /** Starts a launch, or joins the one in flight. Never rejects. */
  launch(): Promise<FinancialConnectionsResult> {
    if (!this.inFlight) {
      const attempt = new AbortController();
      this.attempt = attempt;
      this.host.requestUpdate();
      this.inFlight = this.run(attempt);
    }
    return this.inFlight;
  }

  /** Starts loading Stripe.js for the current settings, if they are usable; quiet on failure. */
  preload(): void {
    let settings: FinancialConnectionsLaunchSettings;
    try {
      settings = this.delegate.settings();
    } catch {
      return; // a launch reports it
    }
    loadStripeJs(settings.publishableKey, settings.stripeAccount, settings.locale).catch(() => {});
  }

  private async run(attempt: AbortController): Promise<FinancialConnectionsResult> {
    const { signal } = attempt;
    let outcome: Outcome;
    try {
      outcome = await this.collect(signal);
    } catch (error) {
      outcome = isCancelled(error, signal)
        ? { status: 'aborted' }
        : { status: 'error', error: asConnectElementsError(error, 'stripe_error') };
    }
    // Settle before telling anyone, so a listener that launches again starts a new launch.
    if (this.attempt === attempt) {
      this.attempt = undefined;
      this.inFlight = undefined;
      this.host.requestUpdate();
    }
    switch (outcome.status) {
      case 'success':
        this.delegate.succeeded(outcome.detail);
        return { status: 'success', ...outcome.detail };
      case 'cancel':
        this.delegate.cancelled(outcome.detail);
        return { status: 'cancel', ...outcome.detail };
      case 'error':
        this.delegate.failed(outcome.error);
        return { status: 'error', error: outcome.error.toDetail() };
      default:
        return { status: 'aborted' };
    }
  }

  private async collect(signal: AbortSignal): Promise<Outcome> {
    const settings = this.delegate.settings();
    // Stripe.js loads while the endpoint is asked; its failure is reported after the endpoint's.
    const stripe = loadStripeJs(settings.publishableKey, settings.stripeAccount, settings.locale);
    stripe.catch(() => {});
    const clientSecret = await requestClientSecret(settings, signal);
    const instance = await untilAborted(stripe, signal);
    let result: Partial<CollectBankAccountTokenResult | FinancialConnectionsSessionResult>;
    try {
      result = await untilAborted(
        settings.collect === 'bank-account-token'
          ? instance.collectBankAccountToken({ clientSecret })
          : instance.collectFinancialConnectionsAccounts({ clientSecret }),
        signal,
      );
    } catch (error) {
      if (isCancelled(error, signal)) throw error;
      // Stripe.js throws (rather than resolving with `{error}`) on an integration mistake.
      throw stripeError((error ?? {}) as StripeError);
    }
    if (result.error) throw stripeError(result.error);
    return interpret(result);
  }
}

/** A new session's client secret, from the endpoint or the page's `fetchClientSecret`. */
async function requestClientSecret(
  { source, collect, request }: FinancialConnectionsLaunchSettings,
  signal: AbortSignal,
): Promise<string> {
  if (source.fetchClientSecret) {
    return untilAborted(fetchedClientSecret(source.fetchClientSecret), signal);
  }
  const endpoint = source.endpoint!;
  const answer = await postJson(endpoint, { collect }, { ...request, signal });
  return readClientSecret(answer, endpoint);
}

/** The outcome of one launch, before it is told. */
type Outcome =
  | { status: 'success'; detail: FinancialConnectionsSuccessDetail }
  | { status: 'cancel'; detail: FinancialConnectionsCancelDetail }
  | { status: 'error'; error: ConnectElementsError }
  | { status: 'aborted' };

/**
 * The event detail of Stripe's answer, built from an allowlist (id, accounts, filters,
 * permissions) so the session's `client_secret` (and anything Stripe adds later) stays out of it.
 */
function interpret(result: { financialConnectionsSession?: unknown; token?: unknown }): Outcome {
  const session = result.financialConnectionsSession as
    { id?: unknown; accounts?: unknown; filters?: unknown; permissions?: unknown } | undefined;
  if (!session || typeof session.id !== 'string') {
    throw new ConnectElementsError(
      'stripe_error',
      'Stripe.js answered without a Financial Connections Session.',
    );
  }
  const accounts = (Array.isArray(session.accounts) ? session.accounts : []).map(
    (account: FinancialConnectionsAccount) => ({ ...account }),
  );
  if (accounts.length === 0) return { status: 'cancel', detail: { session: { id: session.id } } };
  const detail: FinancialConnectionsSuccessDetail = { session: { id: session.id, accounts } };
  if (typeof session.filters === 'object' && session.filters !== null) {
    // Copied as the accounts are: the page gets no reference into Stripe.js's own objects.
    detail.session.filters = { ...(session.filters as FinancialConnectionsSession.Filters) };
  }
  if (Array.isArray(session.permissions)) {
    detail.session.permissions = session.permissions.filter(
      (permission): permission is FinancialConnectionsSession.Permission =>
        typeof permission === 'string',
    );
  }
  const token = result.token as FinancialConnectionsSuccessDetail['token'];
  if (token && typeof token === 'object') detail.token = { ...token };
  return { status: 'success', detail };
}

/**
 * `stripe_error` for what Stripe.js reported: its type, code and message are kept (and scrubbed,
 * as every message of the kit is, by `ConnectElementsError`: Stripe's messages echo the secret
 * they were given).
 */
function stripeError(error: Partial<StripeError>): ConnectElementsError {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const message = text(error.message) || 'Stripe.js reported an error.';
  const stripeError: StripeErrorInfo = { message };
  if (typeof error.type === 'string') stripeError.type = error.type;
  if (typeof error.code === 'string') stripeError.code = error.code;
  return new ConnectElementsError('stripe_error', message, {
    ...(stripeError.type !== undefined && { type: stripeError.type }),
    stripeError,
  });
}

/** `promise`, or a rejection with the abort reason as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
