import { expect, fixture, html } from '@open-wc/testing';
import '../../packages/core/src/define.js';
import type { CeConnect } from '../../packages/core/src/index.js';
import {
  endpoint,
  mounted,
  nextEvent,
  stripeCdn,
  stripeElementOf,
  until,
} from './support/harness.js';

type ErrorEvent = CustomEvent<{ code: string; message: string; status?: number }>;

/** A provider with one payments element whose endpoint is `url`. */
async function providerWith(url: string, attributes: Record<string, string> = {}) {
  const provider = document.createElement('ce-connect');
  provider.setAttribute('publishable-key', 'pk_test_err');
  provider.setAttribute('endpoint', url);
  for (const [name, value] of Object.entries(attributes)) provider.setAttribute(name, value);
  const payments = document.createElement('ce-payments');
  provider.append(payments);
  const failed = nextEvent<ErrorEvent>(payments, 'ce-error');
  await fixture(html`<div></div>`).then((div) => div.append(provider));
  return { provider, payments, failed };
}

/** `element`'s Stripe element once its session is ready (looked up afresh: a retry replaces it). */
const readyStripeElement = (element: HTMLElement) =>
  until(() => {
    const stripe = stripeElementOf(element);
    return stripe?.connector?.status === 'ready' ? stripe : undefined;
  }, `<${element.localName}> ready`);

/**
 * Clicks the retry button of `element`'s error panel, as a user would, once it is clear that
 * nothing starts over by itself; `requests` are the endpoint's, which recovers on its own
 * (`failures=1`). Resolves once the new Stripe element is ready and the panel gone.
 */
async function retryFromPanel(
  element: HTMLElement & { updateComplete: Promise<boolean> },
  requests?: () => Promise<unknown[]>,
) {
  await element.updateComplete;
  const retry = element.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]');
  expect(retry, 'the panel’s retry button').to.exist;
  await new Promise((resolve) => setTimeout(resolve, 100));
  if (requests) expect(await requests(), 'no request before the click').to.have.length(1);
  retry!.click();
  await readyStripeElement(element);
  await element.updateComplete;
  expect(element.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  if (requests) expect(await requests(), 'one request for the click').to.have.length(2);
}

