// Whether a build of the `tandem` command (scripts/build.ts) is current: its record (build.json,
// written last) exists, and no file it was built from (listed in the record: the sources and the
// lock file) is newer than the record or gone. A new source file only matters once a built file
// imports it, and that file is then newer than the build. Plain JavaScript, as bin/tandem.js
// reads it before any TypeScript can run; a few hundred stats, about 2 ms.
import { readFileSync, statSync } from 'node:fs';

/**
 * @param {URL} root the checkout (a directory URL ending in '/')
 * @param {URL} dist the build's directory (a directory URL ending in '/')
 * @returns {boolean}
 */
export function isBuildCurrent(root, dist) {
  try {
    const record = new URL('build.json', dist);
    const built = statSync(record).mtimeMs;
    statSync(new URL('main.js', dist));
    const { inputs } = JSON.parse(readFileSync(record, 'utf8'));
    if (!Array.isArray(inputs) || inputs.length === 0) return false;
    for (const input of inputs) {
      const stat = statSync(new URL(input, root), { throwIfNoEntry: false });
      if (!stat || stat.mtimeMs > built) return false;
    }
    return true;
  } catch {
    return false;
  }
}
