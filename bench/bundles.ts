/**
 * The bundles the benchmark weighs and serves, built in memory with esbuild the way a page's
 * bundler (or the CDN build) would: ES module, minified, Stripe's CommonJS loader entries
 * swapped for their ES module builds so they tree-shake.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';
import { reactEntry, type ReactLibrary } from './pages/react-pages.js';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** An entry: a file of this repository, or module source resolved from the repository root. */
export type Entry = { file: string } | { source: string; loader?: 'ts' | 'tsx' | 'js' };

const options = (entry: Entry): BuildOptions => ({
  ...('file' in entry
    ? { entryPoints: [`${root}/${entry.file}`] }
    : { stdin: { contents: entry.source, resolveDir: root, loader: entry.loader ?? 'ts' } }),
  bundle: true,
  write: false,
  minify: true,
  target: 'es2022',
  legalComments: 'none',
  // Workspace packages by name, from their sources (as the test runner resolves them).
  conditions: ['source'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'silent',
});

/**
 * `entry` bundled as one ES module (what the size table weighs); `readable` keeps names and
 * layout, for profiles that name the functions.
 */
export async function bundleModule(entry: Entry, { readable = false } = {}): Promise<string> {
  const result = await build({ ...options(entry), format: 'esm', minify: !readable });
  return result.outputFiles![0]!.text;
}

/** `entry` bundled as one classic script (the benchmark pages' helpers). */
export async function bundleScript(entry: Entry): Promise<string> {
  const result = await build({ ...options(entry), format: 'iife', minify: false });
  return result.outputFiles![0]!.text;
}

export interface Size {
  /** Minified bytes. */
  min: number;
  /** Minified bytes after gzip level 9. */
  gzip: number;
}

export const sizeOf = (code: string): Size => {
  const bytes = Buffer.from(code);
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};

/** The CDN bundle: every element, one self-contained module. */
export const CDN_ENTRY: Entry = { file: 'packages/core/src/define.ts' };

/** A page that uses one provider and one component, registered one by one. */
export const PAGE_ENTRY: Entry = {
  source: [
    "import '@connect-elements/core/define/ce-connect.js';",
    "import '@connect-elements/core/define/ce-account-onboarding.js';",
  ].join('\n'),
};

const FC_DEFINE = 'packages/core/src/define/ce-financial-connections.ts';

/** `<ce-financial-connections>` alone, once that element exists. */
export const FC_ENTRY: Entry | undefined = existsSync(`${root}/${FC_DEFINE}`)
  ? { file: FC_DEFINE }
  : undefined;

/** Baseline: Stripe's side-effect-free Connect.js loader, nothing else. */
export const CONNECT_JS_ENTRY: Entry = {
  source: "export { loadConnectAndInitialize } from '@stripe/connect-js/dist/pure.esm.js';",
};

/** A React-against-React page (`bench/pages/react-pages.ts`) of `library` with `size` components. */
export const reactPageEntry = (library: ReactLibrary, size: number): Entry => ({
  source: reactEntry(library, size),
  loader: 'tsx',
});

// `node --import tsx bench/bundles.ts FILE` writes the CDN bundle of the working tree to FILE, for
// BENCH_BASE_KIT (see bench/run.ts).
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) {
  const { writeFile } = await import('node:fs/promises');
  await writeFile(process.argv[2], await bundleModule(CDN_ENTRY));
}
