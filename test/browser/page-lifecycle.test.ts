/**
 * What pages that are patched, morphed, cached and hydrated do to the elements, done by hand:
 * removing the Stripe element the component created, copies of Stripe elements from snapshots
 * and clones, moves through a parking place and with `moveBefore`, markup that is on the page
 * for less than a task, providers named by id, `defer-hydration`, and reactive proxies as
 * settings. `test/node/page-lifecycles.test.ts` does the same with the real libraries.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../packages/core/src/define.js';
import type { CeConnect, CePaymentDetails, CePayments } from '../../packages/core/src/index.js';
import {
  endpoint,
  mounted,
  nextEvent,
  ready,
  standIn,
  stripeElementOf,
  until,
} from './support/harness.js';

/** Past the task in which the kit settles what a patch did. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 30));

const stripeChildren = (element: Element) =>
  [...element.children].filter((child) => child.localName.startsWith('stripe-connect-'));

/**
 * `element` holds one Stripe element, `stripe`. Compared by identity: an element in a failure
 * message would be serialized whole, with the session behind it.
 */
function expectOnly(element: Element, stripe: Element) {
  const children = stripeChildren(element);
  expect(children.length, 'Stripe elements in the component').to.equal(1);
  expect(children[0] === stripe, 'the same Stripe element as before').to.equal(true);
}

async function mountedProvider(api = endpoint()) {
  const provider = await fixture<CeConnect>(html`
    <ce-connect publishable-key="pk_test_life" endpoint=${api.url}>
      <section id="a">
        <ce-payment-details payment="pi_1"></ce-payment-details>
        <ce-payments></ce-payments>
      </section>
      <section id="b"></section>
    </ce-connect>
  `);
  const details = provider.querySelector<CePaymentDetails>('ce-payment-details')!;
  const payments = provider.querySelector<CePayments>('ce-payments')!;
  const stripe = await ready(details);
  await ready(payments);
  return { api, provider, details, payments, stripe, instances: standIn().instances.length };
}

describe('a component whose Stripe element a patch removes', () => {
  it('keeps it through removeChild, as morphdom and idiomorph remove it', async () => {
    const { api, details, stripe, instances } = await mountedProvider();
    details.removeChild(stripe);
    expect(stripe.parentElement === details, 'still in the component').to.equal(true);
    await settled();
    expectOnly(details, stripe);
    expect(await api.requests()).to.have.length(1);
    expect(standIn().instances).to.have.length(instances);
  });

  for (const [how, remove] of [
    ['remove()', (_element: Element, stripe: Element) => stripe.remove()],
    ['replaceChildren()', (element: Element) => element.replaceChildren()],
    ['innerHTML', (element: Element) => (element.innerHTML = '')],
  ] as const) {
    it(`puts the same element back after ${how}, with no request and no new Connect instance`, async () => {
      const { api, details, stripe, instances } = await mountedProvider();
      remove(details, stripe);
      await until(() => stripeElementOf(details) === stripe, 'the Stripe element back');
      await settled();
      expectOnly(details, stripe);
      expect(stripe.connector!.status).to.equal('ready');
      expect(await api.requests()).to.have.length(1);
      expect(standIn().instances).to.have.length(instances);
    });
  }

  it('passes attribute changes the patch carried on to Stripe', async () => {
    const { details, stripe } = await mountedProvider();
    stripe.remove();
    details.setAttribute('payment', 'pi_2');
    await until(() => stripe.settings['setPayment'] === 'pi_2', 'setPayment("pi_2")');
    expectOnly(details, stripe);
  });

  it('keeps aria-busy while it loads, when a patch takes the attribute away', async () => {
    const provider = await fixture<CeConnect>(html`
      <ce-connect publishable-key="pk_test_life" endpoint=${endpoint().url}></ce-connect>
    `);
    const payouts = document.createElement('ce-payouts');
    provider.append(payouts);
    payouts.removeAttribute('aria-busy'); // as a morph to the server's markup does
    await Promise.resolve();
    expect(payouts.getAttribute('aria-busy')).to.equal('true');
    await mounted(payouts);
    expect(payouts.hasAttribute('aria-busy')).to.equal(false);
  });
});

