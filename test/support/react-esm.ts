/**
 * React for the browser tests. React ships CommonJS only, so this test-runner plugin bundles
 * `react`, `react-dom` and their entry points with esbuild into ES modules that share one copy of
 * React (code splitting), and answers the bare imports with them. The development build runs, so
 * `<StrictMode>` double-invokes effects as it does in a user's dev server.
 */
import { execFileSync } from 'node:child_process';
import { build, type OutputFile } from 'esbuild';

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
      { encoding: 'utf8' },
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
            resolveDir: process.cwd(),
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

/** The test-runner plugin. */
export const reactEsm = {
  name: 'react-esm',
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
