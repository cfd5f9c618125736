/**
 * `<ce-financial-connections>` in the shared options model: the options every element of the kit
 * takes (from `EndpointOptionsElement`), a `fetchClientSecret` in place of the endpoint, `locale`
 * for Stripe.js, its provider found as the component elements find theirs (`provider="id"` or the
 * nearest `<ce-connect>` through the context protocol), and the session's `filters` and
 * `permissions` in the success detail.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../packages/core/src/define.js';
import { EndpointOptionsElement } from '../../packages/core/src/endpoint-options-element.js';
import { DEFAULT_TIMEOUT } from '../../packages/core/src/endpoint-request.js';
import {
  type CeFinancialConnections,
  type ConnectElementsErrorDetail,
  type FinancialConnectionsSuccessDetail,
} from '../../packages/core/src/index.js';
import type { StripeStandInControls } from '../../packages/testing/src/stand-in/stripe-js.js';
import { endpoint, nextEvent, until } from './support/harness.js';

const stripeStandIn = (): StripeStandInControls =>
  (window.Stripe as unknown as { standIn: StripeStandInControls }).standIn;

let keys = 0;
/** A publishable key no earlier test used, so its `Stripe()` call is this test's. */
const freshKey = () => `pk_test_fco_${Date.now()}_${++keys}`;

let secrets = 0;
const sessionSecret = () => `fcsess_client_secret_fn_${Date.now()}_${++secrets}`;

async function element(attributes: Record<string, string> = {}): Promise<CeFinancialConnections> {
  const fc = document.createElement('ce-financial-connections');
  for (const [name, value] of Object.entries(attributes)) fc.setAttribute(name, value);
  (await fixture<HTMLElement>(html`<div></div>`)).append(fc);
  await fc.updateComplete;
  return fc;
}

afterEach(() => {
  const open = window.Stripe && stripeStandIn().openFlow;
  if (open) stripeStandIn().resolveOpen('cancel');
});

