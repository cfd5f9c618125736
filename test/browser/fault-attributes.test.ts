/**
 * Fault suite: arbitrary values of the attributes that carry structured data — `appearance` on
 * the provider, the JSON attributes `collection-options` and `default-filters`, the list
 * attribute `display-countries` — set before the elements connect and changed once they run.
 * A value the documented rules accept (docs/elements.md) reaches the Stripe element; anything else is exactly one
 * `configuration_error` on each affected element. Never an unhandled rejection, a console line,
 * or a client secret anywhere a page can read.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../packages/core/src/define.js';
import type { StandInElement } from '../../packages/testing/src/stand-in/connect-js.js';
import {
  assertNoSecretLeaked,
  endpoint,
  stripeElementOf,
  takeNoise,
  until,
} from './support/harness.js';

type ErrorEvent = CustomEvent<{ code: string; message: string }>;

/** A JSON attribute's value as the kit reads it: a JSON object, or a configuration error. */
function readJsonObject(text: string): { value: Record<string, unknown> } | { invalid: true } {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? { value: value as Record<string, unknown> }
      : { invalid: true };
  } catch {
    return { invalid: true };
  }
}

/** A list attribute as the kit reads it: comma-separated, trimmed, empty items dropped. */
const readList = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

// --- arbitraries ---------------------------------------------------------------------------

const isoDate = fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
const jsonText = (shaped: fc.Arbitrary<object>) =>
  fc.oneof(
    { weight: 3, arbitrary: shaped.map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.json({ maxDepth: 2 }) },
    {
      weight: 1,
      arbitrary: fc
        .dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }))
        .map((value) => JSON.stringify(value)),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        ' ',
        'null',
        '[]',
        '{}',
        ' {} ',
        '"{}"',
        '{"a":1',
        '{a:1}',
        '1e999',
      ),
    },
  );

const appearance = jsonText(
  fc.record(
    {
      variables: fc.dictionary(
        fc.constantFrom('colorPrimary', 'colorText', 'fontFamily', 'spacingUnit', 'borderRadius'),
        fc.oneof(fc.string(), fc.integer()),
      ),
      overlays: fc.constantFrom('dialog', 'drawer', 42),
    },
    { requiredKeys: [] },
  ),
);
const collectionOptions = jsonText(
  fc.record(
    {
      fields: fc.oneof(fc.constantFrom('currently_due', 'eventually_due'), fc.string()),
      futureRequirements: fc.constantFrom('omit', 'include'),
      requirements: fc.record({ exclude: fc.array(fc.string(), { maxLength: 3 }) }),
    },
    { requiredKeys: [] },
  ),
);
const defaultFilters = jsonText(
  fc.record(
    {
      amount: fc.record({ greaterThan: fc.integer() }, { requiredKeys: [] }),
      date: fc.oneof(
        fc.record({ before: fc.oneof(isoDate, fc.string()) }),
        fc.record({ after: isoDate }),
        fc.record({ between: fc.record({ start: isoDate, end: fc.oneof(isoDate, fc.integer()) }) }),
        fc.string(),
      ),
      status: fc.array(fc.constantFrom('successful', 'pending', 'disputed', 'refunded'), {
        maxLength: 3,
      }),
      paymentMethod: fc.string(),
    },
    { requiredKeys: [] },
  ),
);
const countries = fc.oneof(
  fc
    .tuple(
      fc.array(fc.constantFrom('US', 'CA', 'GB', 'DE', 'FR', 'JP', ' ', ''), { maxLength: 6 }),
      fc.constantFrom(',', ', ', ' ,', ',,'),
    )
    .map(([list, separator]) => list.join(separator)),
  fc.string({ maxLength: 30 }),
);

interface Values {
  appearance: string | null;
  'collection-options': string | null;
  'default-filters': string | null;
  'display-countries': string | null;
}

const maybe = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary }, { weight: 1, arbitrary: fc.constant(null) });

const values: fc.Arbitrary<Values> = fc.record({
  appearance: maybe(appearance),
  'collection-options': maybe(collectionOptions),
  'default-filters': maybe(defaultFilters),
  'display-countries': maybe(countries),
});

/** Which element holds which attribute, and the Stripe setter it feeds. */
const COMPONENT_ATTRIBUTES = [
  ['ce-account-onboarding', 'collection-options', 'setCollectionOptions'],
  ['ce-payments', 'default-filters', 'setDefaultFilters'],
  ['ce-tax-registrations', 'display-countries', 'setDisplayCountries'],
] as const;

