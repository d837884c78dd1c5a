/**
 * Runs on every page of the three sites. Decides from the URL alone whether
 * the page can be an article (most pages stop here), then extracts it, saves
 * it through the background, and answers the popup's questions about the page.
 */
import { detectFromUrl } from '../core/extract/detect.ts';
import { parseContentRequest, type ContentRequest, type PageState } from '../messaging/protocol.ts';
import { DEFAULT_SETTINGS, pinyinLook, type PinyinLook, type Settings } from '../core/settings.ts';
import { sentenceAround } from '../core/sentence.ts';
import { answerOnPort, sendToBackground } from '../messaging/ports.ts';
import { TAB_PORT } from '../messaging/protocol.ts';
import { loadSettings, watchSettings } from '../platform/settings-store.ts';
import { waitForContent, watchUrl } from './page-watch.ts';
import { isLookupClick, isLookupTarget } from './lookup-gesture.ts';
import { usesPinyin } from './pinyin-habit.ts';
import type { ExtractOutcome } from './reader.ts';
import type { PageUi } from './page-ui.ts';
import { HAN_SCRIPT } from '../core/han-script.ts';
import { failure } from '../core/errors.ts';
import { errorText } from '../platform/i18n.ts';
import { headlineElement } from '../core/extract/headline.ts';
import { startSession, type ContentSession } from './session.ts';
import { blockOf, blockTextAt, caretAt, textAtCaret } from './text-at-point.ts';
import { createTextAdditions } from './text-additions.ts';

type Reader = typeof import('./reader.ts');
type AnnotatorModule = typeof import('./annotator.ts');
type PageUiModule = typeof import('./page-ui.ts');

/** How long a recognised article page may take to fill its body (paywalls, SPAs). */
const LATE_BODY_MS = 6_000;

/** How this build gets its on-demand parts: content.js imports them when needed; content-full.js (injected into other sites) carries the reader. */
export interface Loaders {
  reader: () => Promise<Reader>;
  annotator: () => Promise<AnnotatorModule>;
  pageUi: () => Promise<PageUiModule>;
}

let loadReader: Loaders['reader'];
let loadAnnotator: Loaders['annotator'];
let loadPageUi: Loaders['pageUi'];
let pageUi: Promise<PageUi> | null = null;
/** Settings as last read, for event handlers that must answer synchronously. */
let known: Settings = DEFAULT_SETTINGS;
/** The live element holding the article's body, when the site's reader found it. */
let bodyElement: Element | null = null;
let siteOfPage: Settings['pinyinAutoSites'][number] | null = null;
/** Title of the last article read here, whatever state the page is in: a route change must not store it again. */
let lastTitle: string | null = null;
let state: PageState = { kind: 'not-article', url: location.href, reason: 'not examined yet' };
/** The script's lifetime in this page (see session.ts). */
let session: ContentSession;
/** One examined address: aborted when the page shows another (a route change) or the session ends. */
let visit = new AbortController();

/** Starts the examination of a new address, ending the last one's work. */
function nextVisit(): AbortSignal {
  visit.abort();
  visit = new AbortController();
  return AbortSignal.any([visit.signal, session.signal]);
}
function summary(outcome: Extract<ExtractOutcome, { ok: true }>): Extract<PageState, { kind: 'detected' }>['article'] {
  const { url, site, title, publishedAt, layout, charCount, partial } = outcome.article;
  return { url, site, title, publishedAt, layout, charCount, partial };
}

async function save(outcome: Extract<ExtractOutcome, { ok: true }>, trigger: 'auto' | 'manual'): Promise<PageState> {
  const base = { kind: 'detected' as const, url: location.href, article: summary(outcome), notices: outcome.notices };
  try {
    const result = await sendToBackground('article/save', { article: outcome.article, trigger });
    return { ...base, save: { status: result.status, firstSavedAt: result.firstSavedAt } };
  } catch (err) {
    return { kind: 'error', url: location.href, message: errorText(err) };
  }
}

type Found = Extract<ExtractOutcome, { ok: true }>;