describe('Stripe elements a component did not create', () => {
  it('are removed from a cloned section, which gets its own', async () => {
    const { provider } = await mountedProvider();
    const copy = provider.cloneNode(true) as CeConnect;
    expect(stripeChildren(copy.querySelector('ce-payments')!)).to.have.length(1);
    provider.after(copy);
    try {
      for (const element of [
        ...copy.querySelectorAll<HTMLElement>('ce-payments, ce-payment-details'),
      ]) {
        await ready(element);
        expect(stripeChildren(element)).to.have.length(1);
      }
      for (const element of [...provider.querySelectorAll('ce-payments, ce-payment-details')]) {
        expect(stripeChildren(element)).to.have.length(1);
      }
    } finally {
      copy.remove();
    }
  });

  it('are removed when a patch brings one in beside the live one', async () => {
    const { payments } = await mountedProvider();
    const live = stripeElementOf(payments)!;
    payments.insertAdjacentHTML('beforeend', '<stripe-connect-payments></stripe-connect-payments>');
    await until(() => stripeChildren(payments).length === 1, 'one Stripe element');
    expectOnly(payments, live);
  });
});

describe('moves', () => {
  it('keep the Stripe element when passing outside the provider within one task', async () => {
    const { api, provider, details, stripe, instances } = await mountedProvider();
    const parking = document.createElement('div');
    document.body.append(parking);
    parking.append(details); // a morph library parks nodes outside the tree it patches
    provider.querySelector('#b')!.append(details);
    parking.remove();
    await settled();
    expectOnly(details, stripe);
    expect(stripe.connector!.status).to.equal('ready');
    expect(await api.requests()).to.have.length(1);
    expect(standIn().instances).to.have.length(instances);
  });

  it('keep the Stripe element with moveBefore, through connectedMoveCallback', async function () {
    const { api, provider, details, stripe, instances } = await mountedProvider();
    const target = provider.querySelector('#b') as Element & {
      moveBefore?: (node: Node, child: Node | null) => void;
    };
    if (!target.moveBefore) this.skip();
    const outside = document.createElement('div');
    document.body.append(outside);
    (outside as typeof target).moveBefore!(details, null);
    target.moveBefore!(details, null);
    outside.remove();
    await settled();
    expect(details.parentElement === target, 'moved').to.equal(true);
    expectOnly(details, stripe);
    expect(await api.requests()).to.have.length(1);
    expect(standIn().instances).to.have.length(instances);
  });

  it('to another provider for good use that provider’s session', async () => {
    const { details } = await mountedProvider();
    const other = endpoint();
    const second = await fixture<CeConnect>(html`
      <ce-connect publishable-key="pk_test_other" endpoint=${other.url}></ce-connect>
    `);
    second.append(details);
    await until(
      () => stripeElementOf(details)?.connector?.publishableKey === 'pk_test_other',
      'the other provider',
    );
    expect(await other.requests()).to.have.length(1);
  });
});

describe('markup on the page for less than a task', () => {
  it('makes no request', async () => {
    const api = endpoint();
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const placeholder = document.createElement('ce-connect');
    placeholder.setAttribute('publishable-key', 'pk_test_placeholder');
    placeholder.setAttribute('endpoint', api.url);
    placeholder.innerHTML = '<ce-payments></ce-payments><ce-payouts></ce-payouts>';
    container.append(placeholder);
    await Promise.resolve(); // microtasks run, the task does not end
    await Promise.resolve();
    placeholder.remove();
    await settled();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await api.requests()).to.have.length(0);
  });
});