// --- the property --------------------------------------------------------------------------

const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

const readyStripe = (element: Element) => {
  const stripe = stripeElementOf(element as HTMLElement) as StandInElement | undefined;
  return stripe?.connector?.status === 'ready' ? stripe : undefined;
};

/** `defaultFilters` as JSON would carry it: revived dates compared as ISO strings. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null');

/** Checks that `setter` of `stripe` holds what `text` of `attribute` means. */
function expectSetting(stripe: StandInElement, attribute: string, setter: string, text: string) {
  const received = stripe.settings[setter];
  if (attribute === 'display-countries') {
    expect(received).to.deep.equal(readList(text));
    return;
  }
  const parsed = readJsonObject(text);
  if (!('value' in parsed)) throw new Error(`${attribute}=${text} should have been refused`);
  if (attribute === 'default-filters') {
    // Dates may arrive as Date objects; everything but `date` is passed through untouched.
    const { date, ...rest } = asJson(received) as Record<string, unknown>;
    const { date: sentDate, ...sentRest } = parsed.value;
    expect(rest).to.deep.equal(asJson(sentRest));
    expect(date === undefined).to.equal(sentDate === undefined);
  } else {
    expect(received).to.deep.equal(parsed.value);
  }
}

const attributeIsValid = (attribute: string, text: string | null) =>
  text === null || attribute === 'display-countries' || 'value' in readJsonObject(text);

async function runCase(initial: Values, changed: Values): Promise<void> {
  expect(takeNoise(), 'output left by the case before').to.deep.equal([]);
  const api = endpoint();
  const provider = document.createElement('ce-connect');
  provider.setAttribute('publishable-key', 'pk_test_attributes');
  provider.setAttribute('endpoint', api.url);
  if (initial.appearance !== null) provider.setAttribute('appearance', initial.appearance);
  const errors = new Map<Element, ErrorEvent[]>();
  for (const [tag, attribute] of COMPONENT_ATTRIBUTES) {
    const element = document.createElement(tag);
    const text = initial[attribute];
    if (text !== null) element.setAttribute(attribute, text);
    errors.set(element, []);
    element.addEventListener('ce-error', (event) => errors.get(element)!.push(event));
    provider.append(element);
  }
  const components = [...errors.keys()];
  document.body.append(provider);
  try {
    // 1. Values set before connecting.
    const appearanceValid = attributeIsValid('appearance', initial.appearance);
    for (const [index, element] of components.entries()) {
      const [, attribute] = COMPONENT_ATTRIBUTES[index]!;
      const valid = appearanceValid && attributeIsValid(attribute, initial[attribute]);
      await until(
        () => (valid ? readyStripe(element) : errors.get(element)!.length > 0),
        `<${element.localName}> to ${valid ? 'be ready' : 'report its configuration error'}`,
        8000,
      );
    }
    await settle();
    for (const [index, element] of components.entries()) {
      const [, attribute, setter] = COMPONENT_ATTRIBUTES[index]!;
      const text = initial[attribute];
      const valid = appearanceValid && attributeIsValid(attribute, text);
      const reported = errors.get(element)!;
      if (valid) {
        expect(reported.length, `no ce-error on <${element.localName}>`).to.equal(0);
        if (text !== null) expectSetting(readyStripe(element)!, attribute, setter, text);
      } else {
        expect(reported.length, `one ce-error on <${element.localName}>`).to.equal(1);
        expect(reported[0]!.detail.code).to.equal('configuration_error');
      }
    }
    if (appearanceValid && initial.appearance !== null) {
      const stripe = stripeElementOf(components[0] as HTMLElement)!;
      expect(stripe.connector!.appearance).to.deep.equal(
        (readJsonObject(initial.appearance) as { value: unknown }).value,
      );
    }

    // 2. Component attributes changed on live elements (when everything started well).
    const allValid = components.every((element) => errors.get(element)!.length === 0);
    if (allValid) {
      for (const [index, element] of components.entries()) {
        const [, attribute, setter] = COMPONENT_ATTRIBUTES[index]!;
        const text = changed[attribute];
        if (text === null || text === initial[attribute]) continue;
        const stripe = readyStripe(element)!;
        const calls = stripe.setterCalls[setter] ?? 0;
        element.setAttribute(attribute, text);
        const valid = attributeIsValid(attribute, text);
        await until(
          () =>
            valid ? (stripe.setterCalls[setter] ?? 0) > calls : errors.get(element)!.length > 0,
          `<${element.localName}> to take ${attribute}`,
          4000,
        );
        await settle(10);
        const reported = errors.get(element)!;
        if (valid) {
          expect(reported.length).to.equal(0);
          expectSetting(stripe, attribute, setter, text);
        } else {
          expect(reported.length, `one ce-error on <${element.localName}>`).to.equal(1);
          expect(reported[0]!.detail.code).to.equal('configuration_error');
        }
      }
    }
    // 3. The provider's appearance changed on a live session.
    if (allValid && changed.appearance !== null && changed.appearance !== initial.appearance) {
      const connector = readyStripe(components[0]!)!.connector!;
      const updates = connector.updates.length;
      const before = new Map(components.map((element) => [element, errors.get(element)!.length]));
      const newErrors = (element: Element) => errors.get(element)!.slice(before.get(element));
      provider.setAttribute('appearance', changed.appearance);
      const parsed = readJsonObject(changed.appearance);
      await until(
        () =>
          'value' in parsed
            ? connector.updates.length > updates
            : components.every((element) => newErrors(element).length > 0),
        'the provider to take its new appearance',
        4000,
      );
      await settle(10);
      for (const element of components) {
        expect(newErrors(element).length, `ce-errors on <${element.localName}>`).to.equal(
          'value' in parsed ? 0 : 1,
        );
      }
      if ('value' in parsed) {
        expect(connector.updates.at(-1)).to.deep.include({ appearance: parsed.value });
      } else {
        expect(newErrors(components[0]!)[0]!.detail.code).to.equal('configuration_error');
      }
    }
    const requests = (await api.requests()).length;
    expect(requests, 'endpoint requests').to.equal(appearanceValid ? 1 : 0);
    assertNoSecretLeaked();
    expect(takeNoise(), 'console output or unhandled rejections').to.deep.equal([]);
  } finally {
    provider.remove();
    await settle(0);
  }
}