/** The site's own adapter read the page; the generic fallback is only a last resort on a known site. */
const byAdapter = (o: Found): boolean => !o.article.extractor.includes('generic');

/** Examines the current URL; `previousTitle` skips a stale DOM right after a route change. */
async function examine(trigger: 'load' | 'route', previousTitle: string | null = null): Promise<void> {
  const signal = nextVisit();
  let marked!: () => void;
  termsDecided = new Promise<void>((resolve) => (marked = resolve));
  try {
    await read(trigger, previousTitle, signal, marked);
  } finally {
    marked();
  }
}

/** Until the page's article is read and its terms marked (or left unmarked), the popup's count of marks waits. */
let termsDecided: Promise<void> = Promise.resolve();

async function read(trigger: 'load' | 'route', previousTitle: string | null, signal: AbortSignal, marked: () => void): Promise<void> {
  const url = location.href;
  const detection = detectFromUrl(url);
  if (detection.kind === 'none') {
    state = { kind: 'not-article', url, reason: detection.reason };
    return;
  }
  state = { kind: 'pending', url, site: detection.site };
  const { extractArticle } = await loadReader();
  const fresh = (o: ExtractOutcome): o is Found => o.ok && !(trigger === 'route' && previousTitle !== null && o.article.title === previousTitle);
  // A body may arrive after load (paywalls, single-page apps): wait for the adapter to find it.
  let outcome: Found | null = await waitForContent(
    () => {
      const o = extractArticle(document, url);
      return fresh(o) && byAdapter(o) ? o : null;
    },
    LATE_BODY_MS,
    signal,
  );
  if (signal.aborted) return; // a newer navigation took over
  if (!outcome) {
    const last = extractArticle(document, url);
    if (!last.ok) {
      state = { kind: 'unreadable', url, site: last.site ?? detection.site, message: last.message };
      return;
    }
    if (!fresh(last)) {
      state = { kind: 'unreadable', url, site: detection.site, message: 'The page still shows the previous article.' };
      return;
    }
    outcome = last;
  }
  bodyElement = outcome.bodyElement;
  siteOfPage = outcome.article.site;
  lastTitle = outcome.article.title;
  await keep(outcome, signal);
  if (signal.aborted) return;
  followLateChanges(outcome, signal, extractArticle);
  const settings = await currentSettings();
  if (signal.aborted) return;
  if ((settings.glossaryMarking && outcome.article.language !== 'en') || additions.termsOn) await additions.setTerms(true).catch(() => undefined);
  marked();
  if (signal.aborted) return;
  await pinyinAfterArticle(trigger);
}

/** Read once from extension storage, then kept current by watchSettings (see startContent). */
let settingsRead: Promise<Settings> | null = null;
function currentSettings(): Promise<Settings> {
  settingsRead ??= loadSettings().then(
    (s) => (known = s),
    () => {
      settingsRead = null; // try again next time
      return known;
    },
  );
  return settingsRead;
}

/** Another context saved the settings: what this page shows follows them. */
function settingsChanged(next: Settings): void {
  const before = known;
  known = next;
  settingsRead = Promise.resolve(next);
  if (state.kind !== 'detected') return;
  if (next.glossaryMarking !== before.glossaryMarking && next.glossaryMarking !== additions.termsOn) void additions.setTerms(next.glossaryMarking).catch(() => undefined);
  else if (additions.termsOn && next.glossaryTerms !== before.glossaryTerms) void additions.setTerms(true).catch(() => undefined);
  if (additions.pinyinOn) void additions.redrawPinyin(pinyinLook(next)).catch(() => undefined);
}

function ui(): Promise<PageUi> {
  pageUi ??= loadPageUi().then(({ createPageUi }) =>
    createPageUi(
      {
        article: () => (state.kind === 'detected' ? { url: state.article.url, title: state.article.title } : { url: location.href, title: document.title }),
        readingAt: (node, offset, context) => additions.shownReading(node, offset, context),
      },
      () => known,
    ),
  );
  return pageUi;
}

