// The first step of each package's build: an empty dist/, so a file whose source is gone is not
// published from an earlier build.
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
