/**
 * The docs hold together: every link between the README, CONTRIBUTING.md, the guides in docs/ and
 * the packages' READMEs (whose links are absolute, for npm) reaches a file and a heading that
 * exist, and the migration guide's table names every export of `@stripe/react-connect-js` and
 * only components `@connect-elements/react` has.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import * as ours from '../../packages/react/src/index.js';
import { repoRoot } from './support/node-child.js';

/** Where the packages' READMEs point: this repository's files on its main branch. */
const REPOSITORY_FILES = 'https://github.com/connect-elements/connect-elements/blob/main/';

const markdownFiles = (dir: string): string[] =>
  readdirSync(join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? markdownFiles(join(dir, entry.name))
      : entry.name.endsWith('.md')
        ? [join(dir, entry.name)]
        : [],
  );

const documents = [
  'README.md',
  'CONTRIBUTING.md',
  ...markdownFiles('docs'),
  ...readdirSync(join(repoRoot, 'packages')).map((name) => `packages/${name}/README.md`),
];

/** GitHub's anchor of a heading. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\w\- ]/g, '')
    .replace(/ /g, '-');

/** The text outside fenced code blocks. */
const prose = (text: string) => text.replace(/^```[\s\S]*?^```/gm, '');

const anchorsOf = (file: string): Set<string> =>
  new Set(
    [...prose(readFileSync(join(repoRoot, file), 'utf8')).matchAll(/^#{1,6} (.+)$/gm)].map(
      ([, heading]) => slug(heading!),
    ),
  );

describe('the docs', () => {
  it('every document exists, and each package has a README and a CHANGELOG', () => {
    for (const file of documents) assert.ok(existsSync(join(repoRoot, file)), file);
    for (const name of readdirSync(join(repoRoot, 'packages'))) {
      assert.ok(existsSync(join(repoRoot, 'packages', name, 'CHANGELOG.md')), name);
    }
  });

  it('every link between them reaches a file, and a heading when it names one', () => {
    const broken: string[] = [];
    for (const file of documents) {
      const text = prose(readFileSync(join(repoRoot, file), 'utf8'));
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        let path: string;
        if (target!.startsWith(REPOSITORY_FILES)) path = target!.slice(REPOSITORY_FILES.length);
        else if (/^[a-z]+:/.test(target!)) continue;
        else if (target!.startsWith('#')) path = `${file}${target}`;
        else path = relative(repoRoot, join(repoRoot, dirname(file), target!));
        const [filePath, anchor] = path.split('#') as [string, string | undefined];
        if (!existsSync(join(repoRoot, filePath))) broken.push(`${file}: ${target}`);
        else if (anchor && !anchorsOf(filePath).has(anchor)) broken.push(`${file}: ${target}`);
      }
    }
    assert.deepEqual(broken, []);
  });

  it('the README gives the install line and the commands, each a script of package.json', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const { scripts } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    assert.match(readme, /^PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci\b/m);
    const named = new Set(
      [...readme.matchAll(/`npm (?:run )?([\w:-]+)`/g)].map((match) => match[1]!),
    );
    for (const command of [
      'demo',
      'test',
      'build',
      'bench',
      'generate',
      'test:preview',
      'test:mutants',
    ]) {
      assert.ok(named.has(command), `the README names npm run ${command}`);
    }
    for (const command of named) {
      assert.ok(command in scripts, `npm run ${command} is a script of package.json`);
    }
  });

  it('the migration table names every export of @stripe/react-connect-js, mapped to ours', () => {
    const stripeExports = Object.keys(
      createRequire(import.meta.url)('@stripe/react-connect-js') as object,
    );
    const guide = readFileSync(join(repoRoot, 'docs/migrating-from-react-connect-js.md'), 'utf8');
    const rows = new Map(
      [...guide.matchAll(/^\| `(\w+)` +\| (?:`(\w+)`|—) +\|/gm)].map(([, theirs, mine]) => [
        theirs!,
        mine,
      ]),
    );
    assert.deepEqual([...rows.keys()].sort(), [...stripeExports].sort());
    for (const [theirs, mine] of rows) {
      if (mine) assert.ok(mine in ours, `${theirs} → ${mine}: not an export of ours`);
    }
  });
});
