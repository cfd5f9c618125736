/**
 * Fault suite: whatever the host endpoint answers — any status, content type, body (JSON or
 * not, truncated, huge), delay or cut connection — an element ends either with its Stripe
 * element's session ready, or with exactly one `ce-error` whose code docs/errors.md names. Never an
 * unhandled rejection, a console line, or a client secret anywhere a page can read.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../packages/core/src/define.js';
import type { StandInElement } from '../../packages/testing/src/stand-in/connect-js.js';
import { assertNoSecretLeaked, stripeElementOf, takeNoise, until } from './support/harness.js';

const ERROR_CODES = [
  'configuration_error',
  'endpoint_http_error',
  'endpoint_network_error',
  'endpoint_timeout',
  'endpoint_invalid_response',
  'script_load_error',
  'stripe_error',
];

/** Statuses whose responses carry no body, whatever the server wrote (Fetch's null-body statuses). */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/** The largest answer the kit reads (`ANSWER_LIMIT_BYTES`): 64 KiB. */
const ANSWER_LIMIT = 64 * 1024;

/**
 * Statuses a fetch with `redirect: 'manual'` answers as an opaque redirect. Chromium does so
 * with or without a `Location` header (the Fetch standard would hand over a 3xx without one).
 */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** What the stand-in Connect.js accepts as an AccountSession secret. */
const SESSION_SECRET = /^accs_secret__\S+$/;

interface Answer {
  status: number;
  type: string;
  body: string;
  repeat: number;
  pad: number;
  delay: number;
  cut: 'headers' | 'body' | null;
  /** Answer late, past a short `timeout` on the element. */
  late: boolean;
  standalone: boolean;
  component: 'payments' | 'account-onboarding' | 'balances';
  /** A `Location` header to send (the examples' redirects). */
  location?: string;
}

type Outcome = { code: string; status?: number } | { secret: string };

const utf8 = new TextEncoder();

/** The bytes the fault endpoint sends for `answer` (before a cut). */
function bodyBytes({ body, repeat, pad }: Answer): Uint8Array {
  const once = utf8.encode(body);
  const bytes = new Uint8Array(pad + once.length * repeat);
  bytes.fill(0x20, 0, pad);
  for (let index = 0; index < repeat; index += 1) bytes.set(once, pad + index * once.length);
  return bytes;
}

/**
 * Whether the connection closes before the browser has any answer. Node writes nothing of a 204
 * or 304 (bodiless statuses) until the response ends, so a cut in the body comes before it too.
 */
const cutBeforeAnswer = ({ cut, status }: Answer) =>
  cut === 'headers' || (cut === 'body' && (status === 204 || status === 304));

/**
 * Whether Chromium may send the request again by itself: it retries a request whose reused
 * keep-alive connection closed before an answer, or answered 408. The kit still calls fetch once.
 */
const browserMayRetry = (answer: Answer) => cutBeforeAnswer(answer) || answer.status === 408;

/** The host-endpoint contract (docs/elements.md, docs/errors.md), written out: what an element must end with. */
function expectedOutcome(answer: Answer): Outcome {
  if (answer.late) return { code: 'endpoint_timeout' };
  if (cutBeforeAnswer(answer)) return { code: 'endpoint_network_error' };
  // Chromium does not hand a page a 407 from an origin server (only a proxy may ask for proxy
  // authentication): fetch fails as if the endpoint could not be reached.
  if (answer.status === 407) return { code: 'endpoint_network_error' };
  // A redirect is never followed, and the browser hides its status.
  if (REDIRECT_STATUSES.has(answer.status)) return { code: 'endpoint_http_error' };
  if (answer.status < 200 || answer.status > 299) {
    return { code: 'endpoint_http_error', status: answer.status };
  }
  const bytes = NULL_BODY_STATUSES.has(answer.status) ? new Uint8Array() : bodyBytes(answer);
  // Its Content-Length already says it is over the limit: refused before the cut is seen.
  if (answer.cut === 'body' && bytes.length > 0) {
    return {
      code: bytes.length > ANSWER_LIMIT ? 'endpoint_invalid_response' : 'endpoint_network_error',
    };
  }
  if (bytes.length > ANSWER_LIMIT) return { code: 'endpoint_invalid_response' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return { code: 'endpoint_invalid_response' };
  }
  const record = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<
    string,
    unknown
  >;
  const secret = record['client_secret'] ?? record['clientSecret'];
  return typeof secret === 'string' && secret !== ''
    ? { secret }
    : { code: 'endpoint_invalid_response' };
}