describe('ce-error', () => {
  const cases: Array<[string, Record<string, string | number>, string, number?]> = [
    ['a 401 answer', { status: 401 }, 'endpoint_http_error', 401],
    ['a 500 answer', { status: 500 }, 'endpoint_http_error', 500],
    ['an HTML body', { body: 'html' }, 'endpoint_invalid_response'],
    ['JSON without client_secret', { body: 'no-secret' }, 'endpoint_invalid_response'],
    ['truncated JSON', { body: 'truncated' }, 'endpoint_invalid_response'],
  ];
  for (const [what, params, code, status] of cases) {
    it(`reports ${code} for ${what}; the panel's retry button then succeeds`, async () => {
      const bad = endpoint({ ...params, failures: 1 });
      const { payments, failed } = await providerWith(bad.url);
      const event = await failed;
      expect(event.detail.code).to.equal(code);
      if (status) expect(event.detail.status).to.equal(status);
      expect(event.detail.message).to.be.a('string').and.not.empty;
      await payments.updateComplete;
      const panel = payments.shadowRoot!.querySelector('[part="error"]')!;
      expect(panel.textContent).to.contain(event.detail.message);
      expect(await bad.requests()).to.have.length(1);

      await retryFromPanel(payments, bad.requests);
    });
  }

  it('reports endpoint_network_error for an unreachable host, and a new endpoint then succeeds', async () => {
    const { provider, payments, failed } = await providerWith('http://127.0.0.1:9/account-session');
    expect((await failed).detail.code).to.equal('endpoint_network_error');
    provider.endpoint = endpoint().url;
    await readyStripeElement(payments);
  });

  it('reports endpoint_timeout for an endpoint slower than timeout, and a new endpoint then succeeds', async () => {
    const slow = endpoint({ delay: 1500 });
    const { provider, payments, failed } = await providerWith(slow.url, { timeout: '100' });
    const started = performance.now();
    const event = await failed;
    expect(event.detail.code).to.equal('endpoint_timeout');
    expect(performance.now() - started).to.be.below(1200);
    const good = endpoint();
    provider.setAttribute('endpoint', good.url);
    await provider.updateComplete;
    await mounted(payments);
  });

  it('reports script_load_error when Connect.js fails to load; the panel’s retry button then succeeds', async () => {
    // A fresh page state: forget the Connect.js this page already loaded.
    const saved = window.StripeConnect;
    delete window.StripeConnect;
    await stripeCdn({ connect: 'fail' });
    try {
      const { payments, failed } = await providerWith(endpoint().url);
      expect((await failed).detail.code).to.equal('script_load_error');
      await stripeCdn({ connect: 'serve' });
      await retryFromPanel(payments);
    } finally {
      await stripeCdn({ connect: 'serve' });
      window.StripeConnect ??= saved;
    }
  });

  it('reports configuration_error for a missing publishable key, a secret key, no endpoint, bad JSON', async () => {
    const configs: Array<[Record<string, string>, RegExp]> = [
      [{ endpoint: '/x' }, /publishable-key/],
      [{ 'publishable-key': 'sk_test_abc', endpoint: '/x' }, /secret or restricted key/],
      [{ 'publishable-key': 'rk_test_abc', endpoint: '/x' }, /secret or restricted key/],
      [{ 'publishable-key': 'pk_test_abc' }, /endpoint/],
      [
        { 'publishable-key': 'pk_test_abc', endpoint: '/x', appearance: '{oops' },
        /appearance.*JSON/,
      ],
    ];
    for (const [attributes, message] of configs) {
      const provider = document.createElement('ce-connect');
      for (const [name, value] of Object.entries(attributes)) provider.setAttribute(name, value);
      provider.innerHTML = '<ce-payouts></ce-payouts>';
      const failed = nextEvent<ErrorEvent>(provider, 'ce-error');
      document.body.append(provider);
      const event = await failed;
      provider.remove();
      expect(event.detail.code).to.equal('configuration_error');
      expect(event.detail.message).to.match(message);
      expect(event.detail.message).not.to.contain('sk_test_abc');
    }
  });

  it('never passes a secret key on to Connect', async () => {
    const before = window.StripeConnect!.standIn!.instances.length;
    const { failed } = await providerWith(endpoint().url, { 'publishable-key': 'sk_test_secret' });
    expect((await failed).detail.code).to.equal('configuration_error');
    expect(window.StripeConnect!.standIn!.instances.length).to.equal(before);
  });

  it('reports configuration_error for a bad JSON attribute of a component', async () => {
    const failed = nextEvent<ErrorEvent>(document, 'ce-error');
    await fixture<CeConnect>(html`
      <ce-connect publishable-key="pk_test_err" endpoint=${endpoint().url}>
        <ce-account-onboarding collection-options="{not json"></ce-account-onboarding>
      </ce-connect>
    `);
    const event = await failed;
    expect((event.target as Element).localName).to.equal('ce-account-onboarding');
    expect(event.detail.code).to.equal('configuration_error');
    expect(event.detail.message).to.contain('collection-options');
  });

  it('reports configuration_error for a component with no provider and no key of its own', async () => {
    const element = document.createElement('ce-payouts');
    const failed = nextEvent<ErrorEvent>(element, 'ce-error');
    document.body.append(element);
    try {
      expect((await failed).detail).to.deep.include({ code: 'configuration_error' });
    } finally {
      element.remove();
    }
  });

  it('hides the panel when a listener calls preventDefault()', async () => {
    const element = document.createElement('ce-payouts');
    element.addEventListener('ce-error', (event) => event.preventDefault());
    const failed = nextEvent(element, 'ce-error');
    document.body.append(element);
    try {
      await failed;
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    } finally {
      element.remove();
    }
  });

  it('shows a slotted error message in place of the default one', async () => {
    const element = await fixture<HTMLElement>(html`
      <ce-payouts><p slot="error">Payouts are unavailable right now.</p></ce-payouts>
    `);
    await until(() => element.shadowRoot!.querySelector('[part="error"]'), 'panel');
    const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="error"]')!;
    expect(slot.assignedElements()[0]!.textContent).to.equal('Payouts are unavailable right now.');
  });

  it('has an accessible error panel with a focusable retry button', async () => {
    const { payments, failed } = await providerWith(endpoint({ status: 500 }).url);
    await failed;
    await payments.updateComplete;
    const retry = payments.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!;
    expect(retry.textContent).to.equal('Retry');
    retry.focus();
    expect(payments.shadowRoot!.activeElement).to.equal(retry);
    expect(payments.shadowRoot!.querySelector('[role="alert"]')).to.exist;
    await expect(payments).to.be.accessible();
  });

  it('reports a fetchClientSecret that throws or resolves to no string', async () => {
    const failures: Array<[() => Promise<string>, string]> = [
      [() => Promise.reject(new Error('session expired')), 'endpoint_network_error'],
      [() => Promise.resolve(42 as unknown as string), 'endpoint_invalid_response'],
    ];
    for (const [fetchClientSecret, code] of failures) {
      const provider = document.createElement('ce-connect');
      provider.publishableKey = 'pk_test_fn';
      provider.fetchClientSecret = fetchClientSecret;
      provider.innerHTML = '<ce-payouts></ce-payouts>';
      const failed = nextEvent<ErrorEvent>(provider, 'ce-error');
      document.body.append(provider);
      const event = await failed;
      provider.remove();
      expect(event.detail.code).to.equal(code);
    }
  });

  it('accepts clientSecret in camelCase from the endpoint', async () => {
    const { payments } = await providerWith(endpoint({ body: 'camel' }).url);
    const stripe = await mounted(payments);
    await until(() => stripe.connector!.status === 'ready', 'ready');
  });
});
