import { expect } from '@open-wc/testing';
import { createApp, nextTick, reactive, ref, type App } from 'vue';
import { ConnectElements, isCustomElement } from '@connect-elements/vue';
import type { ConnectComponentEvent } from '@connect-elements/core';
import { endpoint, mounted, ready, until } from './support/harness.js';

/** A Vue 3 app in the page (the browser build, compiling its template at run time). */
let app: App | undefined;

function mount(template: string, setup: () => object): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  app = createApp({ template, setup });
  app.config.compilerOptions.isCustomElement = isCustomElement;
  app.use(ConnectElements);
  app.mount(container);
  return container;
}

afterEach(() => {
  const container = app?._container as HTMLElement | undefined;
  app?.unmount();
  container?.remove();
  app = undefined;
});

describe('@connect-elements/vue', () => {
  it('binds objects as properties that reach the Stripe element, and updates them', async () => {
    const api = endpoint();
    const filters = ref<{ status: string[] }>({ status: ['successful'] });
    const page = mount(
      `<ce-connect publishable-key="pk_test_vue" :endpoint="url">
         <ce-payments :default-filters="filters"></ce-payments>
         <ce-account-onboarding
           :collection-options="{ fields: 'eventually_due' }"
           skip-terms-of-service-collection
         ></ce-account-onboarding>
       </ce-connect>`,
      () => ({ url: api.url, filters }),
    );
    const stripe = await mounted(page.querySelector('ce-payments')!);
    expect(stripe.settings['setDefaultFilters']).to.deep.equal({ status: ['successful'] });
    expect(page.querySelector('ce-payments')!.hasAttribute('default-filters')).to.equal(false);
    const onboarding = await mounted(page.querySelector('ce-account-onboarding')!);
    expect(onboarding.settings['setCollectionOptions']).to.deep.equal({ fields: 'eventually_due' });
    expect(onboarding.settings['setSkipTermsOfServiceCollection']).to.equal(true);

    filters.value = { status: ['refunded'] };
    await until(() => stripe.setterCalls['setDefaultFilters'] === 2, 'second setDefaultFilters');
    expect(stripe.settings['setDefaultFilters']).to.deep.equal({ status: ['refunded'] });
    expect(await api.requests()).to.have.length(1);
  });

  it('delivers ce-* events to @ce-… listeners', async () => {
    const api = endpoint();
    const exits: Event[] = [];
    const steps: string[] = [];
    const page = mount(
      `<ce-connect publishable-key="pk_test_vue" :endpoint="url">
         <ce-account-onboarding @ce-exit="onExit" @ce-step-change="onStepChange"></ce-account-onboarding>
       </ce-connect>`,
      () => ({
        url: api.url,
        onExit: (event: Event) => exits.push(event),
        onStepChange: (event: ConnectComponentEvent<{ step: string }>) =>
          steps.push(event.detail.step),
      }),
    );
    const stripe = await mounted(page.querySelector('ce-account-onboarding')!);
    stripe.fire('setOnExit');
    stripe.fire('setOnStepChange', { step: 'representative' });
    expect(exits.map((event) => event.type)).to.deep.equal(['ce-exit']);
    expect(steps).to.deep.equal(['representative']);
  });

  it('removes the Stripe element on v-if false and makes a new one on v-if true', async () => {
    const api = endpoint();
    const shown = ref(true);
    const page = mount(
      `<ce-connect publishable-key="pk_test_vue" :endpoint="url">
         <ce-balances></ce-balances>
         <ce-payments v-if="shown"></ce-payments>
       </ce-connect>`,
      () => ({ url: api.url, shown }),
    );
    const first = await ready(page.querySelector('ce-payments')!);
    shown.value = false;
    await nextTick();
    expect(page.querySelector('ce-payments')).to.equal(null);
    await until(() => first.parentElement === null, 'the Stripe element removed');

    shown.value = true;
    await nextTick();
    const second = await mounted(page.querySelector('ce-payments')!);
    expect(second).not.to.equal(first);
    expect(second.localName).to.equal('stripe-connect-payments');
    // The provider's session lives on (the balances element kept it): no second request.
    expect(await api.requests()).to.have.length(1);
  });

  it('<CePaymentDetails> teleported out of <CeConnect> uses its session, with no id written', async () => {
    const api = endpoint();
    const page = mount(
      `<CeConnect publishable-key="pk_test_vue" :endpoint="url">
         <CePayments />
         <Teleport to="body"><div class="modal"><CePaymentDetails payment="pi_teleported" /></div></Teleport>
       </CeConnect>`,
      () => ({ url: api.url }),
    );
    const details = document.querySelector<HTMLElement>('.modal ce-payment-details')!;
    expect(details.closest('ce-connect'), 'outside the provider in the DOM').to.equal(null);
    const teleported = await ready(details);
    const inside = await ready(page.querySelector('ce-payments')!);
    expect(teleported.connector === inside.connector, 'one Connect instance').to.equal(true);
    expect(teleported.settings['setPayment']).to.equal('pi_teleported');
    const [request, ...others] = await api.requests();
    expect(others).to.have.length(0);
    expect(request!.body).to.deep.equal({ components: ['payments', 'payment_details'] });
  });

  it('passes a nested change of a reactive() object on to Connect', async () => {
    const api = endpoint();
    const appearance = reactive({ variables: { colorPrimary: '#0a2540' } });
    const page = mount(
      `<CeConnect publishable-key="pk_test_vue" :endpoint="url" :appearance="appearance">
         <CePayments />
       </CeConnect>`,
      () => ({ url: api.url, appearance }),
    );
    const stripe = await ready(page.querySelector('ce-payments')!);
    expect(stripe.connector!.appearance).to.deep.equal({ variables: { colorPrimary: '#0a2540' } });
    appearance.variables.colorPrimary = '#ff5996';
    await until(() => stripe.connector!.updates.length === 1, 'update()');
    expect(stripe.connector!.updates[0]).to.deep.include({
      appearance: { variables: { colorPrimary: '#ff5996' } },
    });
  });
});
