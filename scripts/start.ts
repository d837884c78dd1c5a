/**
 * `npm start`: builds, then opens Chromium with the extension loaded on a start
 * page linking to real article pages and the seed articles, all served at their
 * real URLs from this folder: no network needed.
 */
import { build } from './build.ts';
import { CHROMIUM_PATH, launchWithExtension, servePages } from './browser.ts';
import { demoPages, type DemoPage } from './demo-pages.ts';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const START_URL = 'http://start.jiedu.test/';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function startPage(pages: DemoPage[]): string {
  const list = (kind: DemoPage['kind']) =>
    pages
      .filter((p) => p.kind === kind)
      .map((p) => `<li><a href="${escapeHtml(p.url)}">${escapeHtml(p.label)}</a><br><code>${escapeHtml(p.url)}</code></li>`)
      .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Jiedu 解读 — demo</title>
<style>body{font:15px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;max-width:860px;margin:32px auto;padding:0 16px;color:#1d2327}
h1 span{color:#b3261e}li{margin:6px 0}code{color:#5f6b73;font-size:12px}</style></head><body>
<h1>Jiedu <span>解读</span>: demo pages</h1>
<p>Every page below is served from this folder at its real address; nothing goes to the network.
Open an article, then click the Jiedu icon in the toolbar (pin it from the puzzle-piece menu): the article is already in your library.</p>
<h2>Real pages of the three sites</h2><ul>${list('real')}</ul>
<h2>The seed articles, rendered into each site's layout (built, not real pages)</h2><ul>${list('built')}</ul>
</body></html>`;
}

async function main(headless: boolean): Promise<void> {
  if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    process.stderr.write(
      [
        'npm start opens a browser window, and this machine has no display.',
        'Run it under a virtual display instead:',
        '  apt-get install -y xvfb && xvfb-run -a npm start',
        'or run the headless test suite: npm test',
        '',
      ].join('\n'),
    );
    process.exit(1);
  }

  await build();
  const pages = demoPages();
  const browser = await launchWithExtension({ headless });
  await servePages(browser.context, pages, { [START_URL]: startPage(pages) });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(START_URL);
  process.stdout.write(`Chromium (${CHROMIUM_PATH}) is open on ${START_URL} with ${pages.length} demo pages. Close the window to stop.\n`);
  if (headless) {
    await browser.close();
  } else {
    await new Promise<void>((done) => browser.context.on('close', () => done()));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.includes('--headless'));
}
