/**
 * Every setting kind, whichever channel of @stripe/connect-js is installed (the GA version has no
 * `date` setter, the preview has): the attribute its declaration reads, what Stripe's setter is
 * handed, and an unreadable attribute as the value a configuration error is made from.
 */
import { ReactiveElement } from '@lit/reactive-element';
import { expect } from '@open-wc/testing';
import { InvalidAttributeValue } from '../../packages/core/src/attribute-values.js';
import {
  settingKindDocs,
  settingKindRules,
  type SettingKind,
} from '../../packages/core/src/setting-kinds.js';

const kinds = Object.keys(settingKindRules) as SettingKind[];

/** An element with one property `value` of `kind`, on the attribute `the-value`. */
function elementOf(kind: SettingKind): ReactiveElement & { value?: unknown } {
  const tag = `test-kind-${kind}`;
  if (!customElements.get(tag)) {
    customElements.define(
      tag,
      class extends ReactiveElement {
        static override properties = { value: settingKindRules[kind].declaration('the-value') };
      },
    );
  }
  return document.createElement(tag) as ReactiveElement & { value?: unknown };
}

const toStripe = (kind: SettingKind, value: unknown) =>
  settingKindRules[kind].toStripe?.(value) ?? value;

describe('setting kinds', () => {
  for (const kind of kinds) {
    const [attribute, first, second] = settingKindDocs[kind].samples;

    it(`${kind}: the sample attribute reaches Stripe as the sample value`, () => {
      const element = elementOf(kind);
      expect(settingKindRules[kind].hasAttribute, 'has an attribute').to.equal(attribute !== null);
      if (attribute === null) {
        expect(element.getAttribute('the-value')).to.equal(null);
        element.setAttribute('the-value', 'ignored');
        expect(element.value).to.equal(undefined);
        return;
      }
      element.setAttribute('the-value', attribute);
      expect(toStripe(kind, element.value)).to.deep.equal(first);
      expect(toStripe(kind, second)).to.deep.equal(second);
      element.removeAttribute('the-value');
      expect(element.value ?? null, 'no attribute, no value').to.satisfy(
        (value: unknown) => value === null || value === false,
      );
    });
  }

  it('json and json-dates: text that is not a JSON object is an InvalidAttributeValue', () => {
    for (const kind of ['json', 'json-dates'] as const) {
      const element = elementOf(kind);
      for (const text of ['{', '[1]', '"text"', 'null']) {
        element.setAttribute('the-value', text);
        expect(element.value, `${kind} ${text}`).to.be.instanceOf(InvalidAttributeValue);
        // Passed through untouched, so the element reports the configuration error.
        expect(toStripe(kind, element.value)).to.equal(element.value);
      }
    }
  });

  it('json-dates: ISO dates at any depth become Dates, other strings stay', () => {
    const revived = toStripe('json-dates', {
      status: ['successful', '2026-01-01'],
      date: { between: { start: '2026-01-01T00:00:00Z', end: '2026-02-01' } },
      paymentMethod: 'card',
      note: '1',
      bad: '2026-13-45',
    }) as Record<string, unknown>;
    expect(revived).to.deep.equal({
      status: ['successful', new Date('2026-01-01')],
      date: {
        between: { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-02-01') },
      },
      paymentMethod: 'card',
      note: '1',
      bad: '2026-13-45',
    });
  });

  it('date: an attribute that is not an ISO 8601 date is an InvalidAttributeValue', () => {
    const element = elementOf('date');
    for (const text of ['tomorrow', '1', '2026-02-30T99:00', '']) {
      element.setAttribute('the-value', text);
      expect(element.value, text).to.be.instanceOf(InvalidAttributeValue);
      expect((element.value as InvalidAttributeValue).message).to.equal(
        'The the-value attribute is not an ISO 8601 date.',
      );
    }
    element.setAttribute('the-value', ' 2026-01-31 ');
    expect(element.value).to.deep.equal(new Date('2026-01-31'));
    // A property set from code may be an ISO string too.
    expect(toStripe('date', '2026-01-31')).to.deep.equal(new Date('2026-01-31'));
    expect(toStripe('date', 'soon')).to.equal('soon');
  });
});
