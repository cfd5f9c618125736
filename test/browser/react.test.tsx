import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { StrictMode, useEffect, useState, version, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import {
  AccountOnboarding,
  ConnectProvider,
  FinancialConnections,
  Payments,
} from '@connect-elements/react';
import type { CeErrorEvent, ConnectComponentEvent } from '@connect-elements/core';
import { endpoint, mounted, ready, standIn, until } from './support/harness.js';

/**
 * A React app in the page (React 19, the workspace's; React 18 under `npm run test:react-18`);
 * unmounted after each test.
 */
let root: Root | undefined;
let container: HTMLElement | undefined;

function render(app: ReactNode): HTMLElement {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  flushSync(() => root!.render(app));
  return container;
}

afterEach(() => {
  root?.unmount();
  container?.remove();
  root = undefined;
  container = undefined;
});

describe('@connect-elements/react', () => {
  it('runs on the React the test runner bundled (the major under test)', async () => {
    const expected = await executeServerCommand<string, undefined>('react-version');
    expect(version).to.equal(expected);
  });

  it('sets object and boolean props on the element, which pass them to the Stripe element', async () => {
    const api = endpoint();
    const page = render(
      <ConnectProvider publishableKey="pk_test_react" endpoint={api.url} locale="fr-FR">
        <AccountOnboarding
          collectionOptions={{ fields: 'eventually_due', futureRequirements: 'include' }}
          skipTermsOfServiceCollection
          privacyPolicyUrl="https://example.com/privacy"
        />
      </ConnectProvider>,
    );
    const onboarding = page.querySelector('ce-account-onboarding')!;
    const stripe = await mounted(onboarding);
    expect(stripe.settings['setCollectionOptions']).to.deep.equal({
      fields: 'eventually_due',
      futureRequirements: 'include',
    });
    expect(stripe.settings['setSkipTermsOfServiceCollection']).to.equal(true);
    expect(stripe.settings['setPrivacyPolicyUrl']).to.equal('https://example.com/privacy');
    expect(stripe.connector!.publishableKey).to.equal('pk_test_react');
    expect(stripe.connector!.locale).to.equal('fr-FR');
  });

  it('passes a changed prop on to the live Stripe element', async () => {
    const api = endpoint();
    let setStatus: (status: 'successful' | 'refunded') => void = () => undefined;
    function PaymentsPage() {
      const [status, set] = useState<'successful' | 'refunded'>('successful');
      setStatus = set;
      return (
        <ConnectProvider publishableKey="pk_test_react" endpoint={api.url}>
          <Payments defaultFilters={{ status: [status] }} />
        </ConnectProvider>
      );
    }
    const page = render(<PaymentsPage />);
    const stripe = await mounted(page.querySelector('ce-payments')!);
    expect(stripe.settings['setDefaultFilters']).to.deep.equal({ status: ['successful'] });
    flushSync(() => setStatus('refunded'));
    await until(() => stripe.setterCalls['setDefaultFilters'] === 2, 'second setDefaultFilters');
    expect(stripe.settings['setDefaultFilters']).to.deep.equal({ status: ['refunded'] });
    expect(await api.requests()).to.have.length(1);
  });

  it('calls onExit, onStepChange and onLoaderStart with the event Stripe fired', async () => {
    const api = endpoint();
    const exits: ConnectComponentEvent<null>[] = [];
    const steps: string[] = [];
    let loaderStarts = 0;
    const page = render(
      <ConnectProvider publishableKey="pk_test_react" endpoint={api.url}>
        <AccountOnboarding
          onExit={(event) => exits.push(event)}
          onStepChange={(event) => steps.push(event.detail.step)}
          onLoaderStart={() => (loaderStarts += 1)}
        />
      </ConnectProvider>,
    );
    const stripe = await mounted(page.querySelector('ce-account-onboarding')!);
    stripe.fire('setOnExit');
    stripe.fire('setOnStepChange', { step: 'business_type' });
    expect(exits).to.have.length(1);
    expect(exits[0]!.type).to.equal('ce-exit');
    expect(exits[0]!.detail).to.equal(null);
    expect(steps).to.deep.equal(['business_type']);
    await until(() => loaderStarts > 0, 'onLoaderStart');
  });

  it('calls onError with the configuration error and lets it hide the built-in panel', async () => {
    const errors: CeErrorEvent[] = [];
    const page = render(
      <Payments
        publishableKey="sk_test_wrong"
        endpoint="/api/test/secret"
        onError={(event) => {
          errors.push(event);
          event.preventDefault();
        }}
      />,
    );
    await until(() => errors.length === 1, 'onError');
    expect(errors[0]!.detail.code).to.equal('configuration_error');
    const payments = page.querySelector('ce-payments')!;
    expect(payments.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });

  it('under <StrictMode> makes one endpoint request', async () => {
    const api = endpoint();
    let effects = 0;
    function EffectProbe() {
      useEffect(() => {
        effects += 1;
      }, []);
      return null;
    }
    const page = render(
      <StrictMode>
        <EffectProbe />
        <ConnectProvider publishableKey="pk_test_react" endpoint={api.url}>
          <AccountOnboarding />
          <Payments />
        </ConnectProvider>
      </StrictMode>,
    );
    await mounted(page.querySelector('ce-account-onboarding')!);
    await ready(page.querySelector('ce-payments')!);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // React's development build: StrictMode ran every effect twice.
    expect(effects).to.equal(2);
    const requests = await api.requests();
    expect(requests).to.have.length(1);
    expect(requests[0]!.body).to.deep.equal({ components: ['account_onboarding', 'payments'] });
  });

  it('removes the Stripe element on unmount and asks the endpoint nothing more', async () => {
    const api = endpoint();
    const page = render(
      <StrictMode>
        <ConnectProvider publishableKey="pk_test_react" endpoint={api.url}>
          <Payments />
        </ConnectProvider>
      </StrictMode>,
    );
    const stripe = await mounted(page.querySelector('ce-payments')!);
    const connector = stripe.connector!;
    await until(() => connector.status === 'ready', 'session ready');
    const instances = standIn().instances.length;
    root!.unmount();
    root = undefined;
    expect(page.querySelector('ce-payments')).to.equal(null);
    await until(() => stripe.parentElement === null, 'the Stripe element removed');
    // Connect asking for a new secret after the session expired: no request any more.
    await connector.expireSession().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await api.requests()).to.have.length(1);
    expect(standIn().instances.length).to.equal(instances);
  });

  it('wraps <ce-financial-connections> with onSuccess, onCancel and onError', () => {
    const calls: string[] = [];
    const page = render(
      <FinancialConnections
        publishableKey="pk_test_react"
        endpoint="/api/test/fc"
        onSuccess={(event) => calls.push(`success ${event.detail.session.id}`)}
        onCancel={(event) => calls.push(`cancel ${event.detail.session.id}`)}
        onError={(event) => calls.push(`error ${event.detail.code}`)}
      >
        Link your bank
      </FinancialConnections>,
    );
    const element = page.querySelector('ce-financial-connections')!;
    expect(element.endpoint).to.equal('/api/test/fc');
    expect(element.textContent).to.equal('Link your bank');
    const session = { id: 'fcsess_1', accounts: [] };
    element.dispatchEvent(
      new CustomEvent('ce-financial-connections-success', { detail: { session } }),
    );
    element.dispatchEvent(
      new CustomEvent('ce-financial-connections-cancel', { detail: { session } }),
    );
    element.dispatchEvent(
      new CustomEvent('ce-error', { detail: { code: 'stripe_error', message: 'no' } }),
    );
    expect(calls).to.deep.equal(['success fcsess_1', 'cancel fcsess_1', 'error stripe_error']);
  });
});
