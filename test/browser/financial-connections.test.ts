import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../packages/core/src/define.js';
import type {
  CeConnect,
  CeFinancialConnections,
  ConnectElementsErrorDetail,
  FinancialConnectionsCancelDetail,
  FinancialConnectionsSuccessDetail,
} from '../../packages/core/src/index.js';
import type { StripeStandInControls } from '../../packages/testing/src/stand-in/stripe-js.js';
import { endpoint, nextEvent, stripeCdn, until } from './support/harness.js';

type ErrorEvent = CustomEvent<ConnectElementsErrorDetail>;

/** `window.Stripe.standIn`, once Stripe.js is on the page. */
const stripeStandIn = (): StripeStandInControls =>
  (window.Stripe as unknown as { standIn: StripeStandInControls }).standIn;

/** An endpoint answering Financial Connections Session secrets (plus `params`). */
const fcEndpoint = (params: Record<string, string | number> = {}) =>
  endpoint({ body: 'fc-session', ...params });

const buttonOf = (element: CeFinancialConnections) =>
  element.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!;

const panelOf = (element: CeFinancialConnections) =>
  element.shadowRoot!.querySelector<HTMLElement>('[part="error"]');

let keys = 0;
/** A publishable key no earlier test used, so its `Stripe()` call is this test's. */
const freshKey = () => `pk_test_fc_${Date.now()}_${++keys}`;

async function financialConnections(
  attributes: Record<string, string | boolean>,
  label?: string,
): Promise<CeFinancialConnections> {
  const element = document.createElement('ce-financial-connections');
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (value !== false) element.setAttribute(name, value);
  }
  if (label) element.textContent = label;
  const container = await fixture<HTMLElement>(html`<div></div>`);
  container.append(element);
  await element.updateComplete;
  return element;
}

/** Waits for the endpoint request, then ends the opened flow with `action`. */
async function endOpenFlow(action: 'link' | 'cancel' | 'error') {
  await stripeStandIn().whenOpen();
  stripeStandIn().resolveOpen(action);
}

afterEach(() => {
  // An open modal makes the rest of the page inert; never leave one behind.
  const open = window.Stripe && stripeStandIn().openFlow;
  if (open) stripeStandIn().resolveOpen('cancel');
});