/** A new article in the same document keeps pinyin on; a chosen site turns it on by itself. */
async function pinyinAfterArticle(trigger: 'load' | 'route'): Promise<void> {
  const settings = await currentSettings();
  const wanted = (trigger === 'route' && additions.pinyinOn) || (siteOfPage !== null && settings.pinyinAutoSites.includes(siteOfPage));
  if (wanted) await additions.setPinyin(true, settings).catch(() => undefined);
  else if (await usesPinyin()) later(() => void preparePinyin(pinyinLook(settings)));
}

/**
 * Work for a quiet moment a few seconds after the article is read: loading the annotator
 * compiles half a megabyte of script, which must not hold up what the reader does first
 * (opening the popup, a first click).
 */
function later(fn: () => void): void {
  const run = (): void => {
    if (!session.signal.aborted) fn();
  };
  setTimeout(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 5000 });
    else run();
  }, HABIT_DELAY_MS);
}
const HABIT_DELAY_MS = 3000;

/** Readings decided by context come from the background, which holds the model and the dictionary. */
const readContext = (texts: string[]) => sendToBackground('pinyin/context', { texts }).then((r) => r.readings);

/** The root pinyin goes over with these settings: the article's body, or the whole page. */
function pinyinRoot(look: PinyinLook): Element {
  return look.pinyinScope === 'article' && bodyElement?.isConnected ? bodyElement : document.body;
}

/** The article's headline, when it is outside the root pinyin goes over (it usually is: sites set it above the body). */
function headlineOutside(root: Element): Element[] {
  if (!lastTitle || root === document.body) return [];
  const h = headlineElement(document, lastTitle, root);
  return h ? [h] : [];
}

/** Marks and pinyin over the article's text, one change at a time (see text-additions.ts). */
const additions = createTextAdditions({
  body: () => (bodyElement?.isConnected ? bodyElement : null),
  marks: ui,
  annotator: () => loadAnnotator().then(({ createAnnotator }) => createAnnotator(readContext)),
  pinyinTarget: (look) => {
    const root = pinyinRoot(look);
    return { root, also: headlineOutside(root) };
  },
  storedLook: () => currentSettings().then(pinyinLook),
  knownLook: () => known,
});

/**
 * The popup is open, its pinyin switch in reach: load the annotator and read the text
 * ahead in idle time, so that the switch only has the DOM left to build.
 */
function preparePinyin(look: PinyinLook): Promise<void> | null {
  return state.kind === 'detected' ? additions.preparePinyin(look) : null;
}

async function keep(outcome: Found, signal: AbortSignal): Promise<void> {
  const settings = await currentSettings();
  if (!settings.autoSave) {
    if (!signal.aborted) state = { kind: 'detected', url: location.href, article: summary(outcome), notices: outcome.notices, save: { status: 'not-saved', firstSavedAt: null } };
    return;
  }
  const saved = await save(outcome, 'auto');
  if (!signal.aborted) state = saved;
}

/**
 * After a save, the page may still change its text (a subscriber's full body
 * replacing a teaser): re-read it when the DOM settles, and save again if the
 * text grew, for a while after load.
 */
function followLateChanges(first: Found, signal: AbortSignal, extractArticle: Reader['extractArticle']): void {
  let last = first;
  void waitForContent(
    () => {
      const o = extractArticle(document, location.href);
      if (o.ok && o.article.contentHash !== last.article.contentHash && o.article.charCount > last.article.charCount && (byAdapter(o) || !byAdapter(last))) {
        last = o;
        void keep(o, signal);
        // The site may have replaced the body element itself: follow it with the marks and pinyin.
        if (o.bodyElement && o.bodyElement !== bodyElement) {
          bodyElement = o.bodyElement;
          lastTitle = o.article.title;
          if (additions.termsOn) void additions.setTerms(true).catch(() => undefined);
          if (additions.pinyinOn) void additions.setPinyin(true).catch(() => undefined);
        }
      }
      return null;
    },
    LATE_BODY_MS,
    signal,
  );
}

async function saveManually(): Promise<PageState> {
  const url = location.href;
  const { extractArticle } = await loadReader();
  const outcome = extractArticle(document, url, { generic: true });
  if (!outcome.ok) {
    state = { kind: 'unreadable', url, site: outcome.site, message: outcome.message };
    return state;
  }
  state = await save(outcome, 'manual');
  return state;
}

