// Copied into a project with the tarballs installed and run there: imports every entry of every installed
// @connect-elements package as its manifest lists it (wildcards expanded from the files that
// match), JSON entries read through the resolver, and prints `{specifier: error | null}`.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const scope = new URL('./node_modules/@connect-elements/', import.meta.url);
const results = {};
for (const name of readdirSync(scope)) {
  const packageDir = new URL(`${name}/`, scope);
  const { exports } = JSON.parse(readFileSync(new URL('package.json', packageDir), 'utf8'));
  for (const [subpath, target] of Object.entries(exports)) {
    const file = typeof target === 'string' ? target : target.import;
    const specifier = `@connect-elements/${name}${subpath.slice(1)}`;
    const specifiers = subpath.includes('*') ? expand(packageDir, specifier, file) : [specifier];
    for (const each of specifiers) {
      try {
        if (each.endsWith('.json'))
          JSON.parse(readFileSync(fileURLToPath(import.meta.resolve(each)), 'utf8'));
        else await import(each);
        results[each] = null;
      } catch (error) {
        results[each] = `${error.code ?? error.name}: ${error.message}`;
      }
    }
  }
}
process.stdout.write(JSON.stringify(results));

/** `@scope/pkg/define/*.js` → one specifier per file matching `./dist/define/*.js`. */
function expand(packageDir, specifier, file) {
  const [dir, suffix] = file.slice(2).split('*');
  const prefix = dir.slice(dir.lastIndexOf('/') + 1);
  const folder = new URL(dir.slice(0, dir.lastIndexOf('/') + 1), packageDir);
  return readdirSync(folder)
    .filter((entry) => entry.startsWith(prefix) && entry.endsWith(suffix))
    .map((entry) =>
      specifier.replace('*', entry.slice(prefix.length, entry.length - suffix.length)),
    );
}