// Stripe.js loads once per page, so the load failure comes first.
describe('<ce-financial-connections> Stripe.js loading', () => {
  it('reports script_load_error when Stripe.js cannot be loaded, then preloads on hover and retry() succeeds', async () => {
    expect(window.Stripe, 'Stripe.js not loaded yet').to.equal(undefined);
    await stripeCdn({ stripe: 'fail' });
    const api = fcEndpoint();
    const element = await financialConnections({
      'publishable-key': 'pk_test_fc_script',
      endpoint: api.url,
    });
    const failed = nextEvent<ErrorEvent>(element, 'ce-error');
    const result = await element.launch();
    const event = await failed;
    expect(event.detail.code).to.equal('script_load_error');
    expect(result).to.deep.equal({ status: 'error', error: event.detail });
    await element.updateComplete;
    expect(panelOf(element)!.textContent).to.contain(event.detail.message);
    await expect(element).to.be.accessible();

    const { stripe: requestsBefore } = await stripeCdn({ stripe: 'serve' });
    const button = buttonOf(element);
    const box = button.getBoundingClientRect();
    const center = [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
    await sendMouse({ type: 'move', position: center as [number, number] });
    await until(() => window.Stripe, 'Stripe.js preloaded on pointerenter');
    expect((await stripeCdn()).stripe).to.equal(requestsBefore + 1);
    expect(await api.requests()).to.have.length(1);

    stripeStandIn().next = 'link';
    const success = nextEvent<CustomEvent<FinancialConnectionsSuccessDetail>>(
      element,
      'ce-financial-connections-success',
    );
    const retried = await element.retry();
    expect(retried.status).to.equal('success');
    expect((await success).detail.session.accounts).to.have.length(1);
    expect(panelOf(element)).to.equal(null);
    expect(await api.requests()).to.have.length(2);
    await sendMouse({ type: 'move', position: [0, 0] });
  });
});

describe('<ce-financial-connections>', () => {
  before(async () => {
    // Tests below drive the stand-in through window.Stripe, whatever ran before them.
    await stripeCdn({ stripe: 'serve' });
    if (!window.Stripe) {
      const element = await financialConnections({ 'publishable-key': freshKey(), preload: true });
      await until(() => window.Stripe, 'Stripe.js');
      element.remove();
    }
  });

  it('renders an accessible button, labelled "Link bank account" unless slotted', async () => {
    const plain = await financialConnections({
      'publishable-key': 'pk_test_fc',
      endpoint: '/x',
    });
    const button = buttonOf(plain);
    expect(button.localName).to.equal('button');
    expect(button.type).to.equal('button');
    const slot = button.querySelector('slot')!;
    expect(slot.assignedNodes()).to.have.length(0);
    expect(slot.textContent!.trim()).to.equal('Link bank account');
    await expect(plain).to.be.accessible();

    const labelled = await financialConnections(
      { 'publishable-key': 'pk_test_fc', endpoint: '/x' },
      'Connect your bank',
    );
    const assigned = buttonOf(labelled).querySelector('slot')!.assignedNodes();
    expect(assigned.map((node) => node.textContent).join('')).to.equal('Connect your bank');
    await expect(labelled).to.be.accessible();
  });

  it('links an account: one POST, then ce-financial-connections-success without the client secret', async () => {
    const api = fcEndpoint();
    const element = await financialConnections({
      'publishable-key': 'pk_test_fc',
      endpoint: api.url,
    });
    const success = nextEvent<CustomEvent<FinancialConnectionsSuccessDetail>>(
      element,
      'ce-financial-connections-success',
    );
    buttonOf(element).click();
    // The customer picks the second bank in the modal and links it.
    const flow = await stripeStandIn().whenOpen();
    expect(flow.method).to.equal('collectFinancialConnectionsAccounts');
    const dialog = document.querySelector<HTMLDialogElement>('dialog[data-stand-in]')!;
    expect(dialog.open).to.equal(true);
    await expect(dialog).to.be.accessible();
    dialog.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1]!.click();
    [...dialog.querySelectorAll('button')].find((b) => b.textContent === 'Link account')!.click();

    const event = await success;
    expect(event.bubbles && event.composed).to.equal(true);
    const { session, token } = event.detail;
    expect(Object.keys(event.detail)).to.deep.equal(['session']);
    expect(token).to.equal(undefined);
    expect(Object.keys(session).sort()).to.deep.equal(['accounts', 'filters', 'id', 'permissions']);
    expect(session.id).to.match(/^fcsess_/);
    const [account] = session.accounts;
    expect(account).to.include({
      object: 'financial_connections.account',
      institution_name: 'Test Savings Union',
      last4: '4321',
      category: 'cash',
      subcategory: 'savings',
      status: 'active',
    });
    expect(account!.id).to.match(/^fca_/);
    expect(account!.supported_payment_method_types).to.include('us_bank_account');
    expect(JSON.stringify(event.detail)).not.to.match(/client_secret|_secret_/);

    const [request, ...others] = await api.requests();
    expect(others).to.have.length(0);
    expect(request!.method).to.equal('POST');
    expect(request!.headers['content-type']).to.equal('application/json');
    expect(request!.body).to.deep.equal({ collect: 'accounts' });
  });

  it('resolves launch() with the outcome it dispatched', async () => {
    const element = await financialConnections({
      'publishable-key': 'pk_test_fc',
      endpoint: fcEndpoint().url,
    });
    const success = nextEvent<CustomEvent<FinancialConnectionsSuccessDetail>>(
      element,
      'ce-financial-connections-success',
    );
    stripeStandIn().next = 'link';
    const result = await element.launch();
    const { detail } = await success;
    expect(result).to.deep.equal({ status: 'success', ...detail });
    expect(JSON.stringify(result)).not.to.match(/client_secret|_secret_/);
  });

  it('collects a bank account token with collect="bank-account-token"', async () => {
    const api = fcEndpoint();
    const element = await financialConnections({
      'publishable-key': 'pk_test_fc',
      endpoint: api.url,
      collect: 'bank-account-token',
    });
    const success = nextEvent<CustomEvent<FinancialConnectionsSuccessDetail>>(
      element,
      'ce-financial-connections-success',
    );
    stripeStandIn().next = 'link';
    const result = await element.launch();
    const { detail } = await success;
    expect(stripeStandIn().flows.at(-1)!.method).to.equal('collectBankAccountToken');
    expect(detail.session.accounts).to.have.length(1);
    expect(detail.token!.id).to.match(/^btok_/);
    expect(detail.token!.bank_account).to.include({ object: 'bank_account', last4: '6789' });
    expect(result).to.deep.equal({ status: 'success', ...detail });
    expect(JSON.stringify(detail)).not.to.match(/client_secret|_secret_/);
    expect((await api.requests())[0]!.body).to.deep.equal({ collect: 'bank-account-token' });
  });

  it('dispatches ce-financial-connections-cancel when the flow closes with no account', async () => {
    const element = await financialConnections({
      'publishable-key': 'pk_test_fc',
      endpoint: fcEndpoint().url,
    });
    const cancelled = nextEvent<CustomEvent<FinancialConnectionsCancelDetail>>(
      element,
      'ce-financial-connections-cancel',
    );
    const errors: Event[] = [];
    element.addEventListener('ce-error', (event) => errors.push(event));
    stripeStandIn().next = 'cancel';
    const result = await element.launch();
    const { detail } = await cancelled;
    expect(detail.session.id).to.match(/^fcsess_/);
    expect(result).to.deep.equal({ status: 'cancel', ...detail });
    expect(errors).to.have.length(0);
    await element.updateComplete;
    expect(panelOf(element)).to.equal(null);
  });

  it('treats Escape in Stripe’s modal as a cancel', async () => {
    const element = await financialConnections({
      'publishable-key': 'pk_test_fc',
      endpoint: fcEndpoint().url,
    });
    const cancelled = nextEvent(element, 'ce-financial-connections-cancel');
    const result = element.launch();
    await stripeStandIn().whenOpen();
    await sendKeys({ press: 'Escape' });
    await cancelled;
    expect((await result).status).to.equal('cancel');
  });

  it('reports stripe_error with Stripe’s type, code and message when Stripe.js reports an error', async () => {
    const element = await financialConnections({
      'publishable-key': 'pk_test_fc',
      endpoint: fcEndpoint().url,
    });
    const failed = nextEvent<ErrorEvent>(element, 'ce-error');
    const result = element.launch();
    await endOpenFlow('error');
    const { detail } = await failed;
    expect(detail).to.deep.equal({
      code: 'stripe_error',
      message: 'The stand-in was told to fail this flow.',
      type: 'api_error',
      stripeError: {
        type: 'api_error',
        code: 'standin_failure',
        message: 'The stand-in was told to fail this flow.',
      },
    });
    expect(await result).to.deep.equal({ status: 'error', error: detail });
    await element.updateComplete;
    expect(panelOf(element)!.textContent).to.contain(detail.message);
    await expect(element).to.be.accessible();

    stripeStandIn().next = 'link';
    expect((await element.retry()).status).to.equal('success');
  });

  it('reports stripe_error (invalid_request_error, resource_missing) for a secret that is not a Financial Connections one', async () => {
    // The endpoint answers an AccountSession secret: Stripe refuses it.
    const element = await financialConnections({
      'publishable-key': 'pk_test_fc',
      endpoint: endpoint().url,
    });
    const failed = nextEvent<ErrorEvent>(element, 'ce-error');
    await element.launch();
    const { detail } = await failed;
    expect(detail).to.deep.include({ code: 'stripe_error', type: 'invalid_request_error' });
    expect(detail.stripeError).to.include({
      type: 'invalid_request_error',
      code: 'resource_missing',
    });
    // Stripe's message echoed the secret it was given; the kit masks it.
    expect(detail.message)
      .to.contain('[redacted]')
      .and.not.match(/_secret_/);
    expect(detail.stripeError!.message).to.equal(detail.message);
    expect(stripeStandIn().openFlow).to.equal(undefined);
  });

  const endpointFailures: Array<
    [string, string, Record<string, string | number>, string, number?]
  > = [
    ['a 401 answer', '', { status: 401 }, 'endpoint_http_error', 401],
    ['a 500 answer', '', { status: 500 }, 'endpoint_http_error', 500],
    ['an HTML body', '', { body: 'html' }, 'endpoint_invalid_response'],
    ['JSON without client_secret', '', { body: 'no-secret' }, 'endpoint_invalid_response'],
    ['an unreachable host', 'http://127.0.0.1:9/x', {}, 'endpoint_network_error'],
  ];
  for (const [what, url, params, code, status] of endpointFailures) {
    it(`reports ${code} for ${what}, and retry() then succeeds`, async () => {
      const bad = endpoint(params);
      const element = await financialConnections({
        'publishable-key': 'pk_test_fc',
        endpoint: url || bad.url,
      });
      const failed = nextEvent<ErrorEvent>(element, 'ce-error');
      const result = await element.launch();
      const { detail } = await failed;
      expect(detail.code).to.equal(code);
      if (status) expect(detail.status).to.equal(status);
      expect(result).to.deep.equal({ status: 'error', error: detail });
      expect(stripeStandIn().openFlow).to.equal(undefined);
      await element.updateComplete;
      expect(panelOf(element)!.textContent).to.contain(detail.message);

      const good = fcEndpoint();
      element.endpoint = good.url;
      stripeStandIn().next = 'link';
      const success = nextEvent(element, 'ce-financial-connections-success');
      // The panel's retry button, as a customer would.
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
      await success;
      await element.updateComplete;
      expect(panelOf(element)).to.equal(null);
      expect(await good.requests()).to.have.length(1);
    });
  }

  it('reports endpoint_timeout for an endpoint slower than timeout, and retry() then succeeds', async () => {
    const slow = fcEndpoint({ delay: 1500 });
    const element = await financialConnections({
      'publishable-key': 'pk_test_fc',
      endpoint: slow.url,
      timeout: '100',
    });
    const started = performance.now();
    const result = await element.launch();
    expect(result.status === 'error' && result.error.code).to.equal('endpoint_timeout');
    expect(performance.now() - started).to.be.below(1200);
    element.timeout = 15000;
    element.endpoint = fcEndpoint().url;
    stripeStandIn().next = 'link';
    expect((await element.retry()).status).to.equal('success');
  });

  it('never reuses a client secret: each launch asks the endpoint for a new session', async () => {
    const api = fcEndpoint();
    const element = await financialConnections({
      'publishable-key': 'pk_test_fc',
      endpoint: api.url,
    });
    stripeStandIn().next = 'cancel';
    expect((await element.launch()).status).to.equal('cancel');
    stripeStandIn().next = 'link';
    expect((await element.launch()).status).to.equal('success');
    expect(await api.requests()).to.have.length(2);
  });

  it('makes one request for a double click, and a second launch() joins the first', async () => {
    const api = fcEndpoint({ delay: 200 });
    const element = await financialConnections({
      'publishable-key': 'pk_test_fc',
      endpoint: api.url,
    });
    const successes: Event[] = [];
    element.addEventListener('ce-financial-connections-success', (event) => successes.push(event));
    const button = buttonOf(element);
    button.click();
    button.click();
    const first = element.launch();
    const second = element.launch();
    expect(second).to.equal(first);
    await element.updateComplete;
    expect(button.disabled).to.equal(true);
    await endOpenFlow('link');
    expect((await first).status).to.equal('success');
    expect(await api.requests()).to.have.length(1);
    expect(
      stripeStandIn()
        .flows.filter((flow) => flow.outcome === 'link')
        .at(-1),
    ).to.exist;
    expect(successes).to.have.length(1);
  });

  it('is busy while a launch is in flight: busy attribute, aria-busy and a disabled button', async () => {
    const element = await financialConnections({
      'publishable-key': 'pk_test_fc',
      endpoint: fcEndpoint({ delay: 150 }).url,
    });
    const button = buttonOf(element);
    expect(element.busy).to.equal(false);
    expect(button.getAttribute('aria-busy')).to.equal('false');
    // busy is the element's to say.
    element.setAttribute('busy', '');
    expect(element.hasAttribute('busy')).to.equal(false);

    const result = element.launch();
    expect(element.busy).to.equal(true);
    await element.updateComplete;
    expect(element.hasAttribute('busy')).to.equal(true);
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(button.disabled).to.equal(true);
    element.removeAttribute('busy');
    expect(element.hasAttribute('busy')).to.equal(true);

    await endOpenFlow('cancel');
    await result;
    await element.updateComplete;
    expect(element.busy).to.equal(false);
    expect(element.hasAttribute('busy')).to.equal(false);
    expect(button.getAttribute('aria-busy')).to.equal('false');
    expect(button.disabled).to.equal(false);
  });

  it('launches from the keyboard (Enter and Space) and gives focus back to the button', async () => {
    const element = await financialConnections({
      'publishable-key': 'pk_test_fc',
      endpoint: fcEndpoint().url,
    });
    const button = buttonOf(element);
    for (const key of ['Enter', 'Space']) {
      button.focus();
      const cancelled = nextEvent(element, 'ce-financial-connections-cancel');
      await sendKeys({ press: key });
      await endOpenFlow('cancel');
      await cancelled;
      await until(() => element.shadowRoot!.activeElement === button, 'focus back on the button');
    }
  });

  it('does nothing while disabled', async () => {
    const api = fcEndpoint();
    const element = await financialConnections({
      'publishable-key': 'pk_test_fc',
      endpoint: api.url,
      disabled: true,
    });
    const button = buttonOf(element);
    expect(button.disabled).to.equal(true);
    button.click();
    expect(await element.launch()).to.deep.equal({ status: 'aborted' });
    expect(element.busy).to.equal(false);
    expect(await api.requests()).to.have.length(0);
    await expect(element).to.be.accessible();

    element.disabled = false;
    await element.updateComplete;
    expect(button.disabled).to.equal(false);
  });

  it('cancels the request quietly when removed while busy', async () => {
    const api = fcEndpoint({ delay: 400 });
    const element = await financialConnections({
      'publishable-key': 'pk_test_fc',
      endpoint: api.url,
    });
    const events: Event[] = [];
    for (const type of ['ce-error', 'ce-financial-connections-success']) {
      element.addEventListener(type, (event) => events.push(event));
    }
    const result = element.launch();
    await until(() => element.busy, 'busy');
    await new Promise((resolve) => setTimeout(resolve, 100)); // the request is in flight
    element.remove();
    expect(await result).to.deep.equal({ status: 'aborted' });
    expect(element.busy).to.equal(false);
    expect(await api.requests()).to.have.length(1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(events).to.have.length(0);
    expect(stripeStandIn().openFlow).to.equal(undefined);
  });

  it('drops a late Stripe result when removed while Stripe’s flow is open', async () => {
    const element = await financialConnections({
      'publishable-key': 'pk_test_fc',
      endpoint: fcEndpoint().url,
    });
    const events: Event[] = [];
    for (const type of ['ce-error', 'ce-financial-connections-success']) {
      element.addEventListener(type, (event) => events.push(event));
    }
    const result = element.launch();
    await stripeStandIn().whenOpen();
    element.remove();
    expect(await result).to.deep.equal({ status: 'aborted' });
    stripeStandIn().resolveOpen('link');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).to.have.length(0);
  });

  it('keeps the launch when moved within the page while Stripe’s flow is open', async () => {
    const element = await financialConnections({
      'publishable-key': 'pk_test_fc',
      endpoint: fcEndpoint().url,
    });
    const success = nextEvent(element, 'ce-financial-connections-success');
    const result = element.launch();
    await stripeStandIn().whenOpen();
    const other = document.createElement('div');
    element.parentElement!.after(other);
    other.append(element); // removed and added in one task
    await new Promise((resolve) => setTimeout(resolve, 20));
    stripeStandIn().resolveOpen('link');
    await success;
    expect((await result).status).to.equal('success');
    other.remove();
  });

  it('preloads Stripe.js on focus, before any click', async () => {
    const key = freshKey();
    const api = fcEndpoint();
    const element = await financialConnections({ 'publishable-key': key, endpoint: api.url });
    const callsWith = () => stripeStandIn().calls.filter((call) => call.publishableKey === key);
    expect(callsWith()).to.have.length(0);
    buttonOf(element).focus();
    await until(() => callsWith().length === 1, 'Stripe() for the key on focus');
    expect(await api.requests()).to.have.length(0);

    stripeStandIn().next = 'cancel';
    await element.launch();
    expect(callsWith(), 'the preloaded instance is used').to.have.length(1);
  });

  it('preloads Stripe.js with the preload attribute', async () => {
    const key = freshKey();
    await financialConnections({ 'publishable-key': key, endpoint: '/x', preload: true });
    await until(
      () => stripeStandIn().calls.some((call) => call.publishableKey === key),
      'Stripe() for the key without any interaction',
    );
  });

  it('takes the publishable key (and headers) from the nearest <ce-connect>, across shadow roots', async () => {
    const key = freshKey();
    const api = fcEndpoint();
    const provider = await fixture<CeConnect>(html`
      <ce-connect publishable-key=${key} .headers=${{ 'X-CSRF-Token': 'csrf-fc' }}>
        <div id="host"></div>
      </ce-connect>
    `);
    const root = provider.querySelector('#host')!.attachShadow({ mode: 'open' });
    const element = document.createElement('ce-financial-connections');
    element.endpoint = api.url;
    root.append(element);
    stripeStandIn().next = 'link';
    expect((await element.launch()).status).to.equal('success');
    expect(stripeStandIn().flows.at(-1)!.publishableKey).to.equal(key);
    expect((await api.requests())[0]!.headers['x-csrf-token']).to.equal('csrf-fc');
  });

  it('prefers its own publishable-key and headers over the provider’s', async () => {
    const key = freshKey();
    const api = fcEndpoint();
    const provider = await fixture<CeConnect>(html`
      <ce-connect publishable-key="pk_test_provider" .headers=${{ 'X-CSRF-Token': 'provider' }}>
        <ce-financial-connections
          publishable-key=${key}
          endpoint=${api.url}
          .headers=${{ 'X-CSRF-Token': 'own' }}
        ></ce-financial-connections>
      </ce-connect>
    `);
    const element = provider.querySelector('ce-financial-connections')!;
    stripeStandIn().next = 'cancel';
    await element.launch();
    expect(stripeStandIn().flows.at(-1)!.publishableKey).to.equal(key);
    expect((await api.requests())[0]!.headers['x-csrf-token']).to.equal('own');
  });

  it('passes stripe-account to Stripe()', async () => {
    const key = freshKey();
    const element = await financialConnections({
      'publishable-key': key,
      endpoint: fcEndpoint().url,
      'stripe-account': 'acct_standin_123',
    });
    stripeStandIn().next = 'link';
    await element.launch();
    const call = stripeStandIn().calls.find((candidate) => candidate.publishableKey === key)!;
    expect(call.options).to.deep.equal({ stripeAccount: 'acct_standin_123' });
    expect(stripeStandIn().flows.at(-1)!.stripeAccount).to.equal('acct_standin_123');
    expect(stripeStandIn().wrappers.at(-1)).to.include({ name: 'stripe-js' });
  });

  describe('configuration errors', () => {
    const cases: Array<[string, Record<string, string>, RegExp]> = [
      ['no endpoint', { 'publishable-key': 'pk_test_fc' }, /endpoint/],
      ['no publishable key and no provider', { endpoint: '/x' }, /publishable-key/],
      ['a secret key', { 'publishable-key': 'sk_test_secret', endpoint: '/x' }, /secret/],
      ['a restricted key', { 'publishable-key': 'rk_test_restricted', endpoint: '/x' }, /secret/],
      [
        'an unknown collect',
        { 'publishable-key': 'pk_test_fc', endpoint: '/x', collect: 'all' },
        /collect/,
      ],
      [
        'a timeout that is not a number',
        { 'publishable-key': 'pk_test_fc', endpoint: '/x', timeout: 'soon' },
        /timeout/,
      ],
    ];
    for (const [what, attributes, message] of cases) {
      it(`reports configuration_error for ${what}, and never asks the endpoint or Stripe`, async () => {
        const api = fcEndpoint();
        const element = await financialConnections({
          ...attributes,
          ...(attributes['endpoint'] ? { endpoint: api.url } : {}),
        });
        const callsBefore = stripeStandIn().calls.length;
        const failed = nextEvent<ErrorEvent>(element, 'ce-error');
        buttonOf(element).focus(); // no preload either
        buttonOf(element).click();
        const { detail } = await failed;
        expect(detail.code).to.equal('configuration_error');
        expect(detail.message).to.match(message);
        expect(await api.requests()).to.have.length(0);
        expect(stripeStandIn().calls.length).to.equal(callsBefore);
        expect(JSON.stringify(stripeStandIn().calls)).not.to.match(/sk_test|rk_test/);
        await element.updateComplete;
        expect(panelOf(element)).to.exist;
        await expect(element).to.be.accessible();
      });
    }

    it('hides the panel when a ce-error listener calls preventDefault()', async () => {
      const element = await financialConnections({ 'publishable-key': 'pk_test_fc' });
      element.addEventListener('ce-error', (event) => event.preventDefault());
      const result = await element.launch();
      expect(result.status).to.equal('error');
      await element.updateComplete;
      expect(panelOf(element)).to.equal(null);
    });
  });
});