const base64 = (bytes: Uint8Array) => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};

// --- arbitraries ---------------------------------------------------------------------------

const sessionSecret = fc.stringMatching(/^accs_secret__[A-Za-z0-9]{4,24}$/);
const secretValue = fc.oneof(
  { weight: 6, arbitrary: sessionSecret },
  { weight: 1, arbitrary: fc.string({ maxLength: 24 }) }, // a string Stripe may refuse
  { weight: 1, arbitrary: fc.constantFrom<unknown>('', null, 0, 42, true, false, [], {}) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);
/** JSON objects shaped like an answer: a secret under one of several keys, and extras. */
const answerLike = fc
  .record({
    key: fc.constantFrom('client_secret', 'clientSecret', 'client-secret', 'secret'),
    value: secretValue,
    extra: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), {
      maxKeys: 3,
    }),
  })
  .map(({ key, value, extra }) => JSON.stringify({ ...extra, [key]: value }));

const body = fc.oneof(
  { weight: 6, arbitrary: answerLike },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
  {
    weight: 2,
    arbitrary: answerLike.chain((text) =>
      fc.nat({ max: text.length - 1 }).map((end) => text.slice(0, end)),
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      'null',
      '[]',
      '"accs_secret__alone"',
      '<!doctype html><title>Sign in</title><p>Please sign in</p>',
      '\uFEFF{"client_secret":"accs_secret__bom"}',
    ),
  },
);

const answers: fc.Arbitrary<Answer> = fc.record({
  status: fc.oneof(
    { weight: 3, arbitrary: fc.constant(200) },
    { weight: 2, arbitrary: fc.integer({ min: 200, max: 599 }) },
  ),
  type: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/html',
    'text/plain',
    'application/octet-stream',
    '',
  ),
  body,
  // Huge bodies: megabytes of leading whitespace (still JSON), or the body many times over.
  repeat: fc.oneof(
    { weight: 8, arbitrary: fc.constant(1) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 3000 }) },
  ),
  pad: fc.oneof(
    { weight: 8, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 100_000, max: 3_000_000 }) },
  ),
  delay: fc.integer({ min: 0, max: 40 }),
  cut: fc.oneof(
    { weight: 8, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant('headers' as const) },
    { weight: 1, arbitrary: fc.constant('body' as const) },
  ),
  late: fc.oneof(
    { weight: 9, arbitrary: fc.constant(false) },
    { weight: 1, arbitrary: fc.constant(true) },
  ),
  standalone: fc.boolean(),
  component: fc.constantFrom(
    'payments' as const,
    'account-onboarding' as const,
    'balances' as const,
  ),
});

// --- the property --------------------------------------------------------------------------

const LATE_TIMEOUT = 60;

function endpointUrl(answer: Answer, bucket: string): string {
  const params = new URLSearchParams({
    bucket,
    status: String(answer.status),
    type: answer.type,
    body: base64(utf8.encode(answer.body)),
    repeat: String(answer.repeat),
    pad: String(answer.pad),
    delay: String(answer.late ? LATE_TIMEOUT + 400 : answer.delay),
    ...(answer.cut && { cut: answer.cut }),
    ...(answer.location && { location: answer.location }),
  });
  return `/api/fault?${params}`;
}

const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

/** The kit's `fetch` calls, by URL (the server may count more: see `browserMayRetry`). */
const fetchCalls = new Map<string, number>();
const originalFetch = window.fetch;
window.fetch = (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  fetchCalls.set(url, (fetchCalls.get(url) ?? 0) + 1);
  return originalFetch(input, init);
};

