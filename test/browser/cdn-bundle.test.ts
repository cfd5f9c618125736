import { expect } from '@open-wc/testing';
import { componentNames } from '../../packages/core/src/component-table.js';
import { mounted, until } from './support/harness.js';

/** Built by `npm run build:cdn` (`npm test` builds it before the browser tests). */
const BUNDLE = '/packages/core/dist/cdn/connect-elements.js';
const MINIFIED = '/packages/core/dist/cdn/connect-elements.min.js';

const cmsRequests = async (): Promise<{ body: unknown }[]> =>
  (await fetch('/api/test/requests?bucket=cms-page')).json() as Promise<{ body: unknown }[]>;

before(async () => {
  for (const url of [BUNDLE, MINIFIED]) {
    const response = await fetch(url, { method: 'HEAD' });
    if (!response.ok) throw new Error(`${url} is missing: run \`npm run build:cdn\` first.`);
  }
});

describe('the CDN bundle', () => {
  it('is one self-contained module: no bare imports', async () => {
    for (const url of [BUNDLE, MINIFIED]) {
      const source = await (await fetch(url)).text();
      expect(source).not.to.match(/\bimport\s*[^(]*?from\s*["'][^./]/);
      expect(source).not.to.match(/\bimport\s*\(\s*["'][^./]/);
      expect(source).not.to.match(/\brequire\s*\(/);
    }
  });

  it('runs a CMS page that has nothing but the script tag and markup', async () => {
    const before = (await cmsRequests()).length;
    const frame = document.createElement('iframe');
    frame.src = '/test/browser/fixtures/cms-page.html';
    frame.style.cssText = 'width: 800px; height: 600px; border: 0';
    document.body.append(frame);
    try {
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const page = frame.contentWindow as Window & typeof globalThis;
      const tags = [
        'ce-connect',
        'ce-financial-connections',
        ...componentNames.map((n) => `ce-${n}`),
      ];
      await until(() => tags.every((tag) => page.customElements.get(tag)), 'every element defined');

      const payments = await mounted(page.document.querySelector('ce-payments')!);
      expect(payments.settings['setDefaultFilters']).to.deep.equal({ status: ['successful'] });
      const onboarding = await mounted(page.document.querySelector('ce-account-onboarding')!);
      expect(onboarding.settings['setSkipTermsOfServiceCollection']).to.equal(true);
      await until(() => payments.connector?.status === 'ready', 'session ready');
      expect(payments.connector!.publishableKey).to.equal('pk_test_cms');

      const requests = (await cmsRequests()).slice(before);
      expect(requests).to.have.length(1);
      expect((requests[0]!.body as { components: string[] }).components).to.have.members([
        'payments',
        'account_onboarding',
      ]);
      const button = page.document
        .querySelector('ce-financial-connections')!
        .shadowRoot!.querySelector('[part="button"]');
      expect(button).to.exist;
    } finally {
      frame.remove();
    }
  });

  it('can be included twice: the second copy registers nothing and says nothing', async () => {
    await import(/* @vite-ignore */ BUNDLE);
    const payments = customElements.get('ce-payments');
    expect(payments).to.exist;
    // A second copy (another URL, so another module instance) of the same version.
    await import(/* @vite-ignore */ MINIFIED);
    expect(customElements.get('ce-payments')).to.equal(payments);
    // The harness fails the test on any console output, such as a version warning.
  });
});