describe('stand-in Stripe.js', () => {
  it('refuses a malformed or already used client secret, as Stripe.js does', async () => {
    const stripe = (
      window.Stripe as unknown as (key: string) => {
        collectFinancialConnectionsAccounts(options: { clientSecret: string }): Promise<{
          error?: { type: string; code?: string };
          financialConnectionsSession?: { accounts: unknown[] };
        }>;
      }
    )('pk_test_direct');
    const malformed = await stripe.collectFinancialConnectionsAccounts({ clientSecret: 'nope' });
    expect(malformed.error).to.include({ type: 'invalid_request_error', code: 'resource_missing' });

    const secret = ['fcsess', 'client', 'secret', 'direct', String(Date.now())].join('_');
    stripeStandIn().next = 'cancel';
    const first = await stripe.collectFinancialConnectionsAccounts({ clientSecret: secret });
    expect(first.financialConnectionsSession!.accounts).to.deep.equal([]);
    const again = await stripe.collectFinancialConnectionsAccounts({ clientSecret: secret });
    expect(again.error).to.include({ type: 'invalid_request_error', code: 'resource_missing' });

    const expired = ['fcsess', 'client', 'secret', 'offline', 'abc123', '1000000000'].join('_');
    const late = await stripe.collectFinancialConnectionsAccounts({ clientSecret: expired });
    expect(late.error).to.include({ type: 'invalid_request_error', code: 'resource_missing' });
  });
});
