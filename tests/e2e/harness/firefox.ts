/**
 * The harness in Firefox: Debian's firefox-esr driven by puppeteer-core over
 * WebDriver BiDi (Playwright's Firefox needs its own patched build, and there is
 * no geckodriver here). The built dist/firefox is installed as a temporary add-on
 * under a fixed moz-extension host; pages are served at their real https URLs by
 * request interception; the extension's console output is read in the parent
 * process (launched with -remote-allow-system-access).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { DIST } from '../../../scripts/build.ts';
import { FIREFOX_PATH, LOOPBACK } from '../../../scripts/browser.ts';
import { demoPages, pageHtml } from '../../../scripts/demo-pages.ts';
import { ARTIFACTS } from './artifacts.ts';
import type { BackgroundGlobal, ExtensionHarness, LaunchOptions, Tab } from './types.ts';

/** The moz-extension host is random per profile unless pinned: pinned, tests can open the extension's pages by URL. */
const UUID = '6f1c3e2a-1d4b-4c8e-9a57-3b2f0d9e7c11';

/** The two WebDriver BiDi commands puppeteer has no method for. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

const stripHash = (url: string) => url.split('#')[0]!;

class FirefoxTab implements Tab {
  readonly browser = 'firefox' as const;
  private current = 'about:blank';
  constructor(
    readonly page: Page,
    private readonly connection: BidiConnection,
    private readonly keys: (keys: string[]) => Promise<void>,
    private readonly closing: number[],
    private readonly inContentScript: (context: string, expression: string) => Promise<unknown>,
  ) {}
  /** The tab's WebDriver BiDi browsing context. */
  private get context(): string {
    return (this.page.mainFrame() as unknown as { _id: string })._id;
  }
  async evalInContentScript<R>(expression: string): Promise<R> {
    return (await this.inContentScript(this.context, expression)) as R;
  }
  url(): string {
    return this.current;
  }
  async goto(url: string): Promise<void> {
    if (this.current !== 'about:blank') this.closing.push(Date.now());
    if (url.startsWith('moz-extension:')) {
      // page.goto() to an extension page may never report completion; the raw BiDi navigation does.
      await this.connection.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' });
    } else {
      await this.page.goto(url);
    }
    this.current = url;
  }
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    // Arguments and results are plain JSON here: puppeteer's handle-unwrapping types do not apply.
    return this.page.evaluate(fn as unknown as (a: unknown) => Promise<R>, arg as unknown) as Promise<R>;
  }
  evaluateExpression<R>(expression: string): Promise<R> {
    return this.page.evaluate(expression) as Promise<R>;
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
    await this.page.locator(selector).click();
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
    await this.page.locator(selector).hover();
  }
  async moveMouse(x: number, y: number): Promise<void> {
    await this.page.mouse.move(x, y);
  }
  async focus(selector: string): Promise<void> {
    await this.page.locator(selector).wait();
    await this.page.focus(selector);
  }
  async press(key: string): Promise<void> {
    // Keys sent over BiDi reach the page's listeners but never activate a focused button (Enter, Space):
    // keys made in the parent process behave as a real keyboard's. They go to the selected tab.
    await this.page.bringToFront();
    await this.keys(key.split('+'));
  }
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }
  async fill(selector: string, text: string): Promise<void> {
    await this.page.locator(selector).fill(text);
  }
  async select(selector: string, value: string): Promise<void> {
    await this.page.locator(selector).wait();
    await this.page.select(selector, value);
  }
  async setInputFile(selector: string, file: { name: string; content: string }): Promise<void> {
    const { writeFile, mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = join(await mkdtemp(join(tmpdir(), 'jiedu-upload-')), file.name);
    await writeFile(path, file.content);
    const input = await this.page.locator(selector).waitHandle();
    await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(path);
  }
  async setViewport(width: number, height: number): Promise<void> {
    await this.page.setViewport({ width, height });
  }
  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }
  async screenshot(name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
    await this.page.screenshot({ path: join(ARTIFACTS, `firefox-${name}.png`) as `${string}.png`, fullPage: opts.fullPage ?? false });
  }
  async close(): Promise<void> {
    this.closing.push(Date.now());
    await this.page.close();
  }
}

