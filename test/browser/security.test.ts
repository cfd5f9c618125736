/**
 * The kit's defences in the browser (issue 12): no endpoint redirect is followed, no message holds
 * a secret whatever text it came from, `timeout` stays within what `setTimeout` can wait, an
 * endpoint answer is read only up to 64 KiB, and Stripe's scripts load through the kit's Trusted
 * Types policy.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../packages/core/src/define.js';
import {
  ConnectElementsError,
  STRIPE_JS_URL,
  TRUSTED_TYPES_POLICY,
  type CeConnect,
  type CeFinancialConnections,
  type ConnectElementsErrorDetail,
} from '../../packages/core/src/index.js';
import { trustedScriptUrl } from '../../packages/core/src/trusted-types.js';
import { endpoint, mounted, nextEvent, ready, until } from './support/harness.js';

type ErrorEvent = CustomEvent<ConnectElementsErrorDetail>;

const CSRF = { 'X-CSRF-Token': 'csrf-token-of-the-page' };

/** A provider with one payments element, asking `url` with the page's CSRF header. */
async function providerWith(url: string, attributes: Record<string, string> = {}) {
  const provider = document.createElement('ce-connect');
  provider.setAttribute('publishable-key', 'pk_test_security');
  provider.setAttribute('endpoint', url);
  for (const [name, value] of Object.entries(attributes)) provider.setAttribute(name, value);
  provider.headers = CSRF;
  const payments = document.createElement('ce-payments');
  provider.append(payments);
  const failed = nextEvent<ErrorEvent>(payments, 'ce-error');
  (await fixture(html`<div></div>`)).append(provider);
  return { provider, payments, failed };
}

async function financialConnections(attributes: Record<string, string>) {
  const element = document.createElement('ce-financial-connections');
  element.setAttribute('publishable-key', 'pk_test_security');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.headers = CSRF;
  (await fixture(html`<div></div>`)).append(element);
  await element.updateComplete;
  return element as CeFinancialConnections;
}

/** The text a failed element shows in its error panel. */
const panelText = async (element: HTMLElement & { updateComplete: Promise<unknown> }) => {
  await element.updateComplete;
  return element.shadowRoot!.querySelector('[part="error"]')?.textContent ?? '';
};

/** A redirect target on another origin of the same test server (localhost ↔ 127.0.0.1). */
function otherOrigin(): string {
  const host = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return `${location.protocol}//${host}:${location.port}`;
}

/** An endpoint answering `status` with a `Location` to a bucket of its own, and that bucket. */
function redirecting(status: number, crossOrigin: boolean, params: Record<string, string> = {}) {
  const target = endpoint(params);
  const location = crossOrigin ? `${otherOrigin()}${target.url}` : target.url;
  return { from: endpoint({ status, location, ...params }), target };
}

const SECRETS = /_secret_|(sk|rk)_(test|live)_|%22sk|Bearer%20s/;

describe('security: endpoint redirects are never followed', () => {
  for (const status of [301, 302, 303, 307, 308]) {
    for (const crossOrigin of [false, true]) {
      it(`a ${status} to ${crossOrigin ? 'another origin' : 'another path'} is an endpoint_http_error, and nothing reaches the target`, async () => {
        const { from, target } = redirecting(status, crossOrigin);
        const { payments, failed } = await providerWith(from.url);
        const { detail } = await failed;
        expect(detail.code).to.equal('endpoint_http_error');
        expect(detail.message)
          .to.match(/redirected/)
          .and.match(/signed-out session/);
        expect(await panelText(payments)).to.contain(detail.message);
        const [asked] = await from.requests();
        expect(asked!.headers['x-csrf-token']).to.equal(CSRF['X-CSRF-Token']);
        expect(await target.requests(), 'requests that reached the redirect target').to.deep.equal(
          [],
        );
      });
    }
  }

  it('<ce-financial-connections> does not follow its endpoint’s redirect', async () => {
    const { from, target } = redirecting(307, true, { body: 'fc-session' });
    const element = await financialConnections({ endpoint: from.url });
    const result = await element.launch();
    expect(result.status).to.equal('error');
    const error = (result as { error: ConnectElementsErrorDetail }).error;
    expect(error.code).to.equal('endpoint_http_error');
    expect(error.message).to.match(/redirected/);
    expect(await from.requests()).to.have.length(1);
    expect(await target.requests()).to.deep.equal([]);
  });

  it('an ephemeral-key-endpoint that redirects is a ce-error, and nothing reaches the target', async () => {
    const { from, target } = redirecting(302, false, { body: 'ephemeral-key' });
    const failed = nextEvent<ErrorEvent>(document, 'ce-error');
    const provider = await fixture<CeConnect>(html`
      <ce-connect publishable-key="pk_test_security" endpoint=${endpoint().url}>
        <ce-issuing-card default-card="ic_123" ephemeral-key-endpoint=${from.url}></ce-issuing-card>
      </ce-connect>
    `);
    await mounted(provider.querySelector('ce-issuing-card')!);
    const { detail } = await failed;
    expect(detail.code).to.equal('endpoint_http_error');
    expect(detail.message).to.match(/redirected/);
    expect(await from.requests()).to.have.length(1);
    expect(await target.requests()).to.deep.equal([]);
  });
});

