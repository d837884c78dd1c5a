/**
 * Runs on every page of the three sites. Decides from the URL alone whether
 * the page can be an article (most pages stop here), then extracts it, saves
 * it through the background, and answers the popup's questions about the page.
 */
import browser from 'webextension-polyfill';
import { detectFromUrl } from '../core/extract/detect.ts';
import { contentMessageName, type PageState } from '../core/messages.ts';
import { sendToBackground } from '../platform/messaging.ts';
import { waitForContent, watchUrl } from './page-watch.ts';
import type { ExtractOutcome } from './reader.ts';

type Reader = typeof import('./reader.ts');

/** How long a recognised article page may take to fill its body (paywalls, SPAs). */
const LATE_BODY_MS = 6_000;

/** How this build gets the reader: content.js imports it on demand; content-full.js (injected into other sites) carries it. */
export type ReaderLoader = () => Promise<Reader>;

let loadReader: ReaderLoader;
let state: PageState = { kind: 'not-article', url: location.href, reason: 'not examined yet' };
let generation = 0;

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
    return { kind: 'error', url: location.href, message: err instanceof Error ? err.message : String(err) };
  }
}

type Found = Extract<ExtractOutcome, { ok: true }>;

/** The site's own adapter read the page; the generic fallback is only a last resort on a known site. */
const byAdapter = (o: Found): boolean => !o.article.extractor.includes('generic');

/** Examines the current URL; `previousTitle` skips a stale DOM right after a route change. */
async function examine(trigger: 'load' | 'route', previousTitle: string | null = null): Promise<void> {
  const mine = ++generation;
  const url = location.href;
  const detection = detectFromUrl(url);
  if (detection.kind === 'none') {
    state = { kind: 'not-article', url, reason: detection.reason };
    return;
  }
  state = { kind: 'pending', url, site: detection.site };
  const { extractArticle } = await loadReader();
  const fresh = (o: ExtractOutcome): o is Found =>
    o.ok && !(trigger === 'route' && previousTitle !== null && o.article.title === previousTitle);
  // A body may arrive after load (paywalls, single-page apps): wait for the adapter to find it.
  let outcome: Found | null = await waitForContent(() => {
    const o = extractArticle(document, url);
    return fresh(o) && byAdapter(o) ? o : null;
  }, LATE_BODY_MS);
  if (mine !== generation) return; // a newer navigation took over
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
  await keep(outcome, mine);
  if (mine === generation) followLateChanges(outcome, mine, extractArticle);
}

async function keep(outcome: Found, mine: number): Promise<void> {
  const settings = await sendToBackground('settings/get', {}).catch(() => null);
  if (settings && !settings.autoSave) {
    if (mine === generation) state = { kind: 'detected', url: location.href, article: summary(outcome), notices: outcome.notices, save: { status: 'not-saved', firstSavedAt: null } };
    return;
  }
  const saved = await save(outcome, 'auto');
  if (mine === generation) state = saved;
}

/**
 * After a save, the page may still change its text (a subscriber's full body
 * replacing a teaser): re-read it when the DOM settles, and save again if the
 * text grew, for a while after load.
 */
function followLateChanges(first: Found, mine: number, extractArticle: Reader['extractArticle']): void {
  let last = first;
  void waitForContent(() => {
    if (mine !== generation) return true; // navigated away: stop watching
    const o = extractArticle(document, location.href);
    if (o.ok && o.article.contentHash !== last.article.contentHash && o.article.charCount > last.article.charCount && (byAdapter(o) || !byAdapter(last))) {
      last = o;
      void keep(o, mine);
    }
    return null;
  }, LATE_BODY_MS);
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

function onMessage(raw: unknown): Promise<unknown> | undefined {
  const name = contentMessageName(raw);
  switch (name) {
    case 'page/state':
      return Promise.resolve({ ok: true, result: state });
    case 'page/save':
      return saveManually().then(
        (result) => ({ ok: true, result }),
        (err: unknown) => ({ ok: false, error: err instanceof Error ? err.message : String(err) }),
      );
    default:
      return undefined; // not a message for this context
  }
}

export function startContent(loader: ReaderLoader): void {
  // Injected twice (manual save on a page that already has us): keep one instance.
  const marker = globalThis as { jieduContent?: boolean };
  if (marker.jieduContent) return;
  marker.jieduContent = true;
  loadReader = loader;
  // Visible only in this extension's isolated world (never to the page): the bench measures through it.
  (globalThis as { jieduBench?: unknown }).jieduBench = { detectFromUrl, loadReader: loader };
  browser.runtime.onMessage.addListener(onMessage);
  void examine('load');
  watchUrl(() => {
    const previousTitle = state.kind === 'detected' ? state.article.title : null;
    void examine('route', previousTitle);
  });
}
