/**
 * Pixel comparison of a page against the committed reference screenshots, in Chromium
 * through Playwright (a reference holds for one engine's fonts). axe-core and the layout
 * faults, which hold in any engine, are measured through the harness (harness/axe.ts,
 * harness/layout-faults.ts) in both browsers.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { ROOT } from '../../scripts/build.ts';
import { ARTIFACTS } from './context.ts';

const REFERENCE_DIR = join(ROOT, 'tests/visual-reference');
/**
 * Pixels allowed to differ (pixelmatch already ignores antialiased edges): two runs on one
 * machine differ by none, while a new link or a control's changed border moves hundreds.
 */
const MAX_DIFF_PIXELS = 40;

/**
 * Compares a screenshot of the page with tests/visual-reference/<name>.png. A missing or
 * different reference fails; JIEDU_UPDATE_VISUAL=1 writes the references instead.
 * Returns a description of the difference, or null when the page looks as it did.
 */
export async function visualDifference(page: Page, name: string): Promise<string | null> {
  const shot = await page.screenshot({ animations: 'disabled', caret: 'hide' });
  writeFileSync(join(ARTIFACTS, `visual-${name}.png`), shot);
  const refPath = join(REFERENCE_DIR, `${name}.png`);
  if (process.env.JIEDU_UPDATE_VISUAL === '1') {
    mkdirSync(REFERENCE_DIR, { recursive: true });
    writeFileSync(refPath, shot);
    return null;
  }
  if (!existsSync(refPath)) return `no reference ${refPath} (JIEDU_UPDATE_VISUAL=1 writes it)`;
  const a = PNG.sync.read(readFileSync(refPath));
  const b = PNG.sync.read(shot);
  if (a.width !== b.width || a.height !== b.height) return `size ${b.width}×${b.height}, reference ${a.width}×${a.height}`;
  const diff = new PNG({ width: a.width, height: a.height });
  const changed = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  if (process.env.JIEDU_VISUAL_LOG === '1') process.stdout.write(`visual ${name}: ${changed} pixels differ\n`);
  if (changed <= MAX_DIFF_PIXELS) return null;
  writeFileSync(join(ARTIFACTS, `visual-${name}-diff.png`), PNG.sync.write(diff));
  return `${changed} pixels differ (${((100 * changed) / (a.width * a.height)).toFixed(2)} %), see tests/artifacts/visual-${name}-diff.png`;
}