async function runCase(answer: Answer): Promise<void> {
  expect(takeNoise(), 'output left by the case before').to.deep.equal([]);
  const bucket = crypto.randomUUID();
  const url = endpointUrl(answer, bucket);
  const element = document.createElement(`ce-${answer.component}`);
  const configured = answer.standalone ? element : document.createElement('ce-connect');
  configured.setAttribute('publishable-key', 'pk_test_fault');
  configured.setAttribute('endpoint', url);
  if (answer.late) configured.setAttribute('timeout', String(LATE_TIMEOUT));
  if (!answer.standalone) configured.append(element);
  const errors: CustomEvent<{ code: string; status?: number; message: string }>[] = [];
  element.addEventListener('ce-error', (event) => errors.push(event));
  document.body.append(configured);
  try {
    const expected = expectedOutcome(answer);
    if ('code' in expected) {
      await until(() => errors.length > 0, `ce-error ${expected.code}`, 8000);
    } else {
      const stripe = await until(
        () => {
          const found = stripeElementOf(element) as StandInElement | undefined;
          return found?.connector && found.connector.status !== 'loading' ? found : undefined;
        },
        'the Stripe element to get its session',
        8000,
      );
      // The kit hands the secret over untouched; the stand-in, like Stripe, refuses a bad one.
      expect(stripe.connector!.status).to.equal(
        SESSION_SECRET.test(expected.secret) ? 'ready' : 'failed',
      );
    }
    await settle(); // a second ce-error would arrive here
    if ('code' in expected) {
      expect(errors.length, 'exactly one ce-error').to.equal(1);
      const { detail } = errors[0]!;
      expect(ERROR_CODES).to.include(detail.code);
      expect(detail.code).to.equal(expected.code);
      if (expected.status) expect(detail.status).to.equal(expected.status);
      expect(detail.message).to.be.a('string').and.not.empty;
      const session = (stripeElementOf(element) as StandInElement | undefined)?.connector;
      expect(session?.status ?? 'none', 'no Stripe session is ready').not.to.equal('ready');
    } else {
      expect(errors.length, 'no ce-error').to.equal(0);
    }
    expect(fetchCalls.get(url), 'endpoint requests made').to.equal(1);
    const served = (await (await fetch(`/api/fault/requests?bucket=${bucket}`)).json()) as number;
    if (answer.late) {
      // Aborted at the element's timeout: on a busy machine before the server saw it.
      expect(served, 'endpoint requests served').to.be.at.most(1);
    } else if (browserMayRetry(answer)) {
      expect(served, 'endpoint requests served').to.be.at.least(1);
    } else {
      expect(served, 'endpoint requests served').to.equal(1);
    }
    assertNoSecretLeaked();
    expect(takeNoise(), 'console output or unhandled rejections').to.deep.equal([]);
  } finally {
    configured.remove();
    await settle(0);
  }
}

describe('fault suite: endpoint answers', () => {
  it('end in a ready Stripe element or exactly one ce-error with a documented code', async function () {
    this.timeout(60_000);
    await fc.assert(fc.asyncProperty(answers, runCase), {
      numRuns: 40,
      includeErrorInReport: true,
      // A failing case shrinks for at most this long, then reports the smallest one found so
      // far, inside the test's own timeout.
      interruptAfterTimeLimit: 40_000,
      markInterruptAsFailure: true,
    });
  });

  // Cases worth keeping whatever the generator draws.
  const examples: Array<[string, Partial<Answer>]> = [
    ['a 2 MB answer with the secret after the padding', { pad: 2_000_000 }],
    ['an answer of exactly 64 KiB', { pad: ANSWER_LIMIT - 40 }],
    ['an answer of 64 KiB and one byte', { pad: ANSWER_LIMIT - 39 }],
    ['a 2 MB answer cut in its body', { pad: 2_000_000, cut: 'body' }],
    // Half of it arrives before the cut, under the limit; its Content-Length says more than 64 KiB.
    ['a 100 kB answer cut in its body', { pad: 100_000, cut: 'body' }],
    ['a 307 to another page', { status: 307, location: '/api/fault?bucket=elsewhere' }],
    ['a 302 to another origin', { status: 302, location: 'https://evil.example/steal' }],
    ['a 301 with no Location', { status: 301 }],
    ['the secret under a byte-order mark', { body: '\uFEFF{"client_secret":"accs_secret__bom"}' }],
    ['a 204 with a JSON body', { status: 204 }],
    ['a cut after the headers', { cut: 'body' }],
    ['a cut before the headers', { cut: 'headers' }],
    ['an answer past the timeout', { late: true }],
    ['an empty 200', { body: '' }],
    ['a 407 from the endpoint', { status: 407 }],
    ['a 408', { status: 408 }],
    ['a 204 cut in its body', { status: 204, pad: 100, cut: 'body' }],
    ['a 205 cut in its body', { status: 205, pad: 100, cut: 'body' }],
    ['a 205', { status: 205 }],
    ['a 304 cut in its body', { status: 304, pad: 100, cut: 'body' }],
  ];
  for (const [what, overrides] of examples) {
    it(`handles ${what}`, () =>
      runCase({
        status: 200,
        type: 'application/json',
        body: '{"client_secret":"accs_secret__example"}',
        repeat: 1,
        pad: 0,
        delay: 0,
        cut: null,
        late: false,
        standalone: false,
        component: 'payments',
        ...overrides,
      }));
  }
});
