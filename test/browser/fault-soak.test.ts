/**
 * Fault suite: a soak. Two hundred providers with four components each are created and removed
 * — at once, mid-request, or once settled — while the endpoint fails one request in three.
 * Afterwards the kit has no timer pending and no listener left on `window` or `document`, and a
 * new provider works.
 */
import { kitListeners, kitTimerCount, pendingKitTimers } from './support/global-instruments.js';
import { expect } from '@open-wc/testing';
import '../../packages/core/src/define.js';
import type { StandInElement } from '../../packages/testing/src/stand-in/connect-js.js';
import { endpoint, mounted, stripeElementOf, until } from './support/harness.js';

const COMPONENTS = ['account-onboarding', 'payments', 'payouts', 'balances'];
const PROVIDERS = 200;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function provider(url: string): HTMLElement {
  const element = document.createElement('ce-connect');
  element.setAttribute('publishable-key', 'pk_test_soak');
  element.setAttribute('endpoint', url);
  element.innerHTML = COMPONENTS.map((name) => `<ce-${name}></ce-${name}>`).join('');
  return element;
}

/** Every component settled: its Stripe element ready, or a ce-error. */
const settled = (element: HTMLElement, errors: Set<Element>) =>
  [...element.children].every(
    (child) =>
      errors.has(child) ||
      (stripeElementOf(child as HTMLElement) as StandInElement | undefined)?.connector?.status ===
        'ready',
  );

describe('fault suite: soak', () => {
  it(`leaves no timer or global listener after ${PROVIDERS} providers, and a new one works`, async function () {
    this.timeout(60_000);
    const listenersBefore = new Set(kitListeners);
    const stage = document.createElement('div');
    document.body.append(stage);
    let failures = 0;
    for (let index = 0; index < PROVIDERS; index += 1) {
      const failing = index % 3 === 2;
      const api = endpoint(failing ? { status: 500, delay: index % 5 } : { delay: index % 5 });
      const element = provider(api.url);
      const errors = new Set<Element>();
      element.addEventListener('ce-error', (event) => errors.add(event.target as Element));
      stage.append(element);
      switch (index % 4) {
        case 0: // removed in the task that added it
          break;
        case 1: // removed while its request is in flight
          await wait(index % 3);
          break;
        case 2: // removed after the microtasks that start it
          await Promise.resolve();
          break;
        default: // removed once every component settled
          await until(() => settled(element, errors), `provider ${index} to settle`, 5000);
          if (failing) {
            expect(errors.size, `ce-error on each component of provider ${index}`).to.equal(4);
            failures += 1;
          } else {
            expect(errors.size, `no ce-error on provider ${index}`).to.equal(0);
          }
      }
      element.remove();
    }
    expect(failures).to.be.greaterThan(10);
    await wait(100); // the last releases (a task after removal) and aborted requests

    expect(kitTimerCount.value, 'kit timers seen by the instruments').to.be.greaterThan(PROVIDERS);
    const timers = [...pendingKitTimers.values()];
    expect(timers.length, `kit timers pending:\n${timers.join('\n\n')}`).to.equal(0);
    const left = [...kitListeners].filter((listener) => !listenersBefore.has(listener));
    expect(
      left.length,
      `kit listeners left on window/document:\n${left.map((l) => `${l.target} ${l.type}\n${l.stack}`).join('\n\n')}`,
    ).to.equal(0);

    const api = endpoint();
    const last = provider(api.url);
    stage.append(last);
    const stripes = await Promise.all(
      [...last.children].map((child) => mounted(child as HTMLElement)),
    );
    await until(() => stripes.every((stripe) => stripe.connector!.status === 'ready'), 'ready');
    expect((await api.requests()).length).to.equal(1);
    stage.remove();
  });
});