describe('fault suite: attribute values', () => {
  it('reach the Stripe element when the documented rules accept them, else one configuration_error', async function () {
    this.timeout(60_000);
    await fc.assert(fc.asyncProperty(values, values, runCase), {
      numRuns: 30,
      includeErrorInReport: true,
      // A failing case shrinks for at most this long, then reports the smallest one found so
      // far, inside the test's own timeout.
      interruptAfterTimeLimit: 40_000,
      markInterruptAsFailure: true,
    });
  });

  it('start once an unreadable appearance is corrected', async () => {
    const api = endpoint();
    const provider = document.createElement('ce-connect');
    provider.setAttribute('publishable-key', 'pk_test_attributes');
    provider.setAttribute('endpoint', api.url);
    provider.setAttribute('appearance', '{"variables":');
    const payments = document.createElement('ce-payments');
    provider.append(payments);
    const failed = new Promise((resolve) => payments.addEventListener('ce-error', resolve));
    document.body.append(provider);
    try {
      await failed;
      provider.setAttribute('appearance', '{"variables":{"colorPrimary":"#0a2540"}}');
      const stripe = await until(() => readyStripe(payments), 'ready');
      expect(stripe.connector!.appearance).to.deep.equal({
        variables: { colorPrimary: '#0a2540' },
      });
      expect((await api.requests()).length).to.equal(1);
    } finally {
      provider.remove();
    }
  });

  it('show no stale error once a refused value is corrected', async () => {
    const api = endpoint();
    const provider = document.createElement('ce-connect');
    provider.setAttribute('publishable-key', 'pk_test_attributes');
    provider.setAttribute('endpoint', api.url);
    const onboarding = document.createElement('ce-account-onboarding');
    provider.append(onboarding);
    document.body.append(provider);
    try {
      const stripe = await until(() => readyStripe(onboarding), 'ready');
      const failed = new Promise((resolve) => onboarding.addEventListener('ce-error', resolve));
      onboarding.setAttribute('collection-options', '{"fields":');
      await failed;
      await onboarding.updateComplete;
      const panel = () => onboarding.shadowRoot!.querySelector('[part="error"]') !== null;
      expect(panel(), 'error panel shown').to.equal(true);

      onboarding.setAttribute('collection-options', '{"fields":"eventually_due"}');
      await until(() => stripe.settings['setCollectionOptions'], 'the corrected value');
      await onboarding.updateComplete;
      expect(stripe.settings['setCollectionOptions']).to.deep.equal({ fields: 'eventually_due' });
      expect(panel(), 'error panel shown').to.equal(false);
    } finally {
      provider.remove();
    }
  });
});
