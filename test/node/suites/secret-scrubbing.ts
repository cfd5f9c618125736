import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SanitizedError, scrubSecrets } from '../../../packages/server/src/index.js';
import { sanitizeError } from '../../../packages/server/src/sanitized-error.js';
import { findLeaks, SECRET_KEY } from '../support/leak-ledger.js';

export function secretScrubbingSuite(): void {
  describe('secret scrubbing', () => {
    it('removes API keys, client secrets and bearer tokens', () => {
      const secrets = [
        SECRET_KEY,
        'sk_live_51AbCdEf0123456789',
        'rk_test_51AbCdEf0123456789',
        'sk_test_****************wxyz',
        'whsec_0123456789abcdef',
        'ek_test_YWNjdF8xMjM0',
        'accs_secret__AbCdEf0123456789',
        'accs_secret__offline_AbCd0123_1893553445',
        'fcsess_client_secret_AbCdEf0123456789',
        'pi_3AbCdEf_secret_0123456789',
        'seti_1AbCdEf_secret_0123456789',
      ];
      for (const secret of secrets) {
        assert.equal(scrubSecrets(`failed (${secret}).`), 'failed ([redacted]).', secret);
      }
      assert.equal(scrubSecrets('Authorization: Bearer sk_abc.def'), 'Authorization: [redacted]');
      assert.equal(scrubSecrets(`key=${SECRET_KEY}&x=1`), 'key=[redacted]&x=1');
    });

    it('keeps ids and words that only look alike', () => {
      const text =
        'acct_1Abc cus_9Xyz fcsess_1Abc fca_1Abc req_123 pk_test_51Abc desk_top risk_level task_id sk_ secretary';
      assert.equal(scrubSecrets(text), text);
    });

    it('sanitizes anything thrown into a SanitizedError with no secret', () => {
      const fromString = sanitizeError(`no access with ${SECRET_KEY}`);
      assert.ok(fromString instanceof SanitizedError);
      assert.equal(fromString.message, 'no access with [redacted]');
      assert.match(sanitizeError(null).message, /non-error value was thrown \(null\)/);
      assert.match(sanitizeError({ key: SECRET_KEY }).message, /\(object\)/);
      assert.doesNotMatch(sanitizeError({ key: SECRET_KEY }).message, /sk_/);
    });

    it('keeps a chain of three causes, scrubbed, and no more', () => {
      let error = new Error(`root ${SECRET_KEY}`);
      for (let level = 1; level <= 5; level++)
        error = new Error(`level ${level}`, { cause: error });
      const sanitized = sanitizeError(error);
      const messages: string[] = [];
      for (let current: unknown = sanitized; current instanceof Error; current = current.cause) {
        messages.push(current.message);
      }
      assert.deepEqual(messages, ['level 5', 'level 4', 'level 3', 'level 2']);
      assert.doesNotMatch(sanitized.stack ?? '', /sk_test/);
    });

    it('the leak scan finds a planted secret, except as a 200 answer’s client_secret', () => {
      const planted = 'accs_secret__Planted0001';
      const leaks = findLeaks({
        secrets: new Set([SECRET_KEY, planted]),
        answers: [
          {
            where: 'ok',
            status: 200,
            headers: {},
            body: JSON.stringify({ client_secret: planted }),
          },
          {
            where: 'echo',
            status: 200,
            headers: {},
            body: JSON.stringify({ client_secret: 'x', note: planted }),
          },
          { where: 'header', status: 400, headers: { 'x-key': SECRET_KEY }, body: '{}' },
        ],
        reports: [
          {
            error: new SanitizedError(
              'Error',
              'fine',
              {},
              undefined,
              new SanitizedError('Error', planted),
            ),
            context: {
              endpoint: 'account_session',
              stage: 'stripe',
              status: 502,
              method: 'POST',
              path: '/',
            },
          },
        ],
      });
      assert.deepEqual(leaks, [
        'echo (200) body: accs_secret__P…',
        'header (400) headers: sk_test_51Node…',
        'onError account_session/stripe: accs_secret__P…',
      ]);
    });
  });
}