describe('a provider named by id', () => {
  it('serves a component outside it, as a portal or a modal places it', async () => {
    const api = endpoint();
    const page = await fixture<HTMLElement>(html`
      <div>
        <ce-connect id="dash" publishable-key="pk_test_named" endpoint=${api.url}>
          <ce-payments></ce-payments>
        </ce-connect>
        <dialog open>
          <ce-payment-details provider="dash" payment="pi_9"></ce-payment-details>
        </dialog>
      </div>
    `);
    const stripe = await ready(page.querySelector('ce-payment-details')!);
    const inside = await ready(page.querySelector('ce-payments')!);
    expect(stripe.connector === inside.connector, 'one Connect instance').to.equal(true);
    const [request, ...others] = await api.requests();
    expect(others).to.have.length(0);
    expect(request!.body).to.deep.equal({ components: ['payments', 'payment_details'] });
  });

  it('serves a component rendered before the provider within the task', async () => {
    const api = endpoint();
    const container = await fixture<HTMLElement>(html`<div></div>`);
    container.innerHTML = '<ce-payouts provider="late"></ce-payouts>';
    const provider = document.createElement('ce-connect');
    Object.assign(provider, { id: 'late', publishableKey: 'pk_test_late', endpoint: api.url });
    container.append(provider);
    await ready(container.querySelector('ce-payouts')!);
    expect(await api.requests()).to.have.length(1);
  });

  it('that is missing is a configuration_error naming the id', async () => {
    const failed = nextEvent<CustomEvent>(document, 'ce-error');
    await fixture(html`<ce-payouts provider="nowhere"></ce-payouts>`);
    const { detail } = await failed;
    expect(detail.code).to.equal('configuration_error');
    expect(detail.message).to.contain('nowhere');
  });

  it('is looked up again when the attribute changes', async () => {
    const first = endpoint();
    const second = endpoint();
    const page = await fixture<HTMLElement>(html`
      <div>
        <ce-connect id="one" publishable-key="pk_test_one" endpoint=${first.url}></ce-connect>
        <ce-connect id="two" publishable-key="pk_test_two" endpoint=${second.url}></ce-connect>
        <ce-payouts provider="one"></ce-payouts>
      </div>
    `);
    const payouts = page.querySelector('ce-payouts')!;
    await until(() => stripeElementOf(payouts)?.connector?.publishableKey === 'pk_test_one', 'one');
    payouts.setAttribute('provider', 'two');
    await until(() => stripeElementOf(payouts)?.connector?.publishableKey === 'pk_test_two', 'two');
    expect(stripeChildren(payouts)).to.have.length(1);
  });
});

describe('defer-hydration', () => {
  it('holds the elements back until a hydrating framework removes it', async () => {
    const api = endpoint();
    // Not `fixture`, which waits for an update that a held-back element does not make.
    const container = await fixture<HTMLElement>(html`<div></div>`);
    container.innerHTML = `<ce-connect defer-hydration publishable-key="pk_test_hydrate" endpoint="${api.url}">
      <ce-payments defer-hydration></ce-payments></ce-connect>`;
    const provider = container.querySelector('ce-connect')!;
    const payments = provider.querySelector('ce-payments')!;
    await settled();
    expect(payments.children).to.have.length(0);
    expect(payments.hasAttribute('aria-busy')).to.equal(false);
    expect(await api.requests()).to.have.length(0);
    payments.removeAttribute('defer-hydration');
    provider.removeAttribute('defer-hydration');
    await ready(payments);
    expect(await api.requests()).to.have.length(1);
  });
});

describe('reactive proxies as settings', () => {
  /** A proxy like Svelte 5's `$state` or Vue's `reactive`: `structuredClone` refuses it. */
  const reactive = <T extends object>(target: T): T =>
    new Proxy(target, {
      get: (object, key, receiver) => {
        const value = Reflect.get(object, key, receiver) as unknown;
        return typeof value === 'object' && value !== null ? reactive(value) : value;
      },
    });

  it('reach Stripe as plain, cloneable objects', async () => {
    const appearance = reactive({ variables: { colorPrimary: '#0a2540' } });
    expect(() => structuredClone(appearance)).to.throw();
    const provider = await fixture<CeConnect>(html`
      <ce-connect
        publishable-key="pk_test_proxy"
        endpoint=${endpoint().url}
        .appearance=${appearance}
      >
        <ce-payments
          .defaultFilters=${reactive({ status: ['successful'] as 'successful'[] })}
        ></ce-payments>
      </ce-connect>
    `);
    const stripe = await ready(provider.querySelector('ce-payments')!);
    expect(stripe.connector!.appearance).to.deep.equal({ variables: { colorPrimary: '#0a2540' } });
    expect(stripe.settings['setDefaultFilters']).to.deep.equal({ status: ['successful'] });
    provider.appearance = reactive({ variables: { colorPrimary: '#ff5996' } });
    await until(() => stripe.connector!.updates.length === 1, 'update()');
    expect(stripe.connector!.updates[0]).to.deep.equal({
      appearance: { variables: { colorPrimary: '#ff5996' } },
      locale: undefined,
    });
  });
});
