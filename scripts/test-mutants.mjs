/**
 * `npm run test:mutants`: hand-written mutants of the kit's key behaviours, each of which the
 * suite must kill. The working tree is copied to a temporary folder (its `node_modules` linked,
 * the workspace packages pointing into the copy); each mutant replaces one piece of code there,
 * runs only the test files that cover the behaviour, and is killed when a test of them fails (a
 * run that fails without a failed test, such as code that no longer compiles, is no kill). A baseline
 * run of those files on the unmutated copy comes first, so a failure means the mutant. Writes
 * `test-results/mutants.json`; exits non-zero when a mutant survives or no longer applies.
 *
 * Opens Chromium: on a machine that runs one browser suite at a time, run it under the lock
 * (`flock <lock> npm run test:mutants`). `--only <id>` runs one mutant; `--keep` keeps the copy.
 */
import { spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyWorkingTree } from './test-preview.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const browser = (...files) => [
  'npm',
  'run',
  'test:browser',
  '--',
  ...files.flatMap((file) => ['--files', `test/browser/${file}`]),
];
const node = (...files) => [
  'node',
  '--import',
  'tsx',
  '--test',
  '--test-reporter=./test/support/node-summary-reporter.mjs',
  ...files.map((file) => `test/node/${file}`),
];

/**
 * The mutants: `file` gets `find` (which must occur exactly once) replaced by `replace`, and
 * `test` must then fail.
 */
export const MUTANTS = [
  {
    id: 'retry-button',
    behaviour: 'the error panel’s retry button starts over',
    file: 'packages/core/src/error-controller.ts',
    find: "retry.addEventListener('click', () => this.retry());",
    replace: "retry.addEventListener('click', () => undefined);",
    test: browser('errors.test.ts'),
  },
  {
    id: 'late-provider',
    behaviour: 'a component finds a <ce-connect> defined after it',
    file: 'packages/core/src/connect-session-controller.ts',
    find: 'if (this.host.isConnected && !this.session) this.settle(true);',
    replace: 'void this.host;',
    test: browser('lifecycle.test.ts'),
  },
  {
    id: 'one-request',
    behaviour: 'calls of fetchClientSecret made while one is in flight share its request',
    file: 'packages/core/src/client-secret-fetcher.ts',
    find: 'this.inFlight ??= this.request()',
    replace: 'this.inFlight = this.request()',
    test: browser('connect-provider.test.ts', 'lifecycle.test.ts'),
  },
  {
    id: 'core-scrubbing',
    behaviour: 'every message the kit emits has secrets and keys replaced by [redacted]',
    file: 'packages/core/src/secret-scrubbing.ts',
    find: 'return SECRET_PATTERNS.reduce((scrubbed, pattern) => scrubbed.replace(pattern, REDACTED), text);',
    replace: 'return text;',
    test: browser('security.test.ts'),
  },
  {
    id: 'server-scrubbing',
    behaviour: 'no answer or report of the server carries a secret key or client secret',
    file: 'packages/server/src/secret-scrubbing.ts',
    find: 'SECRET_PATTERNS.reduce(',
    replace: '[].reduce(',
    test: node('suite.test.ts'),
  },
  {
    id: 'redirect-refusal',
    behaviour: 'no endpoint call follows a redirect',
    file: 'packages/core/src/endpoint-request.ts',
    find: "redirect: 'manual',",
    replace: "redirect: 'follow',",
    test: browser('security.test.ts'),
  },
  {
    id: 'move-keeps-element',
    behaviour: 'a move within one task keeps the Stripe element and makes no request',
    file: 'packages/core/src/connect-session-controller.ts',
    find: 'this.settleTimer ??= setTimeout(() => {',
    replace: 'this.settle(true);\n    this.settleTimer ??= setTimeout(() => {',
    test: browser('lifecycle.test.ts', 'page-lifecycle.test.ts'),
  },
  {
    id: 'allowlist-narrowing',
    behaviour: 'the request body only narrows the server’s allowlist',
    file: 'packages/server/src/component-allowlist.ts',
    find: 'const names = wanted ? allowed.filter((name) => wanted.has(name)) : allowed;',
    replace: 'const names = allowed;',
    test: node('suite.test.ts'),
  },
  {
    id: 'morph-restores-element',
    behaviour: 'a patch that removes the Stripe element while the component stays has it put back',
    file: 'packages/core/src/connect-component-element.ts',
    find: 'if (own && own.parentNode !== this) this.append(own);',
    replace: 'void own;',
    test: browser('page-lifecycle.test.ts'),
  },
  {
    id: 'stale-children-removed',
    behaviour: 'stripe-connect-* children the component did not create are removed',
    file: 'packages/core/src/connect-component-element.ts',
    find: 'if (child !== own && isStripeElement(child)) child.remove();',
    replace: 'void child;',
    test: browser('page-lifecycle.test.ts'),
  },
  {
    id: 'defer-hydration',
    behaviour: 'an element with defer-hydration stays inert until the attribute goes',
    file: 'packages/core/src/endpoint-options-element.ts',
    find: 'this.hydrationDeferred = this.hasAttribute(DEFER_HYDRATION);',
    replace: 'this.hydrationDeferred = false;',
    test: browser('page-lifecycle.test.ts', 'financial-connections-options.test.ts'),
  },
  {
    id: 'provider-by-id',
    behaviour: 'provider="id" names a <ce-connect> anywhere in the document',
    file: 'packages/core/src/provider-lookup.ts',
    find: 'const id = host.provider;',
    replace: 'const id = undefined as string | undefined;',
    test: browser('page-lifecycle.test.ts', 'financial-connections-options.test.ts'),
  },
  {
    id: 'json-only-415',
    behaviour: 'the server answers 415 to a body that is not application/json',
    file: 'packages/server/src/session-endpoint.ts',
    find: "if (!isJsonContentType(request.headers.get('content-type'))) {",
    replace: "if (!isJsonContentType('application/json')) {",
    test: node('suite.test.ts'),
  },
  {
    id: 'client-gone',
    behaviour: 'no Stripe call for a client that went away (499), through toNodeHandler too',
    file: 'packages/server/src/session-endpoint.ts',
    find: 'if (gone()) return errorAnswer(499, ANSWER_MESSAGES.clientGone);',
    replace: 'if (gone() && !gone()) return errorAnswer(499, ANSWER_MESSAGES.clientGone);',
    test: node('suite.test.ts'),
  },
  {
    id: 'secret-key-refused',
    behaviour: 'a secret or restricted key as publishable key is a configuration_error',
    file: 'packages/core/src/publishable-key.ts',
    find: 'if (/^(sk|rk)_/.test(key)) {',
    replace: 'if (/^(xx)_/.test(key)) {',
    test: browser('errors.test.ts'),
  },
];