async function handle(request: ContentRequest): Promise<unknown> {
  switch (request.name) {
    case 'page/state':
      return state;
    case 'page/save':
      return saveManually();
    case 'pinyin/state':
      return additions.pinyinState(await currentSettings());
    case 'pinyin/toggle':
      // Decided once the changes asked before it are made: a toggle right after an "on" turns it off.
      return additions.togglePinyin(request.params.look);
    case 'pinyin/set':
      return request.params.on && request.params.look ? additions.redrawPinyin(request.params.look) : additions.setPinyin(request.params.on, request.params.look);
    case 'pinyin/prepare':
      return { preparing: preparePinyin(request.params.look) !== null };
    case 'terms/set':
      return additions.setTerms(request.params.on);
    case 'terms/state':
      await termsDecided;
      return additions.termsState();
    case 'page/selection':
      return selectionWithSentence();
    default: {
      // Every message the map sends to a tab is answered here: a new one fails the typecheck until it is.
      const unanswered: never = request;
      return unanswered;
    }
  }
}

function onMessage(raw: unknown): Promise<unknown> | undefined {
  const request = parseContentRequest(raw);
  if (!request) return undefined; // not a message for this context
  return handle(request).then(
    (result) => ({ ok: true, result }),
    (err: unknown) => failure(err),
  );
}

/** The selected text and the sentence of its block that holds it (pinyin left out). */
function selectionWithSentence(): { text: string; sentence: string; article: { url: string; title: string } } {
  const article = state.kind === 'detected' ? { url: state.article.url, title: state.article.title } : { url: location.href, title: document.title };
  const sel = document.getSelection();
  const text = (sel?.toString() ?? '').replace(/\s+/g, ' ').trim();
  if (!sel || sel.rangeCount === 0 || !text) return { text, sentence: '', article };
  const range = sel.getRangeAt(0);
  const { full, at } = blockTextAt(blockOf(range.startContainer), range.startContainer, range.startOffset);
  return { text, sentence: sentenceAround(full, at), article };
}

/**
 * The first look-up gesture loads the page UI, which then listens by itself;
 * until then this costs one cheap check per click.
 */
function listenForLookup(signal: AbortSignal): void {
  const first = (e: MouseEvent): void => {
    if (pageUi) return; // the page UI handles its own events once loaded
    const click = e.type === 'click' && isLookupClick(e);
    const hover = e.type === 'mousemove' && e.altKey && e.isTrusted;
    if ((!click && !hover) || !HAN_SCRIPT.test((e.target as Element | null)?.textContent?.slice(0, 2000) ?? '')) return;
    const { clientX, clientY } = e;
    // Settings are read at the first look-up gesture if the article had not read them already.
    void currentSettings().then((s) => {
      if ((click && s.lookupTrigger === 'click') || (hover && s.lookupTrigger === 'alt-hover')) void ui().then((page) => page.lookupAt(clientX, clientY));
    });
  };
  document.addEventListener('click', first, { capture: true, signal });
  document.addEventListener('mousemove', first, { passive: true, signal });
  // The button going down on Chinese text: the background starts (if the browser had stopped it)
  // and opens the dictionary while the button is held, about a tenth of a second in a reader's
  // click, and the page UI loads; the click's look-up then finds them under way. Sent at every
  // such press: a running background with the dictionary open answers it at once, and a stopped
  // one (browsers stop it after 30 s idle, or sooner) is started.
  const prepareAt = (x: number, y: number): void => {
    const caret = caretAt(x, y);
    const found = caret ? textAtCaret(caret.node, caret.offset, 1) : null;
    if (!found) return;
    preparedAt = performance.now();
    void currentSettings().then((s) => {
      if (s.lookupTrigger !== 'click' || signal.aborted) return;
      // With pinyin on, the page's reading of the sentence goes along, and the background leaves its engine alone.
      const reading = additions.shownReading(caret!.node, caret!.offset, found.context);
      void sendToBackground('dict/prepare', { context: found.context, ...(reading ? { reading } : {}) }).catch(() => undefined);
      if (!pageUi) void loadPageUi().catch(() => undefined);
    });
  };
  const press = (e: MouseEvent): void => {
    if (e.isTrusted && e.button === 0 && isLookupTarget(e.target)) prepareAt(e.clientX, e.clientY);
  };
  document.addEventListener('mousedown', press, { capture: true, passive: true, signal });
  // A reader's pointer reaches the word before the click: moving over Chinese text sends the same
  // message, at most once every PREPARE_EVERY_MS, so a background the browser stopped (after 30 s
  // idle) starts, opens the dictionary and reads the sentence there before the click asks.
  let triedAt = -Infinity;
  const approach = (e: MouseEvent): void => {
    const now = performance.now();
    // Tried at most every TRY_EVERY_MS while the pointer is over text with no word under it (margins, punctuation).
    if (now - preparedAt < PREPARE_EVERY_MS || now - triedAt < TRY_EVERY_MS || !e.isTrusted || e.buttons !== 0 || !isLookupTarget(e.target)) return;
    if (!ownHanText(e.target)) return;
    triedAt = now;
    prepareAt(e.clientX, e.clientY);
  };
  document.addEventListener('mousemove', approach, { passive: true, signal });
}

