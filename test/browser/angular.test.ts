/**
 * The Angular quick start (docs/stacks/angular.md), run: a standalone component with `CUSTOM_ELEMENTS_SCHEMA`,
 * bootstrapped with `bootstrapApplication` and zoneless change detection, its template compiled
 * in the browser (JIT, no Angular CLI).
 */
import '@angular/compiler';
import {
  type ApplicationRef,
  Component,
  CUSTOM_ELEMENTS_SCHEMA,
  enableProdMode,
  provideZonelessChangeDetection,
  signal,
} from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { expect } from '@open-wc/testing';
import '@connect-elements/core/define.js';
import type {
  CeAccountOnboarding,
  CePayments,
  ConnectComponentEventMap,
} from '@connect-elements/core';
import { endpoint, mounted, until } from './support/harness.js';

// No "Angular is running in development mode." line (the tests fail on console output).
enableProdMode();

/** This test's endpoint bucket; the component reads its URL when it is created. */
let api = endpoint();

// The guide's component, with the test endpoint and a test key.
@Component({
  selector: 'app-connect-dashboard',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <ce-connect [publishableKey]="publishableKey" [endpoint]="endpoint">
      <ce-account-onboarding
        [collectionOptions]="options"
        (ce-exit)="onExit()"
        (ce-step-change)="onStep($event)"
      ></ce-account-onboarding>
      <ce-payments [defaultFilters]="filters"></ce-payments>
    </ce-connect>
    <p>Step: {{ step() }}</p>
    @if (exited()) {
      <p>Onboarding closed.</p>
    }
  `,
})
class ConnectDashboardComponent {
  publishableKey = 'pk_test_angular';
  endpoint = api.url;
  options: CeAccountOnboarding['collectionOptions'] = { fields: 'eventually_due' };
  filters: CePayments['defaultFilters'] = { status: ['successful'] };
  step = signal('');
  exited = signal(false);

  onExit() {
    this.exited.set(true);
  }

  onStep(event: ConnectComponentEventMap['ce-step-change']) {
    this.step.set(event.detail.step);
  }
}

let app: ApplicationRef | undefined;
let host: HTMLElement;

async function bootstrap(): Promise<HTMLElement> {
  host = document.createElement('app-connect-dashboard');
  document.body.append(host);
  app = await bootstrapApplication(ConnectDashboardComponent, {
    providers: [provideZonelessChangeDetection()],
  });
  return host;
}

beforeEach(() => {
  api = endpoint();
});

afterEach(() => {
  app?.destroy();
  app = undefined;
  host.remove();
});

describe('Angular (the quick start of docs/stacks/angular.md)', () => {
  it('sets [property] bindings on the elements, and they reach the Stripe elements', async () => {
    const page = await bootstrap();
    const connect = page.querySelector('ce-connect')!;
    expect(connect.publishableKey).to.equal('pk_test_angular');
    expect(connect.endpoint).to.equal(api.url);

    const onboarding = await mounted(page.querySelector('ce-account-onboarding')!);
    expect(onboarding.settings['setCollectionOptions']).to.deep.equal({ fields: 'eventually_due' });
    const payments = await mounted(page.querySelector('ce-payments')!);
    expect(payments.settings['setDefaultFilters']).to.deep.equal({ status: ['successful'] });
    // Properties, not attributes.
    expect(page.querySelector('ce-payments')!.hasAttribute('defaultfilters')).to.equal(false);
    expect(onboarding.connector!.publishableKey).to.equal('pk_test_angular');
    // One provider, one endpoint request for both components.
    await until(() => onboarding.connector!.status === 'ready', 'the session ready');
    expect(await api.requests()).to.have.length(1);
  });

  it('calls the (ce-exit) and (ce-step-change) handlers, and re-renders without zone.js', async () => {
    const page = await bootstrap();
    const stripe = await mounted(page.querySelector('ce-account-onboarding')!);

    stripe.fire('setOnStepChange', { step: 'representative' });
    await until(() => page.textContent!.includes('Step: representative'), 'the step rendered');

    expect(page.textContent).not.to.include('Onboarding closed.');
    stripe.fire('setOnExit');
    await until(() => page.textContent!.includes('Onboarding closed.'), 'the exit handled');
  });

  it('removes the Stripe elements when the application is destroyed', async () => {
    const page = await bootstrap();
    const onboarding = await mounted(page.querySelector('ce-account-onboarding')!);
    const payments = await mounted(page.querySelector('ce-payments')!);
    await until(() => onboarding.connector!.status === 'ready', 'the session ready');

    app!.destroy();
    app = undefined;
    expect(document.querySelector('ce-connect')).to.equal(null);
    await until(
      () => onboarding.parentElement === null && payments.parentElement === null,
      'the Stripe elements removed',
    );
    expect(await api.requests()).to.have.length(1);
  });
});
