/**
 * Each assumption `packages/core/src/stripe-internals.ts` makes about the installed Stripe
 * loaders, checked against them: their ES module builds, the URLs they inject, the Stripe.js tags
 * `loadStripe` waits for, and the warning Connect.js's loader prints. The loaders run against a
 * minimal DOM in this process, each scenario on a fresh copy of the module (they remember their
 * first load).
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type * as ConnectJs from '@stripe/connect-js/dist/pure.esm.js';
import type * as StripeJs from '@stripe/stripe-js/dist/pure.mjs';
import {
  CONNECT_JS_URL,
  EXISTING_CONNECT_JS_WARNING,
  STRIPE_JS_TAG,
  STRIPE_JS_URL,
  withoutExistingScriptWarning,
} from '../../packages/core/src/stripe-internals.js';
import {
  CONNECT_JS_URL_PATTERN,
  STRIPE_JS_URL_PATTERN,
} from '../../packages/testing/src/stand-in-scripts.js';

const require = createRequire(import.meta.url);
let copies = 0;

/** A fresh instance of an installed module (a query string makes it another module). */
const freshImport = <T>(specifier: string): Promise<T> =>
  import(`${pathToFileURL(require.resolve(specifier)).href}?copy=${++copies}`) as Promise<T>;

interface FakeScript {
  src: string;
  addEventListener(): void;
}

/** A DOM with `scripts` on the page; records the scripts a loader creates. */
function minimalDom(scripts: FakeScript[] = []) {
  const created: FakeScript[] = [];
  const dom = {
    window: globalThis as Record<string, unknown>,
    document: {
      querySelectorAll: (selector: string) => {
        const prefix = /\[src\^?="([^"]+)"\]/.exec(selector)?.[1] ?? '';
        const exact = !selector.includes('^=');
        return scripts.filter(({ src }) => (exact ? src === prefix : src.startsWith(prefix)));
      },
      createElement: () => {
        const script: FakeScript = { src: '', addEventListener() {} };
        created.push(script);
        return script;
      },
      head: { appendChild() {} },
      body: { appendChild() {} },
    },
  };
  Object.assign(globalThis, dom);
  return created;
}

after(() => {
  for (const name of ['window', 'document', 'StripeConnect']) {
    delete (globalThis as Record<string, unknown>)[name];
  }
});

describe('what the kit assumes about Stripe’s loaders', () => {
  it('the ES module builds it imports are the packages’ own, with the names it imports', async () => {
    const connect = await import('@stripe/connect-js/dist/pure.esm.js');
    const connectCommonJs = require('@stripe/connect-js/pure') as typeof connect;
    assert.equal(typeof connect.loadConnectAndInitialize, 'function');
    assert.deepEqual(connect.connectElementTagNames, connectCommonJs.connectElementTagNames);
    assert.deepEqual(
      Object.keys(connect.ConnectElementCustomMethodConfig),
      Object.keys(connectCommonJs.ConnectElementCustomMethodConfig),
    );
    assert.deepEqual(
      Object.keys(connect.ConnectElementCommonMethodConfig),
      Object.keys(connectCommonJs.ConnectElementCommonMethodConfig),
    );
    const stripe = await import('@stripe/stripe-js/dist/pure.mjs');
    assert.equal(typeof stripe.loadStripe, 'function');
  });

  it('Connect.js is loaded from CONNECT_JS_URL, which the stand-in routes match', async () => {
    const created = minimalDom();
    const { loadConnectAndInitialize } = await freshImport<typeof ConnectJs>(
      '@stripe/connect-js/dist/pure.esm.js',
    );
    loadConnectAndInitialize({ publishableKey: 'pk_test_url', fetchClientSecret: async () => '' });
    assert.deepEqual(
      created.map(({ src }) => src),
      [CONNECT_JS_URL],
    );
    assert.match(CONNECT_JS_URL, CONNECT_JS_URL_PATTERN);
  });

  it('Stripe.js is loaded from STRIPE_JS_URL, which the stand-in routes match', async () => {
    const created = minimalDom();
    const { loadStripe } = await freshImport<typeof StripeJs>('@stripe/stripe-js/dist/pure.mjs');
    void loadStripe('pk_test_url').catch(() => {});
    assert.equal(created[0]?.src.split('?')[0], STRIPE_JS_URL);
    assert.match(created[0]!.src, STRIPE_JS_URL_PATTERN);
  });

  it('STRIPE_JS_TAG matches exactly the tags loadStripe waits for instead of loading its own', async () => {
    const candidates = [
      'https://js.stripe.com/v3',
      'https://js.stripe.com/v3/',
      'https://js.stripe.com/v3?advancedFraudSignals=false',
      'https://js.stripe.com/v3/stripe.js',
      STRIPE_JS_URL,
      'https://js.stripe.com/basil/stripe.js?x=1',
      'https://js.stripe.com/v2/',
      'https://js.stripe.com/v2x/stripe.js',
      'https://js.stripe.com/other.js',
      'https://js.stripe.com.example/v3',
    ];
    for (const src of candidates) {
      const created = minimalDom([{ src, addEventListener() {} }]);
      const { loadStripe } = await freshImport<typeof StripeJs>('@stripe/stripe-js/dist/pure.mjs');
      void loadStripe('pk_test_tag').catch(() => {});
      assert.equal(STRIPE_JS_TAG.test(src), created.length === 0, src);
    }
  });

  it('Connect.js’s loader warns about the existing script in words the filter knows', async () => {
    minimalDom();
    (globalThis as Record<string, unknown>)['StripeConnect'] = {
      init: () => ({ create: () => ({}), update() {}, logout: async () => {} }),
      optionalMethods: {},
    };
    const { loadConnectAndInitialize } = await freshImport<typeof ConnectJs>(
      '@stripe/connect-js/dist/pure.esm.js',
    );
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      loadConnectAndInitialize({
        publishableKey: 'pk_test_warn',
        fetchClientSecret: async () => '',
      });
      withoutExistingScriptWarning(() => {
        console.warn(`Connect: ${EXISTING_CONNECT_JS_WARNING}; existing script parameters used`);
        console.warn('another warning');
      });
    } finally {
      console.warn = warn;
    }
    assert.equal(warnings.length, 2, JSON.stringify(warnings));
    assert.match(String(warnings[0]?.[0]), new RegExp(EXISTING_CONNECT_JS_WARNING));
    assert.deepEqual(warnings[1], ['another warning']);
  });
});
