/**
 * `npm start`: builds, then opens Chromium with the extension loaded on a start
 * page linking to real article pages and the seed articles, all served at their
 * real URLs from this folder: no network needed.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build, ROOT } from './build.ts';
import { CHROMIUM_PATH, launchWithExtension, servePages, tabIdOf } from './browser.ts';
import { demoPages, type DemoPage } from './demo-pages.ts';
import type { SiteId } from '../src/core/article.ts';
import { extractArticle } from '../src/core/extract/index.ts';
import { parsePage } from '../src/cli/html.ts';

export const START_URL = 'http://start.jiedu.test/';
/** Where `npm start` saves what the browser shows when there is no display to show it on. */
export const SCREENSHOT_DIR = join(ROOT, 'web-ext-artifacts', 'npm-start');

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The site's name as the extension shows it (assets/_locales/en), read once. */
const siteNames = (() => {
  const messages = JSON.parse(readFileSync(join(ROOT, 'assets/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
  const key: Record<SiteId, string> = { guancha: 'siteGuancha', xinhua: 'siteXinhua', zaobao: 'siteZaobao', other: 'siteOther' };
  return (site: SiteId) => messages[key[site]]?.message ?? site;
})();

/** A demo page as a reader would choose it: its article's title and site, read by Jiedu's own extractor. */
export function describePage(page: DemoPage): { title: string; site: string } {
  const out = extractArticle(parsePage(readFileSync(page.file)), page.url);
  if (out.ok) return { title: out.article.title, site: siteNames(out.article.site) };
  return { title: basename(page.file), site: new URL(page.url).hostname };
}

export function startPage(pages: DemoPage[]): string {
  const list = (kind: DemoPage['kind']) =>
    pages
      .filter((p) => p.kind === kind)
      .map((p) => {
        const { title, site } = describePage(p);
        return `<li><a href="${escapeHtml(p.url)}" lang="zh-Hans">${escapeHtml(title)}</a><br><span class="site">${escapeHtml(site)}</span> <code>${escapeHtml(p.url)}</code></li>`;
      })
      .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Jiedu 解读 — demo</title>
<style>:root{color-scheme:light dark}body{font:15px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;max-width:860px;margin:32px auto;padding:0 16px;color:light-dark(#1d2327,#e4e7ea);background:light-dark(#fff,#1b1f23)}
h1 span{color:light-dark(#b3261e,#f28b82)}li{margin:8px 0}.site{font-size:13px}code{color:light-dark(#5b6770,#a4aeb6);font-size:12px;overflow-wrap:anywhere}a{color:light-dark(#1b5e9f,#8ab8f0)}</style></head><body>
<h1>Jiedu <span>解读</span>: demo pages</h1>
<p>Every page below is served from this folder at its real address; nothing goes to the network.
Open an article, then click the Jiedu icon in the toolbar (pin it from the puzzle-piece menu): the article is already in your library.</p>
<h2>Real pages of the three sites</h2><ul>${list('real')}</ul>
<h2>The seed articles, rendered into each site's layout (built, not real pages)</h2><ul>${list('built')}</ul>
</body></html>`;
}

/**
 * No display: the same browser, headless, and screenshots of what it would show (the start
 * page, a seed article with pinyin switched on, the popup and the library), saved in SCREENSHOT_DIR.
 */
async function screenshots(pages: DemoPage[], start: string): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const b = await launchWithExtension({ headless: true });
  const saved: string[] = [];
  const shoot = async (page: Page, name: string, fullPage = false) => {
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await page.screenshot({ path, fullPage });
    saved.push(path);
  };
  try {
    await servePages(b.context, pages, { [START_URL]: start });
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    await page.goto(START_URL);
    await shoot(page, '1-start-page');
    const seed = pages.find((p) => p.seed === '000' && p.kind === 'built') ?? pages[0]!;
    await page.goto(seed.url);
    const tabId = await tabIdOf(b.worker, page.url());
    await page.bringToFront();
    // What Alt+Shift+P does: pinyin over the article in the active tab (the development build has the command's handler at hand).
    await b.worker
      .evaluate(async () => {
        await (globalThis as unknown as { jieduCommands?: Record<string, () => Promise<unknown>> }).jieduCommands?.['toggle-pinyin']?.();
      })
      .catch(() => undefined);
    await page.waitForSelector('ruby', { timeout: 10_000 }).catch(() => undefined);
    await shoot(page, '2-article');
    const popup = await b.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForTimeout(1000);
    await shoot(popup, '3-popup');
    await popup.goto(`chrome-extension://${b.extensionId}/library.html`);
    await popup.setViewportSize({ width: 1280, height: 900 });
    await popup.waitForTimeout(1000);
    await shoot(popup, '4-library');
  } finally {
    await b.close();
  }
  return saved;
}

async function main(headless: boolean): Promise<void> {
  await build();
  const pages = demoPages();
  const start = startPage(pages);
  if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    const saved = await screenshots(pages, start);
    process.stdout.write(
      [
        'This machine has no display, so Chromium ran without a window and saved what it showed:',
        ...saved.map((p) => `  ${relative(process.cwd(), p)}`),
        'To use Jiedu here by hand, run it under a virtual display and watch that over VNC',
        '(apt-get install -y xvfb x11vnc; xvfb-run -a -s "-screen 0 1280x900x24" npm start, then x11vnc -display :99),',
        'or load dist/chrome or dist/firefox into a browser on a machine with a display (see the README).',
        '',
      ].join('\n'),
    );
    return;
  }
  // --test-type keeps Chromium from warning about --no-sandbox, which it needs when run as root.
  const browser = await launchWithExtension({ headless, args: headless ? [] : ['--test-type'] });
  await servePages(browser.context, pages, { [START_URL]: start });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(START_URL);
  process.stdout.write(`Chromium (${CHROMIUM_PATH}) is open on ${START_URL} with ${pages.length} demo pages. Close the window (or press Ctrl+C here) to stop.\n`);
  if (headless) {
    await browser.close();
  } else {
    const stop = () => void browser.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    await new Promise<void>((done) => browser.context.on('close', () => done()));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.includes('--headless'));
}
