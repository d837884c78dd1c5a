/**
 * Chromium with the built extension loaded, and the demo pages served at their
 * real URLs with every other request refused (the tests must not wait on a
 * network). Shared by the browser tests, the bench and `npm start`.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST } from './build.ts';
import { pageHtml, type DemoPage } from './demo-pages.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Debian's Firefox ESR, which the Firefox harness drives (tests/e2e/harness/firefox.ts). */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export async function launchWithExtension(opts: { headless?: boolean; extDir?: string; args?: string[]; locale?: string } = {}): Promise<ExtensionBrowser> {
  const extDir = opts.extDir ?? join(DIST, 'chrome');
  if (!existsSync(join(extDir, 'manifest.json'))) throw new Error(`no built extension in ${extDir}: run npm run build`);
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  const userDataDir = await mkdtemp(join(tmpdir(), 'jiedu-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: opts.headless ?? true,
    viewport: { width: 1280, height: 900 },
    locale: opts.locale ?? 'en-US',
    args: [
      `--lang=${opts.locale ?? 'en-US'}`,
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      ...(opts.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Loopback never leaves the machine: local stand-ins (AnkiConnect's) are reached, everything else is refused. */
export const LOOPBACK = /^http:\/\/127\.0\.0\.1[:/]/;

/** Serves `pages` at their URLs (plus any `extra` URL → HTML) and refuses every other http(s) request but loopback. */
export async function servePages(context: BrowserContext, pages: DemoPage[], extra: Record<string, string> = {}): Promise<void> {
  const bodies = new Map<string, () => string>();
  for (const p of pages) bodies.set(stripHash(p.url), () => pageHtml(p));
  for (const [url, html] of Object.entries(extra)) bodies.set(stripHash(url), () => html);
  await context.route(/^https?:\/\//, async (route) => {
    const body = bodies.get(stripHash(route.request().url()));
    if (body && route.request().resourceType() === 'document') {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: body() });
    } else if (LOOPBACK.test(route.request().url())) {
      await route.continue();
    } else {
      await route.abort('blockedbyclient');
    }
  });
}

function stripHash(url: string): string {
  return url.split('#')[0]!;
}

/** The browser's tab id for a page, asked of the extension's service worker. */
export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Evaluates an expression in the extension's content-script world of `page` (Chromium only, through CDP). */
export async function evalInContentScript<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; name: string; auxData?: { type?: string } } }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && /Jiedu/.test(c.name));
  if (!world) throw new Error(`no Jiedu content script in ${page.url()} (worlds: ${contexts.map((c) => c.name).join(', ')})`);
  const result = (await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true })) as {
    result: { value: T };
    exceptionDetails?: { text: string; exception?: { description?: string } };
  };
  await cdp.detach();
  if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
  return result.result.value;
}