/** Collects the console's messages in the parent process, where every process's errors arrive (the Browser Console's source). */
const LISTEN = `(() => {
  if (globalThis.jieduConsole) return true;
  const seen = (globalThis.jieduConsole = []);
  Services.console.registerListener({
    observe(m) {
      if (m instanceof Ci.nsIScriptError) {
        seen.push({ warning: (m.flags & Ci.nsIScriptError.warningFlag) !== 0, message: m.errorMessage, source: m.sourceName || '', line: m.lineNumber, category: m.category || '', time: m.timeStamp });
      } else {
        seen.push({ warning: false, message: m.message, source: '', line: 0, category: 'console', time: Date.now() });
      }
    },
  });
  // console.error() and console.warn() calls, which are not script errors.
  const storage = Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage);
  storage.addLogEventListener((event) => {
    const m = event.wrappedJSObject || event;
    if (m.level !== 'error' && m.level !== 'warn') return;
    const text = (m.arguments || []).map((a) => { try { return typeof a === 'string' ? a : String(a); } catch { return '?'; } }).join(' ');
    seen.push({ warning: m.level === 'warn', message: text, source: m.filename || '', line: m.lineNumber || 0, category: 'console-api ' + (m.addonId || ''), time: m.timeStamp || Date.now() });
  }, Services.scriptSecurityManager.getSystemPrincipal());
  return true;
})()`;
const TAKE = `JSON.stringify((globalThis.jieduConsole || []).splice(0))`;

const KEYS: Record<string, { key: string; code: string; keyCode: number }> = {
  Shift: { key: 'Shift', code: 'ShiftLeft', keyCode: 16 },
  Control: { key: 'Control', code: 'ControlLeft', keyCode: 17 },
  Alt: { key: 'Alt', code: 'AltLeft', keyCode: 18 },
  Enter: { key: 'Enter', code: 'Enter', keyCode: 13 },
  Escape: { key: 'Escape', code: 'Escape', keyCode: 27 },
  Backspace: { key: 'Backspace', code: 'Backspace', keyCode: 8 },
  Tab: { key: 'Tab', code: 'Tab', keyCode: 9 },
  Space: { key: ' ', code: 'Space', keyCode: 32 },
  ArrowRight: { key: 'ArrowRight', code: 'ArrowRight', keyCode: 39 },
  ArrowLeft: { key: 'ArrowLeft', code: 'ArrowLeft', keyCode: 37 },
  ArrowUp: { key: 'ArrowUp', code: 'ArrowUp', keyCode: 38 },
  ArrowDown: { key: 'ArrowDown', code: 'ArrowDown', keyCode: 40 },
  Home: { key: 'Home', code: 'Home', keyCode: 36 },
  End: { key: 'End', code: 'End', keyCode: 35 },
};

interface ConsoleEntry {
  warning: boolean;
  message: string;
  source: string;
  line: number;
  category: string;
  time: number;
}

/** A Firefox the harness drives, and the parent-process evaluation every harness of it uses. */
interface RunningFirefox {
  /** The launch options it was started with: a file asking for others gets another Firefox. */
  key: string;
  browser: Browser;
  connection: BidiConnection;
  chromeEval(expression: string): Promise<unknown>;
  /** The tab it opened with, kept so that the browser never closes its last window. */
  home: Page | undefined;
}

/**
 * One Firefox serves the test files one after another (vitest.e2e.config.ts runs them in one
 * process): a file's harness closes by closing its tabs, uninstalling the extension and clearing
 * every site's and the extension's data, and the next file installs the extension afresh. A file
 * with other launch options (locale, storage limit, preferences, read once at start) gets a
 * Firefox of its own.
 */
let running: RunningFirefox | null = null;

