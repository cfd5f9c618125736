/**
 * React for the browser tests. React ships CommonJS only, so this test-runner plugin bundles
 * `react`, `react-dom` and their entry points with esbuild into ES modules that share one copy of
 * React (code splitting), and answers the bare imports with them. The development build runs, so
 * `<StrictMode>` double-invokes effects as it does in a user's dev server.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { build, type OutputFile } from 'esbuild';

/**
 * Where React is resolved from: the workspace root (its React 19), or `CE_REACT_DIR`, a folder
 * with another major in its own node_modules (`test/react-18`, for `npm run test:react-18`).
 */
const reactDir = resolve(process.env['CE_REACT_DIR'] ?? '.');
const requireReact = createRequire(`${reactDir}/`);

/** The version of React the bundles hold, for the tests to check they run on it. */
export const reactVersion = (
  JSON.parse(readFileSync(requireReact.resolve('react/package.json'), 'utf8')) as {
    version: string;
  }
).version;

const PREFIX = '/__react-esm__/';

/** The bare specifiers served, and the file each becomes. */
const entries: Record<string, string> = {
  react: 'react',
  'react/jsx-runtime': 'react-jsx-runtime',
  'react/jsx-dev-runtime': 'react-jsx-dev-runtime',
  'react-dom': 'react-dom',
  'react-dom/client': 'react-dom-client',
};

/**
 * The names a CommonJS module exports, read in a separate Node process (React's development
 * build calls console methods the test runner's console does not have).
 */
const exportNames = (specifier: string): string[] =>
  JSON.parse(
    execFileSync(
      process.execPath,
      [
        '-e',
        `process.stdout.write(JSON.stringify(Object.keys(require(${JSON.stringify(specifier)}))))`,
      ],
      { encoding: 'utf8', cwd: reactDir },
    ),
  ) as string[];

/** An ES module entry re-exporting every name of a CommonJS module, by name. */
function entrySource(specifier: string): string {
  const names = exportNames(specifier).filter(
    (name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name),
  );
  return [
    `import * as module from ${JSON.stringify(specifier)};`,
    `export const { ${names.join(', ')} } = module;`,
    `export default module.default;`,
  ].join('\n');
}

let bundles: Promise<Map<string, OutputFile>> | undefined;

async function bundle(): Promise<Map<string, OutputFile>> {
  const result = await build({
    entryPoints: Object.entries(entries).map(([specifier, out]) => ({
      in: `react-esm-entry:${specifier}`,
      out,
    })),
    plugins: [
      {
        name: 'react-esm-entries',
        setup(builder) {
          builder.onResolve({ filter: /^react-esm-entry:/ }, ({ path }) => ({
            path: path.slice('react-esm-entry:'.length),
            namespace: 'react-esm-entry',
          }));
          builder.onLoad({ filter: /.*/, namespace: 'react-esm-entry' }, ({ path }) => ({
            contents: entrySource(path),
            resolveDir: reactDir,
            loader: 'js',
          }));
        },
      },
    ],
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    outdir: 'react-esm',
    write: false,
    define: { 'process.env.NODE_ENV': '"development"' },
    // No "Download the React DevTools" line in the console (the tests fail on console output).
    banner: { js: 'globalThis.__REACT_DEVTOOLS_GLOBAL_HOOK__ ??= { isDisabled: true };' },
    logLevel: 'silent',
  });
  const files = new Map<string, OutputFile>();
  for (const file of result.outputFiles) {
    files.set(PREFIX + file.path.split('/react-esm/')[1], file);
  }
  return files;
}

/** The test-runner plugin; `executeServerCommand('react-version')` answers `reactVersion`. */
export const reactEsm = {
  name: 'react-esm',
  executeCommand({ command }: { command: string }): string | undefined {
    return command === 'react-version' ? reactVersion : undefined;
  },
  resolveImport({ source }: { source: string }): string | undefined {
    const out = entries[source];
    return out ? `${PREFIX}${out}.js` : undefined;
  },
  async serve(context: { path: string }) {
    if (!context.path.startsWith(PREFIX)) return undefined;
    bundles ??= bundle();
    const file = (await bundles).get(context.path);
    return file ? { body: file.text, type: 'js' } : undefined;
  },
};
