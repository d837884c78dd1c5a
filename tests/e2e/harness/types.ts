/**
 * What a browser scenario needs from a browser, whichever it is: tabs it can drive
 * like a reader (mouse, keyboard), the extension's own pages, code run where the
 * extension's background runs, and the extension's errors from the browser console.
 * One implementation per browser: Chromium through Playwright, Firefox through
 * puppeteer-core over WebDriver BiDi.
 */

export type BrowserName = 'chromium' | 'firefox';

/** A tab: a web page served at its real URL, or one of the extension's pages. */
export interface Tab {
  readonly browser: BrowserName;
  url(): string;
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page's own world (not the content script's); `arg` and the result travel as JSON. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Evaluates `expression` (source text) in the page's own world and returns its JSON value. */
  evaluateExpression<R>(expression: string): Promise<R>;
  /**
   * Runs `expression` (source text) in the extension's content-script world of the page (its
   * test hooks, chrome.*), awaits it, and returns its JSON value.
   */
  evalInContentScript<R>(expression: string): Promise<R>;
  /** Counts (and dismisses) the alert, confirm and prompt dialogs the page opens from now on. */
  watchDialogs(): () => number;
  /** A real mouse click in the middle of the first element matching `selector` (scrolled into view first). */
  click(selector: string): Promise<void>;
  clickAt(x: number, y: number): Promise<void>;
  /** The primary button pressed at a point and held; `release` lets it go (a click when the pointer has not moved). */
  pressAt(x: number, y: number): Promise<void>;
  release(): Promise<void>;
  hover(selector: string): Promise<void>;
  moveMouse(x: number, y: number): Promise<void>;
  focus(selector: string): Promise<void>;
  /** A key typed into the page: 'Enter', 'Escape', 'Tab', 'Space', 'ArrowRight'… */
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  /** Replaces an input's text as a user would (focus, select all, type). */
  fill(selector: string, text: string): Promise<void>;
  select(selector: string, value: string): Promise<void>;
  /** Hands a file to an <input type=file>, as the file chooser would. */
  setInputFile(selector: string, file: { name: string; content: string }): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  bringToFront(): Promise<void>;
  /** Saved under tests/artifacts with the browser's name in front. */
  screenshot(name: string, opts?: { fullPage?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/** What the extension's background exposes to tests (see src/background/index.ts). */
export interface BackgroundGlobal {
  jieduCommands: Record<string, () => Promise<unknown>>;
  jieduContextMenu: { onClicked(info: { menuItemId: string; selectionText: string }, tabId: number): Promise<unknown> };
  jieduDictionary(): Promise<{ readings(word: string): { pinyin: string }[]; glossParts: number }>;
  /** What this background began, in order ('prepare', 'dictionary', 'lookup', 'answered'), and the dictionary's files it read ('read data/cedict.bin'). */
  jieduBegan: string[];
  chrome: typeof chrome;
}

export interface ExtensionHarness {
  readonly name: BrowserName;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  readonly origin: string;
  newTab(url?: string): Promise<Tab>;
  /** One of the extension's pages, by its file name: 'options.html', 'library.html'… */
  openExtensionPage(path: string): Promise<Tab>;
  /**
   * Runs `fn` with the background's global: Chromium's service worker, or Firefox's
   * event page (reached from an extension tab). `fn` is sent as source: it may use
   * only its arguments and the browser's globals (chrome.*), no closure.
   */
  background<R, A = undefined>(fn: (g: BackgroundGlobal, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Evaluates `expression` (source text) in a context of the extension's origin, where it reaches the
   * extension's storage as the extension does, and returns its JSON value: Chromium's service worker,
   * or in Firefox an extension page kept open (which leaves the event page as it is).
   */
  inExtension(expression: string): Promise<unknown>;
  /**
   * Presses a key combination in the browser's own window, where extension shortcuts
   * listen (keys typed into a page never reach them). Firefox only: Chromium's
   * driver has no way to press keys outside a page.
   */
  pressBrowserKeys?(keys: string[]): Promise<void>;
  /**
   * Whether the extension's background is running ('running', 'stopped', …), read without
   * waking it. Firefox only: there the background is an event page that stops when idle.
   */
  backgroundState?(): Promise<string>;
  /**
   * Stops the extension's service worker as Chromium does after 30 s idle (through DevTools'
   * ServiceWorker.stopAllWorkers) and resolves once it has stopped; the next event starts a
   * new one, which `background()` then reaches (call it only once something has woken it). Chromium only: Firefox's event page stops by
   * itself when its idle time is cut (see event-page.test.ts).
   */
  stopBackground?(): Promise<void>;
  /**
   * The text on the system clipboard (after a real Control+c, say). Firefox only: a page
   * cannot read what a copy put there, and Chromium's driver has no clipboard of its own.
   */
  readClipboard?(): Promise<string>;
  /**
   * Changes the quota set with LaunchOptions.storageLimitKiB, as when the reader frees disk
   * space. Chromium only: Firefox reads its storage limit once, at start.
   */
  setStorageLimit?(kib: number): Promise<void>;
  /** Errors and warnings the extension caused in the browser console since the last call. */
  takeExtensionErrors(): Promise<string[]>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** URL → HTML served besides the demo pages. */
  extra?: Record<string, string>;
  /** The browser's interface language, e.g. 'zh-CN'. */
  locale?: string;
  /**
   * Holds the extension's storage to about this many KiB, so a test can fill it: Chromium's
   * quota for the extension's origin (DevTools' Storage.overrideQuotaForOrigin), Firefox's
   * limit of all temporary storage (dom.quotaManager.temporaryStorage.fixedLimit), which at
   * such sizes is the extension's too.
   */
  storageLimitKiB?: number;
  /** Firefox preferences besides the harness's own. */
  firefoxPrefs?: Record<string, string | number | boolean>;
}
