import { execFileSync, spawnSync } from 'node:child_process';

/**
 * The text of a PDF by poppler's `pdftotext` (Debian: apt-get install poppler-utils), whitespace
 * folded, for tests that read generated PDFs back. Without pdftotext the PDF's text is not checked:
 * a message says how to check it, except under CI=true, where a missing pdftotext fails the test
 * (.ci/run installs it).
 */
export function pdfText(input: Buffer | string): string | undefined {
  if (!hasPdftotext()) {
    if (process.env.CI === 'true') throw new Error('pdftotext is missing (apt-get install -y poppler-utils)');
    if (!warned) console.warn('PDF text not checked: no pdftotext here (apt-get install -y poppler-utils)');
    warned = true;
    return undefined;
  }
  const output =
    typeof input === 'string'
      ? execFileSync('pdftotext', ['-layout', input, '-'])
      : execFileSync('pdftotext', ['-layout', '-', '-'], { input });
  return output.toString().replace(/\s+/g, ' ');
}

let available: boolean | undefined;
let warned = false;
function hasPdftotext(): boolean {
  available ??= spawnSync('pdftotext', ['-v']).error === undefined;
  return available;
}
