/**
 * Renders the toolbar icons (assets/icons/*.png) with Chromium. Run by hand
 * after changing the design: `npx tsx scripts/render-icons.ts`.
 */
import { chromium } from 'playwright-core';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './build.ts';

const SIZES = [16, 32, 48, 128];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const size of SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">
    <div style="width:${size}px;height:${size}px;border-radius:${Math.round(size * 0.2)}px;background:#b3261e;display:flex;align-items:center;justify-content:center;
      color:#fff;font:700 ${Math.round(size * 0.78)}px 'Noto Serif CJK SC','Noto Sans CJK SC',serif;line-height:1">解</div></body></html>`);
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await writeFile(join(ROOT, 'assets/icons', `${size}.png`), png);
}
await browser.close();
console.log(`wrote ${SIZES.length} icons`);
