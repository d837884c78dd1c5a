/** Shared set-up for browser test files: one Chromium per file, pages served at their real URLs. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, servePages, tabIdOf, type ExtensionBrowser } from '../../scripts/browser.ts';
import { demoPages, type DemoPage } from '../../scripts/demo-pages.ts';
import { ROOT } from '../../scripts/build.ts';
import type { StoredArticle } from '../../src/core/article.ts';
import { runInDatabase } from '../support/extension-db.ts';

export const ARTIFACTS = join(ROOT, 'tests/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export async function openBrowser(extra: Record<string, string> = {}, locale?: string): Promise<ExtensionBrowser> {
  const b = await launchWithExtension(locale ? { locale } : {});
  await servePages(b.context, demoPages(), extra);
  return b;
}

export function findPage(pred: (p: DemoPage) => boolean, what: string): DemoPage {
  const page = demoPages().find(pred);
  if (!page) throw new Error(`no demo page for ${what}`);
  return page;
}

/** Reads an article from the extension's database, in its service worker. */
async function storedArticle(b: ExtensionBrowser, url: string): Promise<StoredArticle | null> {
  return runInDatabase(
    (expression) => b.worker.evaluate(expression),
    async (db, u) => (await db.articles.where('url').equals(u).first()) ?? null,
    url,
  );
}

/** Waits until the article is stored (the content script saves it on its own). */
export async function waitForStored(b: ExtensionBrowser, url: string, timeoutMs = 10_000): Promise<StoredArticle> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const a = await storedArticle(b, url);
    if (a) return a;
    if (Date.now() > until) throw new Error(`article ${url} was not stored within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens the popup as a page describing `page`'s tab. */
export async function openPopup(b: ExtensionBrowser, page: Page): Promise<Page> {
  const tabId = await tabIdOf(b.worker, page.url());
  const popup = await b.context.newPage();
  await popup.setViewportSize({ width: 380, height: 560 });
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}
