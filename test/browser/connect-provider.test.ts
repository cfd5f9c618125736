import { expect, fixture, html } from '@open-wc/testing';
import '../../packages/core/src/define.js';
import type { CeConnect } from '../../packages/core/src/index.js';
import { endpoint, mounted, ready, standIn, until } from './support/harness.js';

describe('<ce-connect>', () => {
  it('renders an embedded component from a plain provider markup', async () => {
    const api = endpoint();
    const provider = await fixture<CeConnect>(html`
      <ce-connect publishable-key="pk_test_123" endpoint=${api.url}>
        <ce-account-onboarding></ce-account-onboarding>
      </ce-connect>
    `);
    const onboarding = provider.querySelector('ce-account-onboarding')!;
    const stripe = await mounted(onboarding);
    expect(stripe.localName).to.equal('stripe-connect-account-onboarding');
    expect(stripe.parentElement).to.equal(onboarding);
    await until(() => stripe.connector?.status === 'ready', 'session ready');
    expect(stripe.connector!.publishableKey).to.equal('pk_test_123');
    expect(await api.requests()).to.have.length(1);
  });

  it('sends one POST with the documented headers, credentials and component names', async () => {
    const api = endpoint();
    const provider = await fixture<CeConnect>(html`
      <ce-connect
        publishable-key="pk_test_123"
        endpoint=${api.url}
        credentials="include"
        .headers=${{ 'X-CSRF-Token': 'csrf-1' }}
      >
        <ce-payments></ce-payments>
        <div>
          <section><ce-payouts></ce-payouts></section>
        </div>
      </ce-connect>
    `);
    await ready(provider.querySelector('ce-payouts')!);
    const [request, ...others] = await api.requests();
    expect(others).to.have.length(0);
    expect(request!.method).to.equal('POST');
    expect(request!.headers['content-type']).to.equal('application/json');
    expect(request!.headers['accept']).to.equal('application/json');
    expect(request!.headers['x-csrf-token']).to.equal('csrf-1');
    expect(request!.body).to.deep.equal({ components: ['payments', 'payouts'] });
  });

  it('answers calls of fetchClientSecret made while one is in flight with its one request', async () => {
    const api = endpoint({ delay: 150 });
    const provider = await fixture<CeConnect>(html`
      <ce-connect publishable-key="pk_test_share" endpoint=${api.url}>
        <ce-payments></ce-payments>
      </ce-connect>
    `);
    const stripe = await ready(provider.querySelector('ce-payments')!);
    expect(await api.requests()).to.have.length(1);
    // Connect asks again when a session expires; two asks at once share one request…
    await Promise.all([stripe.connector!.expireSession(), stripe.connector!.expireSession()]);
    expect(await api.requests()).to.have.length(2);
    // …and nothing is kept once it settled: the next ask reaches the endpoint.
    await stripe.connector!.expireSession();
    expect(await api.requests()).to.have.length(3);
  });

  it('calls update() on the live instance when appearance or locale change, never re-init', async () => {
    const api = endpoint();
    const provider = await fixture<CeConnect>(html`
      <ce-connect
        publishable-key="pk_test_123"
        endpoint=${api.url}
        locale="en-US"
        appearance='{"variables":{"colorPrimary":"#635bff"}}'
      >
        <ce-payments></ce-payments>
      </ce-connect>
    `);
    const stripe = await mounted(provider.querySelector('ce-payments')!);
    const instance = stripe.connector!;
    expect(instance.locale).to.equal('en-US');
    expect(instance.appearance).to.deep.equal({ variables: { colorPrimary: '#635bff' } });
    const instancesBefore = standIn().instances.length;

    provider.locale = 'fr-FR';
    await provider.updateComplete;
    await until(() => instance.updates.length === 1, 'update');
    provider.setAttribute('appearance', '{"variables":{"colorPrimary":"#000000"}}');
    await provider.updateComplete;
    await until(() => instance.updates.length === 2, 'second update');

    expect(instance.locale).to.equal('fr-FR');
    expect(instance.appearance).to.deep.equal({ variables: { colorPrimary: '#000000' } });
    expect(standIn().instances.length).to.equal(instancesBefore);
    expect(await api.requests()).to.have.length(1);
  });

  it('logs the Connect session out', async () => {
    const provider = await fixture<CeConnect>(html`
      <ce-connect publishable-key="pk_test_123" endpoint=${endpoint().url}>
        <ce-balances></ce-balances>
      </ce-connect>
    `);
    const stripe = await mounted(provider.querySelector('ce-balances')!);
    await provider.logout();
    expect(stripe.connector!.logoutCalls).to.equal(1);
    expect(stripe.connector!.status).to.equal('logged-out');
  });

  it('asks the endpoint again each time Connect asks (session refresh)', async () => {
    const api = endpoint();
    const provider = await fixture<CeConnect>(html`
      <ce-connect publishable-key="pk_test_123" endpoint=${api.url}>
        <ce-documents></ce-documents>
      </ce-connect>
    `);
    const stripe = await mounted(provider.querySelector('ce-documents')!);
    await until(() => stripe.connector!.status === 'ready', 'ready');
    await stripe.connector!.expireSession();
    await stripe.connector!.expireSession();
    expect(await api.requests()).to.have.length(3);
    expect(stripe.connector!.secretsReceived).to.equal(3);
  });

  it('uses fetchClientSecret instead of the endpoint when given', async () => {
    const provider = document.createElement('ce-connect');
    let calls = 0;
    provider.publishableKey = 'pk_test_123';
    provider.fetchClientSecret = async () => `accs_secret__fn_${++calls}`;
    provider.innerHTML = '<ce-payouts-list></ce-payouts-list>';
    document.body.append(provider);
    try {
      const stripe = await mounted(provider.querySelector('ce-payouts-list')!);
      await until(() => stripe.connector!.status === 'ready', 'ready');
      expect(calls).to.equal(1);
    } finally {
      provider.remove();
    }
  });

  it('shares the instance with components inside shadow roots below it', async () => {
    const api = endpoint();
    const provider = await fixture<CeConnect>(html`
      <ce-connect publishable-key="pk_test_123" endpoint=${api.url}
        ><div id="host"></div
      ></ce-connect>
    `);
    const host = provider.querySelector('#host')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<ce-payments></ce-payments><ce-payouts></ce-payouts>';
    const [payments, payouts] = await Promise.all(
      [...root.querySelectorAll<HTMLElement>('ce-payments, ce-payouts')].map((el) => ready(el)),
    );
    expect(payments!.connector).to.equal(payouts!.connector);
    expect(await api.requests()).to.have.length(1);
  });

  it('passes on a ce-error to every component when the endpoint fails', async () => {
    const api = endpoint({ status: 500 });
    const provider = await fixture<CeConnect>(html`
      <ce-connect publishable-key="pk_test_123" endpoint=${api.url}>
        <ce-payments></ce-payments><ce-payouts></ce-payouts>
      </ce-connect>
    `);
    const events: CustomEvent[] = [];
    provider.addEventListener('ce-error', (event) => events.push(event));
    await until(() => events.length === 2, 'two ce-error events');
    expect(events.map((event) => (event.target as Element).localName)).to.deep.equal([
      'ce-payments',
      'ce-payouts',
    ]);
    expect(events[0]!.detail).to.deep.include({ code: 'endpoint_http_error', status: 500 });
  });
});
