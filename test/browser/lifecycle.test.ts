import { expect, fixture, html } from '@open-wc/testing';
import { connectElementTagNames } from '../../packages/core/src/stripe-internals.js';
import '../../packages/core/src/define.js';
import type { CeConnect } from '../../packages/core/src/index.js';
import { endpoint, mounted, nextEvent, ready, until } from './support/harness.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('component elements', () => {
  it('make one endpoint request for every component under one provider', async () => {
    const api = endpoint();
    const provider = document.createElement('ce-connect');
    provider.setAttribute('publishable-key', 'pk_test_all');
    provider.setAttribute('endpoint', api.url);
    provider.innerHTML = connectElementTagNames.map((name) => `<ce-${name}></ce-${name}>`).join('');
    (await fixture(html`<div></div>`)).append(provider);
    const stripes = await Promise.all([...provider.children].map((el) => ready(el as HTMLElement)));
    expect(stripes).to.have.length(connectElementTagNames.length);
    expect(new Set(stripes.map((stripe) => stripe.connector)).size).to.equal(1);
    const requests = await api.requests();
    expect(requests).to.have.length(1);
    expect((requests[0]!.body as { components: string[] }).components).to.deep.equal(
      connectElementTagNames.map((name) => name.replace(/-/g, '_')),
    );
  });

  it('work standalone with their own publishable-key and endpoint', async () => {
    const api = endpoint();
    const element = await fixture<HTMLElement>(html`
      <ce-payments publishable-key="pk_test_solo" endpoint=${api.url}></ce-payments>
    `);
    const stripe = await mounted(element);
    await until(() => stripe.connector!.status === 'ready', 'ready');
    expect(stripe.connector!.publishableKey).to.equal('pk_test_solo');
    expect((await api.requests())[0]!.body).to.deep.equal({ components: ['payments'] });
  });

  it('keep their Stripe element and make no new request when moved within the same task', async () => {
    const api = endpoint();
    const provider = await fixture<CeConnect>(html`
      <ce-connect publishable-key="pk_test_move" endpoint=${api.url}>
        <section id="a"><ce-payouts></ce-payouts></section>
        <section id="b"></section>
      </ce-connect>
    `);
    const payouts = provider.querySelector('ce-payouts')!;
    const stripe = await ready(payouts);
    provider.querySelector('#b')!.append(payouts); // removed and re-added, as HTMX swaps do
    await tick();
    expect(payouts.parentElement!.id).to.equal('b');
    expect(payouts.querySelector('stripe-connect-payouts')).to.equal(stripe);
    expect(await api.requests()).to.have.length(1);
  });

  it('abort the request in flight quietly when removed', async () => {
    const api = endpoint({ delay: 300 });
    const errors: Event[] = [];
    document.addEventListener('ce-error', (event) => errors.push(event));
    const provider = await fixture<CeConnect>(html`
      <ce-connect publishable-key="pk_test_gone" endpoint=${api.url}
        ><ce-payments></ce-payments
      ></ce-connect>
    `);
    await tick();
    provider.remove();
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(errors).to.have.length(0);
    expect(await api.requests()).to.have.length(1);
  });

  it('drop their Stripe element when removed for good', async () => {
    const provider = await fixture<CeConnect>(html`
      <ce-connect publishable-key="pk_test_rm" endpoint=${endpoint().url}
        ><ce-payments></ce-payments
      ></ce-connect>
    `);
    const payments = provider.querySelector('ce-payments')!;
    await mounted(payments);
    payments.remove();
    await tick();
    expect(payments.querySelector('stripe-connect-payments')).to.equal(null);
  });

  it('move to another provider and use its instance', async () => {
    const first = endpoint();
    const second = endpoint();
    const container = await fixture<HTMLElement>(html`
      <div>
        <ce-connect id="one" publishable-key="pk_test_one" endpoint=${first.url}
          ><ce-payouts></ce-payouts
        ></ce-connect>
        <ce-connect id="two" publishable-key="pk_test_two" endpoint=${second.url}></ce-connect>
      </div>
    `);
    const payouts = container.querySelector('ce-payouts')!;
    await mounted(payouts);
    container.querySelector('#two')!.append(payouts);
    const stripe = await until(() => {
      const candidate = payouts.querySelector<
        HTMLElement & { connector?: { publishableKey: string } }
      >('stripe-connect-payouts');
      const connector = candidate?.connector as
        { publishableKey: string; status?: string } | undefined;
      return connector?.publishableKey === 'pk_test_two' && connector.status === 'ready'
        ? candidate
        : undefined;
    }, 'the second provider’s element, ready');
    expect(stripe).to.exist;
    expect(await second.requests()).to.have.length(1);
  });

  it('find a provider that is defined after them, and make no request before', async () => {
    // A frame is a registry of its own where <ce-connect> can be defined after its components
    // (this page's registry has every element already).
    const api = endpoint();
    const frame = document.createElement('iframe');
    frame.srcdoc = `<ce-connect publishable-key="pk_test_late" endpoint="${api.url}"><ce-balances></ce-balances></ce-connect>`;
    const loaded = new Promise((resolve) =>
      frame.addEventListener('load', resolve, { once: true }),
    );
    document.body.append(frame);
    try {
      await loaded;
      const frameWindow = frame.contentWindow! as Window & typeof globalThis;
      const load = (module: string) =>
        new frameWindow.Function(`return import('/packages/core/src/define/${module}.ts')`)();
      await load('ce-balances');
      const balances = frameWindow.document.querySelector('ce-balances')!;
      const failed: Event[] = [];
      balances.addEventListener('ce-error', (event) => failed.push(event));
      expect(frameWindow.customElements.get('ce-connect')).to.equal(undefined);
      // Past the component's second look (a task later): it waits, and says nothing is missing.
      await tick();
      await tick();
      expect(await api.requests()).to.have.length(0);
      expect(failed).to.deep.equal([]);

      await load('ce-connect');
      const stripe = await mounted(balances as HTMLElement);
      await until(() => stripe.connector?.status === 'ready', 'the session to be ready');
      expect(stripe.connector!.publishableKey).to.equal('pk_test_late');
      expect(await api.requests()).to.have.length(1);
      expect(failed).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('build fetchEphemeralKey from ephemeral-key-endpoint on the issuing elements', async () => {
    const keys = endpoint({ body: 'ephemeral-key' });
    const provider = await fixture<CeConnect>(html`
      <ce-connect publishable-key="pk_test_iss" endpoint=${endpoint().url}>
        <ce-issuing-card default-card="ic_123" ephemeral-key-endpoint=${keys.url}></ce-issuing-card>
      </ce-connect>
    `);
    const card = provider.querySelector('ce-issuing-card')!;
    const stripe = await mounted(card);
    expect(stripe.settings['setFetchEphemeralKey']).to.be.a('function');
    await until(() => stripe.shadowRoot!.textContent!.includes('received'), 'ephemeral key');
    const [request] = await keys.requests();
    expect(request!.method).to.equal('POST');
    expect(request!.body).to.have.property('issuingCard', 'ic_123');
    expect(request!.body).to.have.property('nonce').that.is.a('string');
  });

  it('report a failing ephemeral-key-endpoint as ce-error', async () => {
    const keys = endpoint({ status: 403 });
    const failed = nextEvent<CustomEvent>(document, 'ce-error');
    await fixture<CeConnect>(html`
      <ce-connect publishable-key="pk_test_iss" endpoint=${endpoint().url}>
        <ce-issuing-cards-list ephemeral-key-endpoint=${keys.url}></ce-issuing-cards-list>
      </ce-connect>
    `);
    expect((await failed).detail).to.deep.include({ code: 'endpoint_http_error', status: 403 });
  });

  it('pass ISO dates of a default-filters attribute on as Dates', async () => {
    const provider = await fixture<CeConnect>(html`
      <ce-connect publishable-key="pk_test_dates" endpoint=${endpoint().url}>
        <ce-payments
          default-filters='{"status":["successful"],"date":{"between":{"start":"2026-01-01T00:00:00Z","end":"2026-02-01T00:00:00Z"}}}'
        ></ce-payments>
      </ce-connect>
    `);
    const stripe = await mounted(provider.querySelector('ce-payments')!);
    const filters = stripe.settings['setDefaultFilters'] as {
      status: string[];
      date: { between: { start: Date; end: Date } };
    };
    expect(filters.status).to.deep.equal(['successful']);
    expect(filters.date.between.start).to.be.instanceOf(Date);
    expect(filters.date.between.end.toISOString()).to.equal('2026-02-01T00:00:00.000Z');
  });

  it('are marked aria-busy until their Stripe element is in place', async () => {
    const provider = await fixture<CeConnect>(html`
      <ce-connect publishable-key="pk_test_busy" endpoint=${endpoint().url}></ce-connect>
    `);
    const element = document.createElement('ce-payouts');
    provider.append(element);
    expect(element.getAttribute('aria-busy')).to.equal('true');
    await mounted(element);
    expect(element.hasAttribute('aria-busy')).to.equal(false);
  });

  it('retry() of the provider starts every component over with one new request', async () => {
    const api = endpoint();
    const provider = await fixture<CeConnect>(html`
      <ce-connect publishable-key="pk_test_retry" endpoint=${api.url}>
        <ce-payments></ce-payments><ce-payouts></ce-payouts>
      </ce-connect>
    `);
    const before = await mounted(provider.querySelector('ce-payments')!);
    await until(() => before.connector!.status === 'ready', 'ready');
    provider.retry();
    const after = await until(() => {
      const stripe = provider
        .querySelector('ce-payments')!
        .querySelector<typeof before>('stripe-connect-payments');
      return stripe && stripe !== before && stripe.connector ? stripe : undefined;
    }, 'a new Stripe element');
    expect(after.connector).not.to.equal(before.connector);
    await until(() => after.connector!.status === 'ready', 'ready');
    expect(await api.requests()).to.have.length(2);
  });
});