/**
 * Whether an element holds Chinese text itself, among its first children: what the pointer is
 * over, without reading a whole subtree (the body, a wrapper) on every move.
 */
function ownHanText(target: EventTarget | null): boolean {
  const children = (target as Element | null)?.childNodes;
  if (!children) return false;
  for (let i = 0; i < children.length && i < OWN_TEXT_NODES; i++) {
    const n = children[i]!;
    if (n.nodeType === Node.TEXT_NODE && HAN_SCRIPT.test((n as Text).data)) return true;
  }
  return false;
}
const OWN_TEXT_NODES = 64;

/**
 * How often the pointer moving over Chinese text may wake the background: under the 30 s after
 * which Chromium stops an idle worker, so that one reading with the pointer over the text finds it running.
 */
const PREPARE_EVERY_MS = 20_000;
const TRY_EVERY_MS = 100;
/** When the look-up's message last went ahead of a click (by a press or the pointer's approach). */
let preparedAt = -Infinity;

export function startContent(loaders: Loaders): void {
  // Injected twice (manual save on a page that already has us): keep one instance.
  const marker = globalThis as { jieduContent?: boolean };
  if (marker.jieduContent) return;
  marker.jieduContent = true;
  loadReader = loaders.reader;
  loadAnnotator = loaders.annotator;
  loadPageUi = loaders.pageUi;
  // Visible only in this extension's isolated world (never to the page), in development and bench
  // builds: the bench and the browser tests reach the page's work through it.
  if (typeof __JIEDU_TEST_HOOKS__ !== 'undefined' && __JIEDU_TEST_HOOKS__) {
    (globalThis as { jieduBench?: unknown }).jieduBench = {
      detectFromUrl,
      loadReader,
      loadAnnotator,
      setPinyin: additions.setPinyin,
      setTerms: additions.setTerms,
      preparePinyin,
      pinyinRefined: () => additions.pinyinRefined(),
      // As if PREPARE_EVERY_MS had passed since the last message ahead of a click (the bench stops the worker sooner than a browser does).
      forgetPrepared: () => (preparedAt = -Infinity),
    };
  }
  session = startSession();
  session.onEnd(letPageGo);
  watchSettings(settingsChanged, session.signal);
  // The popup, the keyboard command and the right-click menu all ask over a port (see sendToTab).
  answerOnPort(TAB_PORT, onMessage);
  void examine('load');
  listenForLookup(session.signal);
  watchUrl(() => void examine('route', lastTitle), session.signal);
}

/** The extension is gone: what Jiedu drew comes off, and nothing of it listens any more. */
function letPageGo(): void {
  visit.abort();
  additions.letGo();
  void pageUi?.then(
    (page) => page.destroy(),
    () => undefined,
  );
}
