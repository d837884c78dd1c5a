/** The harness in Chromium, through Playwright (scripts/browser.ts launches it, as for the bench and `npm start`). */
import { join } from 'node:path';
import type { CDPSession, ConsoleMessage, Page } from 'playwright-core';
import { evalInContentScript, launchWithExtension, servePages } from '../../../scripts/browser.ts';
import { demoPages } from '../../../scripts/demo-pages.ts';
import { ARTIFACTS } from './artifacts.ts';
import type { BackgroundGlobal, ExtensionHarness, LaunchOptions, Tab } from './types.ts';

class ChromiumTab implements Tab {
  readonly browser = 'chromium' as const;
  constructor(readonly page: Page) {}
  url(): string {
    return this.page.url();
  }
  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    // Arguments and results are plain JSON here: Playwright's handle-unwrapping types do not apply.
    return this.page.evaluate(fn as unknown as (a: unknown) => Promise<R>, arg as unknown);
  }
  evaluateExpression<R>(expression: string): Promise<R> {
    return this.page.evaluate(expression) as Promise<R>;
  }
  evalInContentScript<R>(expression: string): Promise<R> {
    return evalInContentScript<R>(this.page, expression);
  }
  watchDialogs(): () => number {
    let n = 0;
    this.page.on('dialog', (d) => {
      n++;
      void d.dismiss().catch(() => undefined);
    });
    return () => n;
  }
  async click(selector: string): Promise<void> {
    await this.page.locator(selector).first().click();
  }
  async clickAt(x: number, y: number): Promise<void> {
    await this.page.mouse.click(x, y);
  }
  async pressAt(x: number, y: number): Promise<void> {
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
  }
  async release(): Promise<void> {
    await this.page.mouse.up();
  }
  async hover(selector: string): Promise<void> {
    await this.page.locator(selector).first().hover();
  }
  async moveMouse(x: number, y: number): Promise<void> {
    await this.page.mouse.move(x, y);
  }
  async focus(selector: string): Promise<void> {
    await this.page.locator(selector).first().focus();
  }
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }
  async fill(selector: string, text: string): Promise<void> {
    await this.page.locator(selector).first().fill(text);
  }
  async select(selector: string, value: string): Promise<void> {
    await this.page.locator(selector).first().selectOption(value);
  }
  async setInputFile(selector: string, file: { name: string; content: string }): Promise<void> {
    await this.page
      .locator(selector)
      .first()
      .setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.content) });
  }
  async setViewport(width: number, height: number): Promise<void> {
    await this.page.setViewportSize({ width, height });
  }
  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }
  async screenshot(name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
    await this.page.screenshot({ path: join(ARTIFACTS, `chromium-${name}.png`), fullPage: opts.fullPage ?? false });
  }
  async close(): Promise<void> {
    await this.page.close();
  }
}

/**
 * Uncaught errors and unhandled rejections in the extension's content-script world of a
 * tab (Playwright reports only the page's own world).
 */
async function watchContentScript(page: Page, errors: string[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const ours = new Set<number>();
  cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; name: string; auxData?: { type?: string } } }) => {
    if (e.context.auxData?.type === 'isolated' && /Jiedu/.test(e.context.name)) ours.add(e.context.id);
  });
  // Context ids are per renderer process: after a navigation to another site they start again, so forget ours.
  cdp.on('Runtime.executionContextDestroyed', (e: { executionContextId: number }) => ours.delete(e.executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => ours.clear());
  cdp.on('Runtime.exceptionThrown', (e: { exceptionDetails: { executionContextId?: number; text: string; exception?: { description?: string } } }) => {
    const d = e.exceptionDetails;
    if (d.executionContextId !== undefined && ours.has(d.executionContextId)) {
      errors.push(`content script: ${d.text} ${d.exception?.description?.split('\n')[0] ?? ''}`);
    }
  });
  await cdp.send('Runtime.enable');
}