describe('security: no secret in any message', () => {
  const leaking = [
    'accs_secret__LeakFromThrownError0001',
    '%22sk_test_51LeakAfterQuote%22',
    'Bearer%20sk_live_51LeakAfterBearer',
    '\\nrk_test_51LeakAfterNewline',
    'x9sk_test_51LeakAfterDigit',
  ].join(' ');

  it('scrubs a thrown fetchClientSecret error in ce-error detail and the panel', async () => {
    const provider = document.createElement('ce-connect');
    provider.publishableKey = 'pk_test_security';
    provider.fetchClientSecret = () => Promise.reject(new Error(`upstream said ${leaking}`));
    const payments = document.createElement('ce-payments');
    provider.append(payments);
    const failed = nextEvent<ErrorEvent>(payments, 'ce-error');
    (await fixture(html`<div></div>`)).append(provider);
    const { detail } = await failed;
    expect(detail.message).to.match(/^fetchClientSecret failed: upstream said \[redacted\]/);
    expect(detail.message).not.to.match(SECRETS);
    const panel = await panelText(payments);
    expect(panel).to.contain(detail.message);
    expect(panel).not.to.match(SECRETS);
  });

  it('scrubs a thrown value that is not an Error, and survives one whose message getter throws', async () => {
    const hostile = new Error('x');
    Object.defineProperty(hostile, 'message', {
      get() {
        throw new Error('getter');
      },
    });
    for (const [thrown, expected] of [
      [`plain ${leaking}`, /^fetchClientSecret failed: plain \[redacted\]/],
      [hostile, /could not be read/],
    ] as const) {
      const provider = document.createElement('ce-connect');
      provider.publishableKey = 'pk_test_security';
      provider.fetchClientSecret = () => Promise.reject(thrown);
      provider.innerHTML = '<ce-payouts></ce-payouts>';
      const failed = nextEvent<ErrorEvent>(provider, 'ce-error');
      (await fixture(html`<div></div>`)).append(provider);
      const { detail } = await failed;
      expect(detail.message).to.match(expected).and.not.match(SECRETS);
    }
  });

  it('scrubs the status line of an HTTP error', async () => {
    const bad = endpoint({ status: 502, reason: `Gateway saw ${leaking}` });
    const { provider, payments, failed } = await providerWith(bad.url);
    const { detail } = await failed;
    expect(detail).to.include({ code: 'endpoint_http_error', status: 502 });
    expect(detail.message).to.contain('answered 502 Gateway saw [redacted]');
    expect(detail.message).not.to.match(SECRETS);
    expect(await panelText(payments)).not.to.match(SECRETS);
    provider.remove(); // its endpoint attribute carries the status text the server is to send
  });

  it('scrubs what Stripe.js reported, message and code, with the same function', async () => {
    // Stripe refuses a secret it does not know, and echoes it in its message.
    const body = btoa(JSON.stringify({ client_secret: `x%22sk_test_51LeakToStripe ${leaking}` }));
    const element = await financialConnections({
      endpoint: `/api/fault?type=application%2Fjson&body=${encodeURIComponent(body)}`,
    });
    const failed = nextEvent<ErrorEvent>(element, 'ce-error');
    await element.launch();
    const { detail } = await failed;
    expect(detail.code).to.equal('stripe_error');
    expect(detail.message).to.contain('[redacted]');
    expect(JSON.stringify(detail)).not.to.match(SECRETS);
    expect(await panelText(element)).not.to.match(SECRETS);
  });

  it('scrubs every message a ConnectElementsError is built with, and its Stripe error', () => {
    const error = new ConnectElementsError('stripe_error', `failed: ${leaking}`, {
      type: 'api_error',
      stripeError: { type: 'api_error', code: 'Xsk_live_51Code', message: `no: ${leaking}` },
    });
    expect(JSON.stringify(error.toDetail())).not.to.match(SECRETS);
    expect(error.toDetail().stripeError).to.deep.equal({
      type: 'api_error',
      code: 'X[redacted]',
      message: 'no: [redacted] %22[redacted]%22 [redacted] \\n[redacted] x9[redacted]',
    });
  });
});