async function startFirefox(key: string, addonId: string, opts: LaunchOptions): Promise<RunningFirefox> {
  const locale = opts.locale ?? 'en-US';
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: UUID }),
      // Optional permissions are granted without the doorhanger a test cannot click.
      'extensions.webextOptionalPermissionPrompts': false,
      // The interface language (other than en-US it needs Debian's firefox-esr-l10n-* language pack).
      'intl.locale.requested': locale,
      'intl.accept_languages': locale,
      'extensions.autoDisableScopes': 0,
      ...(opts.storageLimitKiB !== undefined ? { 'dom.quotaManager.temporaryStorage.fixedLimit': opts.storageLimitKiB } : {}),
      ...opts.firefoxPrefs,
    },
  });
  const connection = (browser as unknown as { connection: BidiConnection }).connection;

  // The parent process's window, where the console listener lives.
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string }[] };
  const chromeContext = tree.contexts[0]?.context;
  if (!chromeContext) throw new Error('no parent-process window: launch Firefox with -remote-allow-system-access');
  const chromeEval = async (expression: string): Promise<unknown> => {
    const r = (await connection.send('script.evaluate', { expression, target: { context: chromeContext }, awaitPromise: true, 'moz:scope': 'chrome' })).result as EvaluateResult;
    if (r.type !== 'success') throw new Error(`parent-process script failed: ${r.exceptionDetails?.text}`);
    return r.result?.value;
  };
  await chromeEval(LISTEN);
  return { key, browser, connection, chromeEval, home: (await browser.pages())[0] };
}

/** Every site's data and the extension's (storage, IndexedDB, caches, cookies, permissions, history), cleared, resolving when done. */
const CLEAR_ALL_DATA = `new Promise((resolve) => Services.clearData.deleteData(Ci.nsIClearDataService.CLEAR_ALL, () => resolve(true)))`;