export async function launchChromium(opts: LaunchOptions = {}): Promise<ExtensionHarness> {
  const b = await launchWithExtension(opts.locale ? { locale: opts.locale } : {});
  await servePages(b.context, demoPages(), opts.extra ?? {});
  const origin = `chrome-extension://${b.extensionId}`;
  const errors: string[] = [];
  const fromExtension = (url: string | undefined) => url?.startsWith(origin) ?? false;
  const onConsole = (where: string) => (msg: ConsoleMessage) => {
    if ((msg.type() === 'error' || msg.type() === 'warning') && fromExtension(msg.location().url)) {
      errors.push(`${where} ${msg.type()}: ${msg.text()} (${msg.location().url}:${msg.location().lineNumber})`);
    }
  };
  // Uncaught errors and unhandled rejections of the service worker, which Playwright does not report.
  const WORKER_ERRORS = `(() => {
    if (globalThis.jieduSeenErrors) return;
    const seen = (globalThis.jieduSeenErrors = []);
    const at = (e) => (e && e.stack ? String(e.stack).split('\\n')[1] ?? '' : '');
    addEventListener('error', (e) => seen.push('background uncaught: ' + e.message + ' ' + (e.filename || '') + ':' + (e.lineno || 0)));
    addEventListener('unhandledrejection', (e) => seen.push('background unhandled rejection: ' + (e.reason && e.reason.message ? e.reason.message : String(e.reason)) + ' ' + at(e.reason)));
  })()`;
  b.worker.on('console', onConsole('background'));
  // The driver's handle stays with the worker's successor after a stop (stopBackground), but the
  // new worker's global is new: the error watch is put in again wherever it is missing.
  const inWorker = (expression: string): Promise<unknown> => b.worker.evaluate(`(${WORKER_ERRORS}, ${expression})`);
  await inWorker('0');
  const watch = (page: Page) => {
    page.on('console', onConsole(page.url() || 'page'));
    // An uncaught error in one of the extension's own pages (the popup, options, library).
    page.on('pageerror', (err) => {
      if (fromExtension(page.url())) errors.push(`${page.url()} uncaught: ${err.message}`);
    });
  };
  b.context.pages().forEach(watch);
  b.context.on('page', watch);
  // A quota override lasts as long as its DevTools session: that stays attached to the first tab, which the tests leave open.
  let quotaSession: CDPSession | null = null;
  const setStorageLimit = async (kib: number): Promise<void> => {
    quotaSession ??= await b.context.newCDPSession(b.context.pages()[0] ?? (await b.context.newPage()));
    await quotaSession.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: kib * 1024 });
  };
  if (opts.storageLimitKiB !== undefined) await setStorageLimit(opts.storageLimitKiB);

  return {
    name: 'chromium',
    origin,
    async newTab(url?: string) {
      const page = await b.context.newPage();
      await watchContentScript(page, errors);
      const tab = new ChromiumTab(page);
      if (url) await tab.goto(url);
      return tab;
    },
    async openExtensionPage(path: string) {
      const tab = new ChromiumTab(await b.context.newPage());
      await tab.goto(`${origin}/${path}`);
      return tab;
    },
    background<R, A = undefined>(fn: (g: BackgroundGlobal, arg: A) => R | Promise<R>, arg?: A): Promise<R> {
      return inWorker(`(${fn.toString()})(globalThis, ${JSON.stringify(arg ?? null)})`) as Promise<R>;
    },
    inExtension: inWorker,
    setStorageLimit,
    async takeExtensionErrors() {
      const fromWorker = (await inWorker('globalThis.jieduSeenErrors.splice(0)')) as string[];
      return [...fromWorker, ...errors.splice(0)];
    },
    async stopBackground() {
      // What the worker saw before it stops goes with the rest of the errors.
      errors.push(...((await inWorker('globalThis.jieduSeenErrors.splice(0)')) as string[]));
      const page = b.context.pages()[0] ?? (await b.context.newPage());
      const cdp = await b.context.newCDPSession(page);
      try {
        // Each version of the extension's worker and its running status, as DevTools reports them.
        const status = new Map<string, string>();
        cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { versionId: string; scriptURL: string; runningStatus: string }[] }) => {
          for (const v of e.versions) if (v.scriptURL.startsWith(origin)) status.set(v.versionId, v.runningStatus);
        });
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        const until = Date.now() + 15_000;
        let asked = Date.now();
        while ([...status.values()].some((s) => s !== 'stopped')) {
          if (Date.now() > until) throw new Error(`the service worker did not stop (${[...status.values()].join(', ')})`);
          // A stop can be lost (seen right after the worker had handled a look-up and a save): it is asked again.
          if (Date.now() - asked > 1000) {
            await cdp.send('ServiceWorker.stopAllWorkers');
            asked = Date.now();
          }
          await new Promise((r) => setTimeout(r, 50));
        }
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
    close: () => b.close(),
  };
}