describe('security: timeout within what setTimeout can wait', () => {
  it('refuses a timeout above 2,147,483,647 ms, or below 1, with a configuration_error', async () => {
    for (const timeout of ['2147483648', '1e12', '0.5', '0', '-5', 'soon']) {
      const { failed } = await providerWith(endpoint().url, { timeout });
      const { detail } = await failed;
      expect(detail.code, timeout).to.equal('configuration_error');
      expect(detail.message).to.contain('from 1 to 2147483647');
    }
  });

  it('accepts 2,147,483,647 ms and 1 ms as they are', async () => {
    const { payments } = await providerWith(endpoint().url, { timeout: '2147483647' });
    await ready(payments);
    const { failed } = await providerWith(endpoint({ delay: 300 }).url, { timeout: '1' });
    expect((await failed).detail.code).to.equal('endpoint_timeout');
  });

  it('refuses it on <ce-financial-connections> too', async () => {
    const element = await financialConnections({
      endpoint: endpoint({ body: 'fc-session' }).url,
      timeout: '2147483648',
    });
    const result = await element.launch();
    expect(result.status === 'error' && result.error.code).to.equal('configuration_error');
  });
});

describe('security: an endpoint answer is read up to 64 KiB', () => {
  const SECRET_JSON = '{"client_secret":"accs_secret__big"}';
  /** An answer of `total` bytes: the secret after whitespace, with a Content-Length or chunked. */
  const padded = (total: number, chunked = false) =>
    `/api/fault?type=application%2Fjson&pad=${total - SECRET_JSON.length}&body=${encodeURIComponent(btoa(SECRET_JSON))}${chunked ? '&chunked=1' : ''}`;

  for (const chunked of [false, true]) {
    const how = chunked ? 'sent in chunks' : 'with a Content-Length';
    it(`takes an answer of exactly 64 KiB ${how}`, async () => {
      const { payments } = await providerWith(padded(64 * 1024, chunked));
      await ready(payments);
    });

    it(`refuses 64 KiB + 1 byte, and a 40 MiB answer, ${how}, with endpoint_invalid_response`, async () => {
      for (const size of [64 * 1024 + 1, 40 * 1024 * 1024]) {
        const started = performance.now();
        const { failed } = await providerWith(padded(size, chunked));
        const { detail } = await failed;
        expect(detail.code, String(size)).to.equal('endpoint_invalid_response');
        expect(detail.message).to.contain('larger than 64 KiB');
        expect(performance.now() - started).to.be.below(5000);
      }
    });
  }

  it('refuses an answer whose Content-Length says more than 64 KiB without reading it', async () => {
    const started = performance.now();
    const { failed } = await providerWith(endpoint({ body: 'stall' }).url, { timeout: '4000' });
    expect((await failed).detail.code).to.equal('endpoint_invalid_response');
    expect(performance.now() - started).to.be.below(2000);
  });

  it('stops reading an endless answer: the endpoint sends little more than the limit', async () => {
    const endless = endpoint({ body: 'endless' });
    const { failed } = await providerWith(endless.url, { timeout: '8000' });
    expect((await failed).detail.code).to.equal('endpoint_invalid_response');
    // The server writes until the browser closes the connection; buffers hold a few MiB at most.
    let sent = 0;
    for (let wait = 0; wait < 20; wait += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      sent = (await endless.requests())[0]?.sent ?? 0;
    }
    expect(sent)
      .to.be.above(64 * 1024)
      .and.below(32 * 1024 * 1024);
  });
});

describe('security: Trusted Types', () => {
  it('loads Stripe.js from the kit’s own tag, with a TrustedScriptURL of its policy', async () => {
    await financialConnections({ endpoint: endpoint().url, preload: '' });
    await until(() => window.Stripe, 'Stripe.js');
    const tags = [...document.scripts].filter((script) =>
      script.src.startsWith('https://js.stripe.com/'),
    );
    expect(tags.map((script) => script.src)).to.deep.equal([STRIPE_JS_URL]);
    expect(TRUSTED_TYPES_POLICY).to.equal('connect-elements');
    const trusted = trustedScriptUrl(STRIPE_JS_URL) as unknown;
    const factory = (window as { trustedTypes?: { isScriptURL(value: unknown): boolean } })
      .trustedTypes!;
    expect(factory.isScriptURL(trusted)).to.equal(true);
    expect(String(trusted)).to.equal(STRIPE_JS_URL);
  });

  it('lets only Stripe’s script origins through the policy', () => {
    expect(() => trustedScriptUrl('https://evil.example/connect.js')).to.throw(TypeError);
    expect(() => trustedScriptUrl('https://js.stripe.com.evil.example/v3')).to.throw(TypeError);
  });
});