export async function launchFirefox(opts: LaunchOptions = {}): Promise<ExtensionHarness> {
  const extDir = join(DIST, 'firefox');
  if (!existsSync(join(extDir, 'manifest.json'))) throw new Error(`no built extension in ${extDir}: run npm run build`);
  if (!existsSync(FIREFOX_PATH)) throw new Error(`Firefox not found at ${FIREFOX_PATH}: install it (apt-get install firefox-esr) or set FIREFOX_PATH`);
  const manifest = JSON.parse(await readFile(join(extDir, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  const addonId = manifest.browser_specific_settings.gecko.id;
  const key = JSON.stringify([opts.locale ?? 'en-US', opts.storageLimitKiB ?? null, opts.firefoxPrefs ?? {}]);
  if (running && (running.key !== key || !running.browser.connected)) {
    await running.browser.close().catch(() => undefined);
    running = null;
  }
  running ??= await startFirefox(key, addonId, opts);
  const { browser, connection, chromeEval, home } = running;
  // An uninstall forgets the extension's pinned host: it is pinned again before each install.
  await chromeEval(`Services.prefs.setStringPref('extensions.webextensions.uuids', ${JSON.stringify(JSON.stringify({ [addonId]: UUID }))})`);

  /** Keys made as the OS would make them, by the text input processor of the browser window (what Firefox's own tests use). */
  const pressBrowserKeys = async (keys: string[]): Promise<void> => {
    const defs = keys.map((k) => KEYS[k] ?? { key: k, code: /^[0-9]$/.test(k) ? `Digit${k}` : `Key${k.toUpperCase()}`, keyCode: k.toUpperCase().charCodeAt(0) });
    await chromeEval(`(() => {
      const win = Services.wm.getMostRecentWindow('navigator:browser');
      const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
      if (!tip.beginInputTransactionForTests(win)) throw new Error('no input transaction');
      const keys = ${JSON.stringify(defs)};
      for (const k of keys) tip.keydown(new win.KeyboardEvent('', k));
      for (const k of keys.reverse()) tip.keyup(new win.KeyboardEvent('', k));
      return true;
    })()`);
  };

  /**
   * The content-script world is a sandbox in the tab's content process, out of BiDi's reach: a
   * frame script loaded into the tab's <browser> (from the parent process) finds the extension's
   * sandbox for the page and evaluates there, then sends the JSON result back. One frame script
   * per call, as a navigation to another site may move the tab to another process.
   */
  let evalSeq = 0;
  // A data: frame script is read as Latin-1: characters beyond ASCII travel as \u escapes (they are all inside string literals).
  const ascii = (source: string) => source.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const inContentScript = async (context: string, expression: string): Promise<unknown> => {
    const reply = `jiedu-eval-${++evalSeq}`;
    const frameScript = `(() => {
      const reply = (m) => sendAsyncMessage(${JSON.stringify(reply)}, m);
      try {
        const { ExtensionContent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionContent.sys.mjs');
        const ctx = ExtensionContent.getContextByExtensionId(${JSON.stringify(addonId)}, content);
        if (!ctx) return reply({ error: 'no Jiedu content script in ' + content.location.href });
        Cu.evalInSandbox('(async () => JSON.stringify((await (' + ${JSON.stringify(expression)} + ')) ?? null))()', ctx.sandbox)
          .then((value) => reply({ value }), (e) => reply({ error: String(e && e.stack ? e + ' ' + e.stack : e) }));
      } catch (e) {
        reply({ error: String(e) });
      }
    })()`;
    const out = JSON.parse(
      String(
        await chromeEval(`(async () => {
          const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
          const mm = NavigableManager.getBrowsingContextById(${JSON.stringify(context)})?.embedderElement?.messageManager;
          if (!mm) return JSON.stringify({ error: 'no tab for browsing context ${context}' });
          return await new Promise((resolve) => {
            let done = false;
            const listener = (m) => {
              if (done) return;
              done = true;
              mm.removeMessageListener(${JSON.stringify(reply)}, listener);
              resolve(JSON.stringify(m.data));
            };
            mm.addMessageListener(${JSON.stringify(reply)}, listener);
            mm.loadFrameScript('data:,' + encodeURIComponent(${JSON.stringify(ascii(frameScript))}), false);
            // A page that navigated away meanwhile answers nothing: say so rather than wait forever.
            setTimeout(() => listener({ data: { error: 'no answer from the content script within 20 s' } }), 20000);
          });
        })()`),
      ),
    ) as { value?: string; error?: string };
    if (out.error !== undefined) throw new Error(out.error);
    return JSON.parse(out.value ?? 'null') as unknown;
  };

  // What the console holds from before this install (an earlier file's extension, under the same host) is not this harness's.
  const since = Date.now();
  await chromeEval(TAKE);
  const installed = await browser.installExtension(extDir);
  if (installed !== addonId) throw new Error(`installed ${installed}, expected ${addonId}`);
  const origin = `moz-extension://${UUID}`;

  const pageConsole: string[] = [];
  /**
   * When the tests closed a tab or left its page. What a content script was doing then is
   * cut short: a script still running is stopped ("Script terminated by timeout"), a lazy
   * module it was loading fails ("Loading failed for the module"), an API call it was
   * awaiting settles after its context is gone ("Promise resolved after context unloaded"),
   * a timer it sets on the dead window throws NS_ERROR_NOT_INITIALIZED. Those say the page
   * went away, not that the extension failed: what the content script's own files report
   * in the 3 s after a tab is closed or left is let pass. The popup and the other extension
   * pages stay held to a clean console when they close.
   */
  const closedAt: number[] = [];
  const fromContentScript = (source: string) => source.startsWith(`${origin}/content`) || source.startsWith(`${origin}/lazy/`);
  const stoppedByClose = (e: ConsoleEntry) =>
    closedAt.some((t) => e.time >= t - 100 && e.time <= t + 3000) && ((e.warning && /^(Script terminated by timeout|Loading failed for the module)/.test(e.message)) || fromContentScript(e.source));
  const bodies = new Map<string, string>();
  for (const p of demoPages()) bodies.set(stripHash(p.url), pageHtml(p));
  for (const [url, html] of Object.entries(opts.extra ?? {})) bodies.set(stripHash(url), html);
  const serve = (req: HTTPRequest) => {
    if (req.isInterceptResolutionHandled()) return;
    const url = req.url();
    const body = bodies.get(stripHash(url));
    // A request the page dropped meanwhile (it navigated on, or closed) can no longer be answered.
    const gone = () => undefined;
    if (body !== undefined && req.isNavigationRequest()) {
      req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body }).catch(gone);
    } else if (/^https?:/.test(url) && !LOOPBACK.test(url)) {
      // Nothing leaves the machine: a test must not wait on a network.
      req.abort('blockedbyclient').catch(gone);
    } else {
      req.continue().catch(gone);
    }
  };
  const newTab = async (): Promise<FirefoxTab> => {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', serve);
    // console.error() and console.warn() in the extension's own pages (script errors come through the parent process).
    page.on('console', (msg) => {
      const at = msg.location().url ?? '';
      if ((msg.type() === 'error' || msg.type() === 'warn') && at.startsWith(origin)) pageConsole.push(`${msg.type()}: ${msg.text()} (${at})`);
    });
    return new FirefoxTab(page, connection, pressBrowserKeys, closedAt, inContentScript);
  };

  // An extension tab kept open to reach the background page (an event page in Firefox).
  let bridge: FirefoxTab | null = null;
  const bridgeTab = async (): Promise<FirefoxTab> => {
    if (!bridge) {
      bridge = await newTab();
      await bridge.goto(`${origin}/about.html`);
    }
    return bridge;
  };

  return {
    name: 'firefox',
    origin,
    async newTab(url?: string) {
      const tab = await newTab();
      if (url) await tab.goto(url);
      return tab;
    },
    async openExtensionPage(path: string) {
      const tab = await newTab();
      await tab.goto(`${origin}/${path}`);
      return tab;
    },
    async background<R, A = undefined>(fn: (g: BackgroundGlobal, arg: A) => R | Promise<R>, arg?: A): Promise<R> {
      const tab = await bridgeTab();
      // Sent as an expression BiDi evaluates (the page's CSP forbids building functions from strings inside it).
      return (await tab.page.evaluate(`(async () => { const g = await browser.runtime.getBackgroundPage(); return (${fn.toString()})(g, ${JSON.stringify(arg ?? null)}); })()`)) as R;
    },
    async inExtension(expression: string) {
      // In the extension page itself: its origin is the background's, and the event page is left asleep.
      return (await bridgeTab()).page.evaluate(expression);
    },
    pressBrowserKeys,
    async readClipboard() {
      return String(
        await chromeEval(`(() => {
          const trans = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
          trans.init(null);
          trans.addDataFlavor('text/plain');
          const win = Services.wm.getMostRecentWindow('navigator:browser');
          Services.clipboard.getData(trans, Services.clipboard.kGlobalClipboard, win.browsingContext.currentWindowContext);
          const out = {};
          trans.getTransferData('text/plain', out);
          return out.value.QueryInterface(Ci.nsISupportsString).data;
        })()`),
      );
    },
    async backgroundState() {
      return String(await chromeEval(`String(WebExtensionPolicy.getByID(${JSON.stringify(addonId)}).extension.backgroundState)`));
    },
    async takeExtensionErrors() {
      const entries = JSON.parse(String(await chromeEval(TAKE))) as ConsoleEntry[];
      return entries
        .filter((e) => e.time >= since)
        .filter((e) => e.source.startsWith(origin) || e.message.includes(UUID) || e.message.includes(addonId) || /Conduits|context unloaded/.test(e.message))
        .filter((e) => !stoppedByClose(e))
        .map((e) => `${e.warning ? 'warning' : 'error'}: ${e.message} (${e.source}:${e.line})`)
        .concat(pageConsole.splice(0));
    },
    async close() {
      // The next file finds the browser as a fresh one: none of this file's tabs, no extension, no data.
      try {
        for (const page of await browser.pages()) if (page !== home) await page.close();
        await browser.uninstallExtension(addonId);
        await chromeEval(CLEAR_ALL_DATA);
        await chromeEval(TAKE);
      } catch {
        // A browser that cannot be made fresh is not used again.
        await browser.close().catch(() => undefined);
        running = null;
      }
    },
  };
}
