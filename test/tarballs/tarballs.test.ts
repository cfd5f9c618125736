/**
 * `npm run test:tarballs` (after `npm run build`): the packages as a user installs them. Every
 * workspace package is packed as `npm publish` would pack it and installed, from the tarballs and
 * the npm cache, into two fresh projects outside the workspace:
 *
 * - a front end (core, react, vue, testing, with React, Vue and playwright-core, and no `stripe`),
 * - a server (server and testing, with `stripe`).
 *
 * Then: the packed manifests; each package's dependencies against what its `dist/` imports; every
 * public entry imported in Node; the types checked by `tsc` with `skipLibCheck: false`; and a Vite
 * build of a page using the installed core and React packages, served with the installed server
 * package on the offline Stripe and opened in Chromium through the testing package's Playwright
 * helpers, with Stripe's CDN stood in for. `CE_KEEP_TARBALL_PROJECTS=1` keeps the projects.
 */
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import ts from 'typescript';
import { build } from 'vite';
import { packWorkspaces, repoRoot, type PackedPackage } from '../../scripts/pack-workspaces.js';

const run = promisify(execFile);
const here = new URL('./', import.meta.url);

interface Manifest {
  name: string;
  exports: Record<string, unknown>;
  sideEffects?: boolean | string[];
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** The version of a package installed in the workspace, so the projects install from the cache. */
const workspaceVersion = (name: string): string =>
  (
    JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

const work = mkdtempSync(join(tmpdir(), 'ce-tarballs-'));
const frontEnd = join(work, 'front-end');
const server = join(work, 'server');
let packed: PackedPackage[] = [];

const tarballOf = (name: string): string => {
  const found = packed.find((each) => each.name === name);
  assert.ok(found, `${name} was packed`);
  return `file:${found.tarball}`;
};

/** A project's package.json: the given kit packages from their tarballs, the rest from the cache. */
function projectManifest(kit: string[], others: string[]) {
  return {
    name: 'connect-elements-tarball-smoke',
    private: true,
    type: 'module',
    dependencies: Object.fromEntries([
      ...kit.map((name) => [name, tarballOf(name)]),
      ...others.map((name) => [name, workspaceVersion(name)]),
    ]),
    // The react and vue packages depend on the core by version; it is not on the registry yet.
    overrides: { '@connect-elements/core': tarballOf('@connect-elements/core') },
  };
}

async function install(project: string, manifest: object): Promise<void> {
  mkdirSync(project, { recursive: true });
  await writeFile(join(project, 'package.json'), JSON.stringify(manifest, null, 2));
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: project,
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
}

/** Runs `node <args>` in `project` and returns its stdout. */
async function nodeIn(project: string, args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, args, {
    cwd: project,
    env: { ...process.env, NODE_OPTIONS: '' },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

const installedManifest = (project: string, name: string): Manifest =>
  JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')) as Manifest;

/** The package a bare specifier names: `@scope/name/sub` → `@scope/name`, `lit-html/x.js` → `lit-html`. */
const packageOf = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const isBuiltin = (specifier: string) =>
  specifier.startsWith('node:') || builtinModules.includes(specifier);

/** The packages the `.js` and the `.d.ts` files under `dir` import, by TypeScript's reading. */
function importedPackages(dir: string, self: string) {
  const runtime = new Set<string>();
  const types = new Set<string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(d\.ts|js)$/.test(entry.name)) {
        const { importedFiles } = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
        for (const { fileName } of importedFiles) {
          if (fileName.startsWith('.') || isBuiltin(fileName)) continue;
          const name = packageOf(fileName);
          if (name !== self) (entry.name.endsWith('.d.ts') ? types : runtime).add(name);
        }
      }
    }
  };
  walk(dir);
  return { runtime, types };
}

const sorted = (values: Iterable<string>) => [...values].sort();

describe('the packages as installed from their tarballs', { timeout: 240_000 }, () => {
  before(async () => {
    packed = await packWorkspaces(mkdirSync(join(work, 'tarballs'), { recursive: true })!);
    cpSync(new URL('front-end/', here), frontEnd, { recursive: true });
    cpSync(new URL('server/', here), server, { recursive: true });
    // Run from inside each project, so that its imports resolve there.
    for (const project of [frontEnd, server]) {
      cpSync(new URL('import-entries.mjs', here), join(project, 'import-entries.mjs'));
    }
    await Promise.all([
      install(
        frontEnd,
        projectManifest(
          [
            '@connect-elements/core',
            '@connect-elements/react',
            '@connect-elements/vue',
            '@connect-elements/testing',
          ],
          ['react', 'react-dom', 'vue', 'playwright-core', '@types/react'],
        ),
      ),
      install(
        server,
        projectManifest(
          ['@connect-elements/server', '@connect-elements/testing'],
          ['stripe', '@types/node'],
        ),
      ),
    ]);
  });

  after(() => {
    if (process.env['CE_KEEP_TARBALL_PROJECTS']) console.log(`projects kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  });

  it('publishes no source condition and no src/ file among the side effects', () => {
    for (const { name } of packed) {
      const project = name === '@connect-elements/server' ? server : frontEnd;
      const manifest = installedManifest(project, name);
      assert.doesNotMatch(JSON.stringify(manifest.exports), /"source"/, name);
      if (Array.isArray(manifest.sideEffects)) {
        assert.deepEqual(
          manifest.sideEffects.filter((file) => !file.startsWith('./dist/')),
          [],
          name,
        );
      }
    }
  });

  it('ships the LICENSE, README.md and CHANGELOG.md, and names the repository, homepage and issues', () => {
    const license = readFileSync(join(repoRoot, 'LICENSE'), 'utf8');
    for (const { name, dir, files } of packed) {
      const project = name === '@connect-elements/server' ? server : frontEnd;
      const installed = join(project, 'node_modules', name);
      assert.deepEqual(
        ['CHANGELOG.md', 'LICENSE', 'README.md'].filter(
          (file) => !files.some(({ path }) => path === file),
        ),
        [],
        name,
      );
      assert.equal(readFileSync(join(installed, 'LICENSE'), 'utf8'), license, name);
      const manifest = installedManifest(project, name) as Manifest & {
        license: string;
        repository: { url: string; directory: string };
        homepage: string;
        bugs: { url: string };
        publishConfig: { access: string; provenance: boolean };
      };
      assert.equal(manifest.license, 'MIT', name);
      assert.equal(manifest.repository.directory, dir, name);
      assert.match(manifest.repository.url, /^git\+https:\/\/.+\.git$/, name);
      assert.ok(manifest.homepage.endsWith(`/${dir}#readme`), name);
      assert.ok(manifest.bugs.url.endsWith('/issues'), name);
      assert.deepEqual(manifest.publishConfig, { access: 'public', provenance: true }, name);
    }
    assert.equal(existsSync(join(repoRoot, 'packages', 'core', 'LICENSE')), false, 'postpack');
  });

  it('lists as dependencies exactly what dist/ imports at run time, and every type import', () => {
    for (const { name } of packed) {
      const project = name === '@connect-elements/server' ? server : frontEnd;
      const manifest = installedManifest(project, name);
      const { runtime, types } = importedPackages(
        join(project, 'node_modules', name, 'dist'),
        name,
      );
      const dependencies = Object.keys(manifest.dependencies ?? {});
      const declared = new Set([...dependencies, ...Object.keys(manifest.peerDependencies ?? {})]);
      assert.deepEqual(
        sorted(dependencies),
        sorted([...runtime].filter((each) => !manifest.peerDependencies?.[each])),
        `${name}: dependencies are the packages its JavaScript imports (peers apart)`,
      );
      assert.deepEqual(
        sorted([...runtime, ...types].filter((each) => !declared.has(each))),
        // Node's own types come with the user's @types/node.
        sorted([...types].filter((each) => each === '@types/node' && !declared.has(each))),
        `${name}: every imported package is a dependency or a peer`,
      );
    }
  });

  it('imports every public entry in Node; offline-stripe alone needs stripe', async () => {
    const front = JSON.parse(await nodeIn(frontEnd, ['import-entries.mjs'])) as Record<
      string,
      string | null
    >;
    const failed = Object.entries(front).filter(([, error]) => error);
    assert.deepEqual(
      failed.map(([specifier]) => specifier),
      ['@connect-elements/testing/offline-stripe'],
    );
    assert.match(failed[0]![1]!, /ERR_MODULE_NOT_FOUND: Cannot find package 'stripe'/);
    assert.ok(Object.keys(front).length >= 30, `${Object.keys(front).length} entries`);
    assert.equal(existsSync(join(frontEnd, 'node_modules', 'stripe')), false);

    const back = JSON.parse(await nodeIn(server, ['import-entries.mjs'])) as Record<
      string,
      string | null
    >;
    assert.deepEqual(
      Object.entries(back).filter(([, error]) => error),
      [],
    );
    assert.deepEqual(sorted(Object.keys(back)), [
      '@connect-elements/server',
      '@connect-elements/server/package.json',
      '@connect-elements/testing/offline-stripe',
      '@connect-elements/testing/package.json',
      '@connect-elements/testing/playwright',
      '@connect-elements/testing/stand-in-scripts',
    ]);
  });

  it('type-checks a user’s code against the installed declarations (skipLibCheck off)', async () => {
    await writeFile(join(frontEnd, 'tsconfig.json'), JSON.stringify(tsconfig('bundler')));
    await writeFile(join(server, 'tsconfig.json'), JSON.stringify(tsconfig('nodenext')));
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const results = await Promise.allSettled(
      [frontEnd, server].map((project) => nodeIn(project, [tsc, '-p', 'tsconfig.json'])),
    );
    const errors = results.flatMap((result) =>
      result.status === 'rejected'
        ? [String((result.reason as { stdout?: string }).stdout ?? result.reason)]
        : [],
    );
    assert.deepEqual(errors, []);
  });

  describe('a Vite page of the installed core and react packages, in Chromium', () => {
    let endpoint: ChildProcess | undefined;
    after(() => endpoint?.kill());

    it('mounts Stripe elements from the installed server package’s client secrets', async () => {
      await build({
        root: frontEnd,
        configFile: false,
        logLevel: 'error',
        build: { outDir: join(frontEnd, 'dist') },
      });
      endpoint = spawn(process.execPath, ['serve.mjs', join(frontEnd, 'dist')], {
        cwd: server,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const url = await new Promise<string>((resolve, reject) => {
        endpoint!.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
        endpoint!.once('exit', (code) => reject(new Error(`serve.mjs exited ${code}`)));
      });
      const seen = JSON.parse(await nodeIn(frontEnd, ['open-page.mjs', url])) as {
        mounted: string[];
        filters: unknown;
        requests: Record<string, number>;
        problems: string[];
      };
      assert.deepEqual(seen.mounted, ['stripe-connect-balances', 'stripe-connect-payments']);
      assert.deepEqual(seen.filters, { status: ['successful'] });
      assert.deepEqual(seen.requests, { connect: 1, stripe: 0 });
      assert.deepEqual(seen.problems, []);
    });
  });
});

/** A user's tsconfig: strict, declarations of every library checked. */
function tsconfig(resolution: 'bundler' | 'nodenext') {
  return {
    compilerOptions: {
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      target: 'ES2022',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      module: resolution === 'bundler' ? 'preserve' : 'nodenext',
      moduleResolution: resolution,
      jsx: 'react-jsx',
      types: resolution === 'bundler' ? [] : ['node'],
    },
    include: ['*.ts', '*.tsx'],
  };
}