const argument = (name) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};

/** `copy/node_modules`: links to the repository's, with the workspace packages the copy's own. */
function linkNodeModules(copy) {
  const source = join(repoRoot, 'node_modules');
  const target = join(copy, 'node_modules');
  mkdirSync(target);
  for (const entry of readdirSync(source)) {
    if (entry !== '@connect-elements') symlinkSync(join(source, entry), join(target, entry));
  }
  mkdirSync(join(target, '@connect-elements'));
  for (const dir of readdirSync(join(copy, 'packages'))) {
    const { name } = JSON.parse(readFileSync(join(copy, 'packages', dir, 'package.json'), 'utf8'));
    symlinkSync(join(copy, 'packages', dir), join(target, name));
  }
}

/** Runs `[command, ...args]` in `cwd`; resolves with the exit code and the output's tail. */
function run([command, ...args], cwd) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, tail: output.slice(-2000) }));
  });
}

async function main() {
  const only = argument('--only');
  const mutants = only ? MUTANTS.filter((mutant) => mutant.id === only) : MUTANTS;
  if (!mutants.length) throw new Error(`No mutant ${only}.`);
  const copy = mkdtempSync(join(tmpdir(), 'connect-elements-mutants-'));
  const results = [];
  try {
    copyWorkingTree(copy);
    linkNodeModules(copy);

    const commands = [...new Set(mutants.map((mutant) => JSON.stringify(mutant.test)))];
    for (const command of commands) {
      const baseline = await run(JSON.parse(command), copy);
      if (baseline.code !== 0) {
        console.log(baseline.tail);
        throw new Error(`The unmutated copy fails ${JSON.parse(command).join(' ')}.`);
      }
      console.log(`baseline ok   ${JSON.parse(command).join(' ')}`);
    }

    for (const mutant of mutants) {
      const path = join(copy, mutant.file);
      const original = readFileSync(path, 'utf8');
      const occurrences = original.split(mutant.find).length - 1;
      if (occurrences !== 1) {
        results.push({ ...mutant, outcome: 'stale', detail: `found ${occurrences} times` });
        console.log(
          `STALE    ${mutant.id}: its code occurs ${occurrences} times in ${mutant.file}`,
        );
        continue;
      }
      writeFileSync(path, original.replace(mutant.find, mutant.replace));
      const started = Date.now();
      const { code, tail } = await run(mutant.test, copy);
      writeFileSync(path, original);
      const failedTests = Number(/(?:Node|Browser): \d+ passed, (\d+) failed/.exec(tail)?.[1] ?? 0);
      const outcome = code === 0 ? 'survived' : failedTests > 0 ? 'killed' : 'errored';
      const seconds = Math.round((Date.now() - started) / 1000);
      results.push({
        id: mutant.id,
        behaviour: mutant.behaviour,
        file: mutant.file,
        outcome,
        seconds,
      });
      console.log(
        `${outcome === 'killed' ? 'killed  ' : 'SURVIVED'} ${mutant.id} (${seconds} s): ${mutant.behaviour}`,
      );
      if (outcome === 'survived') console.log(tail);
    }
  } finally {
    if (process.argv.includes('--keep')) console.log(`The copy is kept in ${copy}`);
    else rmSync(copy, { recursive: true, force: true });
  }
  mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
  writeFileSync(
    join(repoRoot, 'test-results', 'mutants.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  const killed = results.filter((result) => result.outcome === 'killed').length;
  console.log(`Mutants: ${killed} killed of ${results.length}`);
  process.exitCode = killed === results.length ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
