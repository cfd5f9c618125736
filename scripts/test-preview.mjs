/**
 * `npm run test:preview`: the whole suite against the preview channel of `@stripe/connect-js`.
 *
 * Stripe publishes its preview components as `-preview` versions of `@stripe/connect-js`, with no
 * dist-tag; this finds the newest one (`npm view @stripe/connect-js versions --json`, or
 * `--version <v>`), copies the working tree (tracked and untracked files, not `node_modules`)
 * into a temporary folder, installs that version there (the core's dependency and an override,
 * so every package sees the same one), runs `npm run build` (which runs `npm run generate`: the
 * elements of the preview's components are written, by hand nothing) and then each step of
 * `npm test`, and reports. The repository itself is not touched; `--keep` keeps the copy.
 *
 * On a machine that must run one browser suite at a time, `TEST_PREVIEW_BROWSER_LOCK=<file>`
 * runs the browser step under `flock <file>`.
 */
import { spawn, execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
} from 'node:fs';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const PACKAGE = '@stripe/connect-js';
const MIGRATION_CHECK = 'test/types/react-connect-js-migration.ts';
const argument = (name) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};

/** `3.4.5-preview.0` → [[3, 4, 5], ['preview', 0]]. */
function parseVersion(version) {
  const [core, pre = ''] = version.split(/-(.*)/s);
  const identifiers = pre
    .split(/[.-]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  return [core.split('.').map(Number), identifiers];
}

/** Semver order of two versions (a release after its prereleases; numbers below words). */
export function compareVersions(a, b) {
  const [coreA, preA] = parseVersion(a);
  const [coreB, preB] = parseVersion(b);
  for (let i = 0; i < 3; i++) if (coreA[i] !== coreB[i]) return coreA[i] - coreB[i];
  // A release comes after its prereleases.
  if (!preA.length || !preB.length) return preB.length - preA.length;
  for (let i = 0; i < Math.max(preA.length, preB.length); i++) {
    const x = preA[i];
    const y = preB[i];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    if (x === y) continue;
    if (typeof x === typeof y) return x < y ? -1 : 1;
    return typeof x === 'number' ? -1 : 1;
  }
  return 0;
}

/** The newest `-preview` version of `@stripe/connect-js` on the registry. */
export function newestPreview(versions) {
  const previews = versions.filter((version) => version.includes('-preview'));
  if (!previews.length) throw new Error(`${PACKAGE} has no -preview version.`);
  return previews.sort(compareVersions).at(-1);
}

/** Runs `command`, echoing its output; resolves with the output and exit code. */
function run(command, args, cwd) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const echo = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', echo(process.stdout));
    child.stderr.on('data', echo(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** The working tree's files (tracked and untracked, ignored ones left out), copied to `target`. */
export function copyWorkingTree(target) {
  const listed = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  for (const file of listed.split('\0').filter(Boolean)) {
    if (!existsSync(join(repoRoot, file))) continue; // deleted, not yet committed
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(join(repoRoot, file), join(target, file));
  }
}

const editJson = (file, edit) => {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  edit(data);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
};

/**
 * `Browser: 10 passed, 0 failed, 1 skipped` → `{passed: 10, failed: 0, skipped: 1}`, summed over
 * every such line (the browser suite, then its React 18 run).
 */
function counts(output, label) {
  const matches = [
    ...output.matchAll(new RegExp(`${label}: (\\d+) passed, (\\d+) failed, (\\d+) skipped`, 'g')),
  ];
  if (!matches.length) return undefined;
  const sum = (index) => matches.reduce((total, match) => total + Number(match[index]), 0);
  return { passed: sum(1), failed: sum(2), skipped: sum(3) };
}

async function main() {
  const version =
    argument('--version') ??
    newestPreview(
      JSON.parse(
        execFileSync('npm', ['view', PACKAGE, 'versions', '--json'], { encoding: 'utf8' }),
      ),
    );
  const copy = mkdtempSync(join(tmpdir(), 'connect-elements-preview-'));
  console.log(`Testing against ${PACKAGE}@${version} in ${copy}`);
  const steps = [];
  let ok = false;
  try {
    copyWorkingTree(copy);
    // The migration guide's type check compares the components with the GA
    // @stripe/react-connect-js; against a preview it would compare two different releases (a
    // preview can predate the GA's newest setter, and Stripe's React previews name some props and
    // components their own way), so it is a GA check only.
    rmSync(join(copy, MIGRATION_CHECK));
    console.log(`without ${MIGRATION_CHECK} (a check against the GA release only)`);
    editJson(join(copy, 'packages/core/package.json'), (pkg) => {
      pkg.dependencies[PACKAGE] = version;
    });
    // One version for every package (@stripe/react-connect-js asks for a GA range as its peer).
    editJson(join(copy, 'package.json'), (pkg) => {
      pkg.overrides = { ...pkg.overrides, [PACKAGE]: version };
    });
    const install = await run('npm', ['install', '--no-audit', '--no-fund'], copy);
    steps.push({ step: 'npm install', code: install.code });
    const installed = JSON.parse(
      readFileSync(join(copy, 'node_modules', PACKAGE, 'package.json'), 'utf8'),
    ).version;
    if (install.code !== 0 || installed !== version) {
      throw new Error(`${PACKAGE}@${version} was not installed (found ${installed}).`);
    }
    const build = await run('npm', ['run', 'build'], copy);
    steps.push({ step: 'npm run build', code: build.code });
    const elements = readdirSync(join(copy, 'packages/core/src/components')).length;
    // Each step of `npm test`, as package.json says it, so the steps that open Chromium can take
    // the lock.
    const testScript = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')).scripts.test;
    const lock = process.env.TEST_PREVIEW_BROWSER_LOCK;
    let output = '';
    for (const step of testScript.split('&&').map((part) => part.trim())) {
      const [command, ...args] = step.split(/\s+/);
      const result =
        lock && /^npm run test:(browser|react-18|tarballs)$/.test(step)
          ? await run('flock', [lock, command, ...args], copy)
          : await run(command, args, copy);
      output += result.output;
      steps.push({ step, code: result.code });
      if (result.code !== 0) break;
    }
    const report = {
      version,
      elements,
      node: counts(output, 'Node'),
      browser: counts(output, 'Browser'),
      steps,
    };
    ok = steps.every(({ code }) => code === 0) && build.code === 0;
    mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
    writeFileSync(
      join(repoRoot, 'test-results/preview.json'),
      `${JSON.stringify(report, null, 2)}\n`,
    );
    console.log(`\n${PACKAGE}@${version}: ${elements} component elements generated`);
    for (const { step, code } of steps) console.log(`  ${code === 0 ? 'ok  ' : 'FAIL'} ${step}`);
    for (const label of ['node', 'browser']) {
      const c = report[label];
      if (c)
        console.log(`  ${label}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
    }
    console.log(ok ? 'test:preview passed' : 'test:preview FAILED');
  } finally {
    if (process.argv.includes('--keep')) console.log(`The copy is kept in ${copy}`);
    else rmSync(copy, { recursive: true, force: true });
  }
  process.exitCode = ok ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
