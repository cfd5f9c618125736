/**
 * The Connect options Stripe offers beyond the basics: `displayOptions` at init and through
 * `update`, `fonts` (which Connect cannot update: a change starts a new instance), and `logout()`
 * on a standalone component element. A standalone element configures its own session as
 * `<ce-connect>` does.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../packages/core/src/define.js';
import type { CeConnect, ConnectComponentElement } from '../../packages/core/src/index.js';
import { endpoint, mounted, nextEvent, ready, standIn, until } from './support/harness.js';

const FONT = { cssSrc: 'https://fonts.example.com/inter.css' };

describe('Connect options', () => {
  it('passes display-options to Connect at init, and a change through update()', async () => {
    const api = endpoint();
    const provider = await fixture<CeConnect>(html`
      <ce-connect
        publishable-key="pk_test_display"
        endpoint=${api.url}
        display-options='{"showObjectIds":true}'
      >
        <ce-payments></ce-payments>
      </ce-connect>
    `);
    const stripe = await ready(provider.querySelector('ce-payments')!);
    const instance = stripe.connector!;
    expect(instance.displayOptions).to.deep.equal({ showObjectIds: true });
    const instances = standIn().instances.length;

    provider.displayOptions = { showObjectIds: false };
    await provider.updateComplete;
    await until(() => instance.updates.length === 1, 'update');
    expect(instance.updates[0]).to.deep.include({ displayOptions: { showObjectIds: false } });
    expect(instance.displayOptions).to.deep.equal({ showObjectIds: false });
    expect(standIn().instances.length, 'no new instance').to.equal(instances);

    provider.removeAttribute('display-options');
    provider.displayOptions = undefined;
    await provider.updateComplete;
    await until(() => instance.updates.length === 2, 'the reset');
    expect(instance.updates[1]).to.have.property('displayOptions', undefined);
    expect(await api.requests()).to.have.length(1);
  });

  it('leaves displayOptions out of update() while the page never set it', async () => {
    const provider = await fixture<CeConnect>(html`
      <ce-connect publishable-key="pk_test_display" endpoint=${endpoint().url}>
        <ce-payouts-list></ce-payouts-list>
      </ce-connect>
    `);
    const instance = (await ready(provider.querySelector('ce-payouts-list')!)).connector!;
    provider.locale = 'es';
    await provider.updateComplete;
    await until(() => instance.updates.length === 1, 'update');
    expect(instance.updates[0]).to.deep.equal({ appearance: undefined, locale: 'es' });
    expect(instance.updates[0]).to.not.have.property('displayOptions');
  });

  it('reports an unreadable display-options as configuration_error, and starts once corrected', async () => {
    const api = endpoint();
    const provider = document.createElement('ce-connect');
    provider.setAttribute('publishable-key', 'pk_test_display');
    provider.setAttribute('endpoint', api.url);
    provider.setAttribute('display-options', '{"showObjectIds":');
    provider.innerHTML = '<ce-balances></ce-balances>';
    const balances = provider.querySelector('ce-balances')!;
    const failed = nextEvent<CustomEvent>(balances, 'ce-error');
    (await fixture(html`<div></div>`)).append(provider);
    expect((await failed).detail).to.deep.include({
      code: 'configuration_error',
      message: 'The display-options attribute is not valid JSON.',
    });
    expect(await api.requests()).to.have.length(0);

    provider.setAttribute('display-options', '{"showObjectIds":true}');
    const stripe = await ready(balances);
    expect(stripe.connector!.displayOptions).to.deep.equal({ showObjectIds: true });
  });

  it('starts a new Connect instance with the new fonts when fonts change', async () => {
    const api = endpoint();
    const provider = document.createElement('ce-connect');
    provider.publishableKey = 'pk_test_fonts';
    provider.endpoint = api.url;
    provider.fonts = [FONT];
    provider.innerHTML = '<ce-payouts></ce-payouts>';
    (await fixture(html`<div></div>`)).append(provider);
    const payouts = provider.querySelector('ce-payouts')!;
    const first = await ready(payouts);
    expect(first.connector!.fonts).to.deep.equal([FONT]);

    const other = { family: 'Inter', src: 'url(https://fonts.example.com/inter.woff2)' };
    provider.fonts = [other];
    await provider.updateComplete;
    const second = await until(() => {
      const stripe = payouts.querySelector<HTMLElement>('stripe-connect-payouts');
      return stripe && stripe !== first ? (stripe as typeof first) : undefined;
    }, 'a new Stripe element');
    await until(() => second.connector?.status === 'ready', 'the new session');
    expect(second.connector).to.not.equal(first.connector);
    expect(second.connector!.fonts).to.deep.equal([other]);
    expect(first.connector!.updates, 'fonts never go through update()').to.have.length(0);
    expect(await api.requests()).to.have.length(2);
  });

  it('logout() of a standalone component element logs its own session out', async () => {
    const element = await fixture<ConnectComponentElement>(html`
      <ce-documents publishable-key="pk_test_solo" endpoint=${endpoint().url}></ce-documents>
    `);
    const stripe = await ready(element);
    await element.logout();
    expect(stripe.connector!.logoutCalls).to.equal(1);
    expect(stripe.connector!.status).to.equal('logged-out');
  });

  it('logout() of a component element inside a provider logs the shared session out', async () => {
    const provider = await fixture<CeConnect>(html`
      <ce-connect publishable-key="pk_test_shared" endpoint=${endpoint().url}>
        <ce-payments></ce-payments><ce-payouts></ce-payouts>
      </ce-connect>
    `);
    const payments = provider.querySelector<ConnectComponentElement>('ce-payments')!;
    const stripe = await ready(payments);
    await payments.logout();
    expect(stripe.connector!.logoutCalls).to.equal(1);
    const payouts = await mounted(provider.querySelector('ce-payouts')!);
    expect(payouts.connector!.status).to.equal('logged-out');
  });

  it('logout() before a session exists resolves quietly', async () => {
    const element = document.createElement('ce-payouts') as ConnectComponentElement;
    await element.logout();
  });

  it('a standalone element updates its own instance for appearance, display-options and locale', async () => {
    const api = endpoint();
    const element = await fixture<ConnectComponentElement>(html`
      <ce-payments publishable-key="pk_test_solo" endpoint=${api.url} locale="en-US"></ce-payments>
    `);
    const stripe = await ready(element);
    const instance = stripe.connector!;
    element.locale = 'de-DE';
    element.setAttribute('appearance', '{"variables":{"colorPrimary":"#0a2540"}}');
    element.setAttribute('display-options', '{"showObjectIds":true}');
    await element.updateComplete;
    await until(() => instance.updates.length === 1, 'one update');
    expect(instance.updates[0]).to.deep.equal({
      appearance: { variables: { colorPrimary: '#0a2540' } },
      displayOptions: { showObjectIds: true },
      locale: 'de-DE',
    });
    expect(await api.requests()).to.have.length(1);
  });

  it('a standalone element starts over when its key, endpoint or fonts change', async () => {
    const first = endpoint();
    const element = await fixture<ConnectComponentElement>(html`
      <ce-balances publishable-key="pk_test_one" endpoint=${first.url}></ce-balances>
    `);
    let current = await ready(element);
    /** The next ready Stripe element after a change: a new one, on a new instance. */
    const startedOver = async () => {
      await element.updateComplete;
      const before = current;
      current = await until(() => {
        const stripe = element.querySelector('stripe-connect-balances') as typeof before | null;
        return stripe && stripe !== before && stripe.connector?.status === 'ready' ? stripe : null;
      }, 'a new session');
      expect(current.connector).to.not.equal(before.connector);
      return current.connector!;
    };

    element.publishableKey = 'pk_test_two';
    expect((await startedOver()).publishableKey).to.equal('pk_test_two');

    const second = endpoint();
    element.endpoint = second.url;
    await startedOver();
    expect(await second.requests()).to.have.length(1);

    element.fonts = [FONT];
    expect((await startedOver()).fonts).to.deep.equal([FONT]);
    expect(await first.requests()).to.have.length(2);
  });
});
