/**
 * Runs a scenario file in each browser: `forEachBrowser('pinyin', (use) => { it(…) })`
 * declares one describe block per browser, with one browser launched for the block.
 * JIEDU_BROWSERS=firefox (or chromium) narrows the run to one browser.
 * Every test also fails if the extension wrote an error or warning to the browser console.
 */
import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest';
import type { StoredArticle } from '../../../src/core/article.ts';
import { SETTINGS_ITEM, type Settings } from '../../../src/core/settings.ts';
import { runInDatabase, type ExtensionDb } from '../../support/extension-db.ts';
import { launchChromium } from './chromium.ts';
import { launchFirefox } from './firefox.ts';
import type { BrowserName, ExtensionHarness, LaunchOptions, Tab } from './types.ts';

export type { BrowserName, ExtensionHarness, Tab } from './types.ts';

const ALL: BrowserName[] = ['chromium', 'firefox'];

function browsersUnderTest(): BrowserName[] {
  const asked = (process.env.JIEDU_BROWSERS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (asked.length === 0) return ALL;
  const unknown = asked.filter((b) => !ALL.includes(b as BrowserName));
  if (unknown.length > 0) throw new Error(`JIEDU_BROWSERS names unknown browsers: ${unknown.join(', ')} (known: ${ALL.join(', ')})`);
  return asked as BrowserName[];
}

function launch(name: BrowserName, opts: LaunchOptions = {}): Promise<ExtensionHarness> {
  return name === 'chromium' ? launchChromium(opts) : launchFirefox(opts);
}

/**
 * One describe block per browser, titled "<title> [<browser>]"; `body` gets a getter for
 * that block's harness (set in beforeAll) and the browser's name. `opts.browsers` keeps a
 * file to some of the browsers (the file says why).
 */
export function forEachBrowser(title: string, body: (h: () => ExtensionHarness, name: BrowserName) => void, opts: LaunchOptions & { browsers?: BrowserName[] } = {}): void {
  for (const name of browsersUnderTest()) {
    // A file kept from this browser is also left out of its runs (vitest.e2e.config.ts), where it would have no test.
    if (opts.browsers && !opts.browsers.includes(name)) continue;
    describe(`${title} [${name}]`, () => {
      let harness: ExtensionHarness | undefined;
      beforeAll(async () => {
        harness = await launch(name, opts);
      }, 90_000);
      afterEach(async () => {
        if (!harness) return;
        // Errors arrive in the console a moment after what caused them (a popup closing, a message unanswered).
        await new Promise((r) => setTimeout(r, 300));
        expect(await harness.takeExtensionErrors(), 'errors and warnings of the extension in the browser console').toEqual([]);
      });
      afterAll(async () => {
        await harness?.close();
      });
      body(() => {
        if (!harness) throw new Error(`${name} did not start`);
        return harness;
      }, name);
    });
  }
}

/**
 * Runs `fn` on the extension's database, opened by its name and schema with Dexie where the
 * extension's origin is (tests/support/extension-db.ts). `fn` is sent as source: no closure.
 */
export function database<R, A = null>(h: ExtensionHarness, fn: (db: ExtensionDb, arg: A) => R | Promise<R>, arg?: A): Promise<R> {
  return runInDatabase((expression) => h.inExtension(expression), fn, arg);
}

/** Reads an article from the extension's database. */
export function storedArticle(h: ExtensionHarness, url: string): Promise<StoredArticle | null> {
  return database(h, async (db, u) => (await db.articles.where('url').equals(u).first()) ?? null, url);
}

export function articleCount(h: ExtensionHarness): Promise<number> {
  return database(h, (db) => db.articles.count());
}

/** Waits until the article is stored (the content script saves it on its own). */
export async function waitForStored(h: ExtensionHarness, url: string, timeoutMs = 15_000): Promise<StoredArticle> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const a = await storedArticle(h, url);
    if (a) return a;
    if (Date.now() > until) throw new Error(`article ${url} was not stored within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * The reading settings as stored, read where the extension reads them. A test waits for a change
 * to be stored before it closes the page that made it: closed sooner, its save is cut short.
 */
export function storedSettings(h: ExtensionHarness): Promise<Partial<Settings>> {
  return h.background(async (g, key) => ((await g.chrome.storage.local.get(key))[key] as { values?: Partial<Settings> } | undefined)?.values ?? {}, SETTINGS_ITEM);
}

/** The browser's tab id for the tab showing `url`, asked of the extension. */
export async function tabIdOf(h: ExtensionHarness, url: string): Promise<number> {
  const id = await h.background(async (g, u) => (await g.chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

/**
 * Opens the popup as a tab describing `tab` (a browser's real popup closes as soon as focus leaves it).
 * The extension sees the address only of tabs on its sites; another tab is found as the active one.
 */
export async function openPopup(h: ExtensionHarness, tab: Tab, size = { width: 380, height: 560 }): Promise<Tab> {
  let id = await h.background(async (g, u) => (await g.chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, tab.url());
  if (id === null) {
    await tab.bringToFront();
    id = await h.background(async (g) => (await g.chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? null);
  }
  if (id === null) throw new Error(`no tab shows ${tab.url()}`);
  const popup = await h.newTab();
  await popup.setViewport(size.width, size.height);
  await popup.goto(`${h.origin}/popup.html?tab=${id}`);
  return popup;
}

/** Text of the first element matching `selector`, or null when there is none. */
export function textOf(tab: Tab, selector: string): Promise<string | null> {
  return tab.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
}

export function countOf(tab: Tab, selector: string): Promise<number> {
  return tab.evaluate((s) => document.querySelectorAll(s).length, selector);
}

export function isChecked(tab: Tab, selector: string): Promise<boolean | null> {
  return tab.evaluate((s) => {
    const el = document.querySelector(s);
    if (!el) return null;
    if (el instanceof HTMLInputElement) return el.checked;
    return el.getAttribute('aria-checked') === 'true';
  }, selector);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
