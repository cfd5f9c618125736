/**
 * Walks the installed @stripe/connect-js and proves, for every component, that its element
 * exists and that every setter and listener is wired by the one rule of docs/elements.md. A component or
 * setter added by a later @stripe/connect-js fails here until the kit covers it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import {
  ConnectElementCommonMethodConfig,
  ConnectElementCustomMethodConfig,
  connectElementTagNames,
} from '../../packages/core/src/stripe-internals.js';
import '../../packages/core/src/define.js';
import { settingKinds, type CeConnect } from '../../packages/core/src/index.js';
import { settingKindDocs } from '../../packages/core/src/setting-kinds.js';
import { defaultListenerDetail } from '../../packages/testing/src/stand-in/listener-details.js';
import { endpoint, mounted, until } from './support/harness.js';

const kebab = (name: string) =>
  name.replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase());
const setterStem = (setter: string) => setter.slice('set'.length);

const methodsOf = (name: string) =>
  Object.keys({
    ...((ConnectElementCustomMethodConfig as Record<string, object>)[name] ?? {}),
    ...ConnectElementCommonMethodConfig,
  });

/** Two distinct sample values per kind (before load, and a change after), from the kinds' table. */
const samples = Object.fromEntries(
  Object.entries(settingKindDocs).map(([kind, doc]) => [kind, doc.samples]),
);

describe('every Connect component of the installed @stripe/connect-js', () => {
  it('has a setting kind for every setter', () => {
    for (const name of connectElementTagNames) {
      for (const setter of methodsOf(name).filter((m) => !/^setOn[A-Z]/.test(m))) {
        expect(settingKinds, `${name}.${setter}`).to.have.property(setter);
      }
    }
  });

  for (const name of connectElementTagNames) {
    describe(`<ce-${name}>`, () => {
      const setters = methodsOf(name).filter((m) => !/^setOn[A-Z]/.test(m));
      const listeners = methodsOf(name).filter((m) => /^setOn[A-Z]/.test(m));

      it('is defined', () => {
        expect(customElements.get(`ce-${name}`), `ce-${name}`).to.be.a('function');
      });

      it('reaches every setter from its attribute before load, and its property after', async () => {
        const element = document.createElement(`ce-${name}`) as unknown as HTMLElement &
          Record<string, unknown>;
        for (const setter of setters) {
          const kind = settingKinds[setter as keyof typeof settingKinds];
          const [attribute, first] = samples[kind]!;
          if (attribute === null) element[setter[3]!.toLowerCase() + setter.slice(4)] = first;
          else element.setAttribute(kebab(setterStem(setter)), attribute);
        }
        const provider = await fixture<CeConnect>(html`
          <ce-connect publishable-key="pk_test_cov" endpoint=${endpoint().url}></ce-connect>
        `);
        provider.append(element);
        const stripe = await mounted(element);
        for (const setter of setters) {
          const kind = settingKinds[setter as keyof typeof settingKinds];
          const [, first] = samples[kind]!;
          if (kind === 'function') expect(stripe.settings[setter], setter).to.equal(first);
          else expect(stripe.settings[setter], setter).to.deep.equal(first);
        }
        // After Stripe loaded: properties, and the change reaches the setter again.
        for (const setter of setters) {
          const kind = settingKinds[setter as keyof typeof settingKinds];
          const [, , second] = samples[kind]!;
          const calls = stripe.setterCalls[setter]!;
          element[setter[3]!.toLowerCase() + setter.slice(4)] = second;
          await (element as unknown as CeConnect).updateComplete;
          await until(() => stripe.setterCalls[setter] === calls + 1, `${setter} called again`);
          if (kind === 'function') expect(stripe.settings[setter], setter).to.equal(second);
          else expect(stripe.settings[setter], setter).to.deep.equal(second);
        }
      });

      if (setters.length) {
        it('reaches every setter from its property set before load', async () => {
          const element = document.createElement(`ce-${name}`) as unknown as HTMLElement &
            Record<string, unknown>;
          for (const setter of setters) {
            const kind = settingKinds[setter as keyof typeof settingKinds];
            element[setter[3]!.toLowerCase() + setter.slice(4)] = samples[kind]![2];
          }
          const provider = await fixture<CeConnect>(html`
            <ce-connect publishable-key="pk_test_cov" endpoint=${endpoint().url}></ce-connect>
          `);
          provider.append(element);
          const stripe = await mounted(element);
          for (const setter of setters) {
            const kind = settingKinds[setter as keyof typeof settingKinds];
            if (kind === 'function') expect(stripe.settings[setter]).to.equal(samples[kind]![2]);
            else expect(stripe.settings[setter], setter).to.deep.equal(samples[kind]![2]);
          }
        });
      }

      it('delivers every listener as its ce-* event with Stripe’s detail', async () => {
        const provider = await fixture<CeConnect>(html`
          <ce-connect publishable-key="pk_test_cov" endpoint=${endpoint().url}></ce-connect>
        `);
        const element = document.createElement(`ce-${name}`);
        provider.append(element);
        const stripe = await mounted(element);
        for (const setter of listeners) {
          const type = `ce-${kebab(setter.slice('setOn'.length))}`;
          const received: CustomEvent[] = [];
          const listener = (event: Event) => received.push(event as CustomEvent);
          document.addEventListener(type, listener);
          stripe.fire(setter);
          document.removeEventListener(type, listener);
          expect(received, type).to.have.length(1);
          const expected = defaultListenerDetail(setter, stripe.localName) ?? null;
          expect(received[0]!.detail, type).to.deep.equal(expected);
          expect(
            received[0]!.bubbles && received[0]!.composed,
            `${type} bubbles, composed`,
          ).to.equal(true);
          expect(received[0]!.target).to.equal(element);
        }
      });
    });
  }
});