describe('<ce-financial-connections> options', () => {
  it('takes the options every element shares', async () => {
    const fc = await element({ 'publishable-key': freshKey(), credentials: 'include' });
    expect(fc).to.be.instanceOf(EndpointOptionsElement);
    expect(fc.timeout).to.equal(DEFAULT_TIMEOUT);
    const api = endpoint({ body: 'fc-session' });
    fc.endpoint = api.url;
    fc.timeout = 4000;
    fc.headers = { 'X-CSRF-Token': 'own' };
    const launched = fc.launch();
    await until(() => window.Stripe && stripeStandIn().openFlow, 'the flow to open');
    stripeStandIn().resolveOpen('cancel');
    expect((await launched).status).to.equal('cancel');
    const [request] = await api.requests();
    expect(request!.body).to.deep.equal({ collect: 'accounts' });
    expect(request!.headers['x-csrf-token']).to.equal('own');

    fc.timeout = 0;
    const failed = nextEvent<CustomEvent<ConnectElementsErrorDetail>>(fc, 'ce-error');
    await fc.launch();
    expect((await failed).detail.message).to.match(/timeout/);
  });

  it('calls fetchClientSecret once per launch instead of the endpoint', async () => {
    const fc = await element({ 'publishable-key': freshKey() });
    let calls = 0;
    fc.fetchClientSecret = async () => {
      calls += 1;
      return sessionSecret();
    };
    for (const action of ['link', 'cancel'] as const) {
      const launched = fc.launch();
      await until(() => window.Stripe && stripeStandIn().openFlow, 'the flow to open');
      stripeStandIn().resolveOpen(action);
      expect((await launched).status).to.equal(action === 'link' ? 'success' : 'cancel');
    }
    expect(calls).to.equal(2);
  });

  it('reports a fetchClientSecret that fails or resolves to no secret as ce-error', async () => {
    const fc = await element({ 'publishable-key': freshKey() });
    const cases: Array<[() => Promise<string>, string]> = [
      [() => Promise.reject(new Error('offline')), 'endpoint_network_error'],
      [() => Promise.resolve(42 as unknown as string), 'endpoint_invalid_response'],
    ];
    for (const [fetchClientSecret, code] of cases) {
      fc.fetchClientSecret = fetchClientSecret;
      const failed = nextEvent<CustomEvent<ConnectElementsErrorDetail>>(fc, 'ce-error');
      const result = await fc.launch();
      expect((await failed).detail.code).to.equal(code);
      expect(result.status).to.equal('error');
    }
  });

  it('needs an endpoint or a fetchClientSecret', async () => {
    const fc = await element({ 'publishable-key': freshKey() });
    const failed = nextEvent<CustomEvent<ConnectElementsErrorDetail>>(fc, 'ce-error');
    await fc.launch();
    expect((await failed).detail.message).to.match(/endpoint.*fetchClientSecret/);
  });

  it('passes locale (and stripe-account) to Stripe()', async () => {
    const key = freshKey();
    const fc = await element({
      'publishable-key': key,
      endpoint: endpoint({ body: 'fc-session' }).url,
      locale: 'fr',
      'stripe-account': 'acct_standin_fr',
    });
    const launched = fc.launch();
    await until(() => window.Stripe && stripeStandIn().openFlow, 'the flow to open');
    stripeStandIn().resolveOpen('cancel');
    await launched;
    const call = stripeStandIn().calls.find((candidate) => candidate.publishableKey === key)!;
    expect(call.options).to.deep.equal({ stripeAccount: 'acct_standin_fr', locale: 'fr' });

    fc.removeAttribute('stripe-account');
    fc.locale = 'de';
    await fc.updateComplete;
    const again = fc.launch();
    await until(() => stripeStandIn().openFlow, 'the flow to open');
    stripeStandIn().resolveOpen('cancel');
    await again;
    const calls = stripeStandIn().calls.filter((candidate) => candidate.publishableKey === key);
    expect(calls.map((c) => c.options)).to.deep.equal([
      { stripeAccount: 'acct_standin_fr', locale: 'fr' },
      { locale: 'de' },
    ]);
  });

  it('keeps the session’s filters and permissions in the success detail, never its secret', async () => {
    const fc = await element({
      'publishable-key': freshKey(),
      endpoint: endpoint({ body: 'fc-session' }).url,
    });
    const succeeded = nextEvent<CustomEvent<FinancialConnectionsSuccessDetail>>(
      fc,
      'ce-financial-connections-success',
    );
    const launched = fc.launch();
    await until(() => window.Stripe && stripeStandIn().openFlow, 'the flow to open');
    stripeStandIn().resolveOpen('link');
    const { detail } = await succeeded;
    expect(detail.session.filters).to.deep.equal({ countries: ['US'] });
    expect(detail.session.permissions).to.deep.equal(['payment_method', 'balances']);
    expect(Object.keys(detail.session).sort()).to.deep.equal([
      'accounts',
      'filters',
      'id',
      'permissions',
    ]);
    expect(JSON.stringify(detail)).not.to.match(/_secret_/);
    const result = await launched;
    expect(result.status === 'success' && result.session).to.deep.equal(detail.session);
  });

  it('uses the <ce-connect> its provider attribute names, anywhere in the document', async () => {
    const key = freshKey();
    const api = endpoint({ body: 'fc-session' });
    const page = await fixture<HTMLElement>(html`
      <div>
        <ce-connect id="bank-provider" publishable-key=${key}></ce-connect>
        <dialog open>
          <ce-financial-connections provider="bank-provider"></ce-financial-connections>
        </dialog>
      </div>
    `);
    page.querySelector('ce-connect')!.headers = { 'X-CSRF-Token': 'named' };
    const fc = page.querySelector('ce-financial-connections')!;
    fc.endpoint = api.url;
    const launched = fc.launch();
    await until(() => window.Stripe && stripeStandIn().openFlow, 'the flow to open');
    expect(stripeStandIn().openFlow!.publishableKey).to.equal(key);
    stripeStandIn().resolveOpen('cancel');
    await launched;
    expect((await api.requests())[0]!.headers['x-csrf-token']).to.equal('named');
  });

  it('reports a provider attribute that names no <ce-connect> as configuration_error', async () => {
    const fc = await element({
      'publishable-key': freshKey(),
      endpoint: '/x',
      provider: 'nowhere',
    });
    const failed = nextEvent<CustomEvent<ConnectElementsErrorDetail>>(fc, 'ce-error');
    await fc.launch();
    expect((await failed).detail).to.deep.include({
      code: 'configuration_error',
      message:
        '<ce-financial-connections provider="nowhere"> names no <ce-connect id="nowhere"> in the document.',
    });
  });

  it('stays inert under defer-hydration until the attribute is removed', async () => {
    const fc = document.createElement('ce-financial-connections');
    fc.setAttribute('defer-hydration', '');
    (await fixture<HTMLElement>(html`<div></div>`)).append(fc);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fc.shadowRoot, 'no shadow root yet').to.equal(null);
    fc.removeAttribute('defer-hydration');
    await fc.updateComplete;
    expect(fc.shadowRoot!.querySelector('[part="button"]')).to.exist;
  });
});
