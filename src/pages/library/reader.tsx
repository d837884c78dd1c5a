/**
 * Reading a saved article offline, from the stored record: title, meta, paragraphs and
 * image captions as text (never HTML), with pinyin over the text on request, and the
 * page's own reading aids (src/content/page-ui.ts): glossary terms marked, a card for
 * a term or for any word clicked, and Save, which keeps the word with its sentence
 * and this article.
 */
import { memo } from 'preact/compat';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StoredArticle } from '../../core/article.ts';
import browser from 'webextension-polyfill';
import type { AnnotationHandle } from '../../core/pinyin/ruby.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings.ts';
import { createPageUi, type PageUi } from '../../content/page-ui.ts';
import { formatDate, siteName, t } from '../../platform/i18n.ts';
import { sendToBackground } from '../../messaging/ports.ts';
import { contextBatches } from '../../messaging/protocol.ts';
import { loadSettings, watchSettings } from '../../platform/settings-store.ts';
import { isDark, parseColor } from '../../core/color.ts';

const STYLE_ID = 'jiedu-reader-pinyin';

type PinyinModule = typeof import('./pinyin.ts');
let pinyinModule: Promise<PinyinModule> | null = null;
/** The separately built library-pinyin.js; a computed URL, so the bundler leaves the import alone. */
function loadPinyin(): Promise<PinyinModule> {
  const url = browser.runtime.getURL('library-pinyin.js');
  // eslint-disable-next-line no-unsanitized/method -- the extension's own file, by its packaged URL
  pinyinModule ??= (import(url) as Promise<PinyinModule>).catch((err: unknown) => {
    pinyinModule = null;
    throw err;
  });
  return pinyinModule;
}

/** Light or dark, from the first background behind `el` that is not transparent. */
function shadeBehind(el: Element): 'light' | 'dark' {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const c = parseColor(getComputedStyle(e).backgroundColor);
    if (c && c.a > 0) return isDark(c) ? 'dark' : 'light';
  }
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The page's pinyin style, as the content script draws it on an article: size, line height, tone colours for this background. */
function setPinyinStyle(css: string): void {
  let style = document.getElementById(STYLE_ID);
  if (!style) {
    style = document.createElement('style');
    style.id = STYLE_ID;
    document.head.append(style);
  }
  style.textContent = css;
}

/** The title, rendered once per article like the body, so the annotator can own its text too. */
const Title = memo(
  function Title({ title, headingRef }: { title: string; headingRef: { current: HTMLHeadingElement | null } }) {
    return (
      <h2 class="reader-title" lang="zh-Hans" tabIndex={-1} ref={headingRef} data-testid="reader-title">
        {title}
      </h2>
    );
  },
  (a, b) => a.title === b.title,
);

/** Rendered once per article and never re-rendered, so the annotator can own its text nodes. */
const Body = memo(
  function Body({ article, bodyRef }: { article: StoredArticle; bodyRef: { current: HTMLDivElement | null } }) {
    return (
      <div class="reader-body" lang={article.language || 'zh-Hans'} ref={bodyRef} data-testid="reader-body">
        {article.paragraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
        {article.images
          .filter((img) => img.caption.trim() !== '')
          .map((img, i) => (
            <p class="caption" key={`img${i}`}>
              <span class="caption-label">{t('libImageCaption')}</span> {img.caption}
            </p>
          ))}
      </div>
    );
  },
  (a, b) => a.article === b.article,
);

export function Reader({ url, onBack, onSaved }: { url: string; onBack: () => void; onSaved?: () => void }) {
  const [article, setArticle] = useState<StoredArticle | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [pinyin, setPinyin] = useState(false);
  const [settings, setSettings] = useState<Settings | null>(null);
  const bodyRef = useRef<HTMLDivElement | null>(null);
  const handle = useRef<AnnotationHandle | null>(null);
  const heading = useRef<HTMLHeadingElement | null>(null);
  const view = useRef<HTMLElement | null>(null);
  // Read by the reading aids' event handlers, which answer synchronously.
  const current = useRef<Settings>(DEFAULT_SETTINGS);
  if (settings) current.current = settings;
  const [aids, setAids] = useState<PageUi | null>(null);
  // The library's counts follow a word saved from a card.
  const savedRef = useRef(onSaved);
  savedRef.current = onSaved;
  /** Bumped when the marks are drawn again: pinyin, which goes over the marks, is drawn again after them. */
  const [marksDrawn, setMarksDrawn] = useState(0);

  useEffect(() => {
    sendToBackground('article/get', { url }).then(setArticle, (e: Error) => setError(e.message));
    // Without stored settings the defaults: the text waits for the marks, which wait for the settings.
    loadSettings().then(setSettings, () => setSettings(DEFAULT_SETTINGS));
  }, [url]);
  useEffect(() => {
    const watching = new AbortController();
    watchSettings(setSettings, watching.signal);
    return () => watching.abort();
  }, []);
  useEffect(() => {
    if (article) heading.current?.focus();
  }, [article]);

  // The page's reading aids over this view: look-ups, cards and Save, for as long as the view is open.
  useEffect(() => {
    const scope = view.current;
    if (!article || !scope) return;
    const ui = createPageUi({ article: () => ({ url: article.url, title: article.title }), scope, saved: () => savedRef.current?.() }, () => current.current);
    setAids(ui);
    return () => {
      ui.destroy();
      setAids(null);
    };
  }, [article]);

  // Glossary terms marked as on the page (the same settings); marks go under the pinyin, so it is taken off first.
  const marking = settings ? (settings.glossaryMarking && article?.language !== 'en' ? settings.glossaryTerms : 'off') : null;
  useEffect(() => {
    const body = bodyRef.current;
    if (!aids || !body || marking === null) return;
    let live = true;
    const drawn = handle.current;
    handle.current = null;
    void aids
      .whileMarksPaused(async () => drawn?.remove())
      .then(() => aids.setMarking(marking === 'off' ? null : body))
      .then(
        () => live && setMarksDrawn((v) => v + 1),
        (e: Error) => {
          if (!live) return;
          setError(e.message);
          setMarksDrawn((v) => v + 1);
        },
      );
    return () => {
      live = false;
    };
  }, [aids, marking]);

  // Pinyin over the title and the body; drawn again when what it is drawn with changes.
  const look = settings ? JSON.stringify([settings.pinyinTone, settings.pinyinSandhi, settings.pinyinNeutral, settings.pinyinToneColors !== 'off']) : null;
  useEffect(() => {
    const el = bodyRef.current;
    const title = heading.current;
    // After the marks (once the reading aids are there): pinyin goes over them and is drawn once.
    if (!el || !article || !pinyin || !settings || !aids || marksDrawn === 0) return;
    let live = true;
    const draw = <T,>(work: () => T): Promise<T> => (aids ? aids.whileMarksPaused(async () => work()) : Promise.resolve(work()));
    loadPinyin().then(
      async (mod) => {
        if (!live) return;
        // The marks' observer is paused meanwhile: the nodes pinyin adds are not new text to mark.
        const h = await draw(() =>
          mod.annotateDom(el, {
            tone: settings.pinyinTone,
            sandhi: settings.pinyinSandhi,
            neutral: settings.pinyinNeutral,
            toneColors: settings.pinyinToneColors !== 'off',
            also: title ? [title] : [],
          }),
        );
        if (!live) {
          void draw(() => h.remove());
          return;
        }
        handle.current = h;
        // Readings decided by context come from the background and are drawn over the first ones.
        void (async () => {
          const known = new Map<string, Map<number, string>>();
          for (const texts of contextBatches(h.textsWithoutContext())) {
            const answer = await sendToBackground('pinyin/context', { texts }).catch(() => null);
            if (!answer) return;
            texts.forEach((text, i) => known.set(text, new Map(answer.readings[i] ?? [])));
          }
          if (handle.current !== h) return;
          h.applyContext((text) => known.get(text));
          // Says the readings are final (the context ones drawn), for whoever waits on them.
          el.dataset.readings = 'final';
        })();
      },
      (e: Error) => setError(e.message),
    );
    return () => {
      live = false;
      delete el.dataset.readings;
      const drawn = handle.current;
      handle.current = null;
      if (drawn) void draw(() => drawn.remove());
    };
  }, [pinyin, article, look, aids, marksDrawn]);
  // Size and colours follow the settings and the theme without redrawing the text.
  const [schemeVersion, setSchemeVersion] = useState(0);
  useEffect(() => {
    const media = matchMedia('(prefers-color-scheme: dark)');
    const bump = () => setSchemeVersion((v) => v + 1);
    media.addEventListener('change', bump);
    const themeWatch = new MutationObserver(bump);
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      media.removeEventListener('change', bump);
      themeWatch.disconnect();
    };
  }, []);
  useEffect(() => {
    if (!pinyin || !settings || !bodyRef.current) return;
    const body = bodyRef.current;
    void loadPinyin().then(
      (mod) => setPinyinStyle(mod.pinyinCss(settings, shadeBehind(body))),
      () => undefined,
    );
  }, [pinyin, settings, schemeVersion]);
  useEffect(() => () => handle.current?.remove(), []);

  // Escape leaves the view wherever focus is (after a click on the text it is on <body>), unless something inside it took
  // the key: an open card closes first. On the window, so that it hears the key after the card's listener on the document.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !document.querySelector('dialog[open]')) onBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack]);

  return (
    <article class="reader" aria-busy={article === undefined} ref={view}>
      {!article ? (
        <div class="reader-bar">
          <button type="button" onClick={onBack}>
            {t('libBack')}
          </button>
        </div>
      ) : null}
      {error ? (
        <p class="warn" role="alert">
          {t('errorPrefix', error)}
        </p>
      ) : null}
      {article === undefined && !error ? <p class="muted">{t('loading')}</p> : null}
      {article === null ? (
        <p class="warn" role="alert">
          {t('libArticleGone')}
        </p>
      ) : null}
      {article ? (
        <>
          <Title title={article.title} headingRef={heading} />
          <p class="meta muted">
            <span>{siteName(article.site)}</span>
            <span>{formatDate(article.publishedAt)}</span>
            {article.source ? <span lang="zh-Hans">{t('libSource', article.source)}</span> : null}
            {article.authors.length ? <span lang="zh-Hans">{article.authors.join('、')}</span> : null}
            <span>{t('libSaved', formatDate(article.firstSavedAt))}</span>
          </p>
          {/* After the title in focus order: focus lands on the title, and Tab goes on to these. */}
          <div class="reader-bar">
            <button type="button" onClick={onBack}>
              {t('libBack')}
            </button>
            <label class="switch">
              <input type="checkbox" role="switch" checked={pinyin} onChange={(e) => setPinyin((e.currentTarget as HTMLInputElement).checked)} data-testid="reader-pinyin" />
              <span>{t('libPinyin')}</span>
            </label>
            <a class="button" href={article.url} target="_blank" rel="noreferrer">
              {t('libOpenOriginal')}
            </a>
          </div>
          {article.partial ? <p class="notice">{t('partial', String(article.partial.page))}</p> : null}
          {/* Shown with its marks: the text appears once, as it stays, rather than being underlined a moment later. */}
          <div style={marksDrawn > 0 ? undefined : { visibility: 'hidden' }}>
            <Body article={article} bodyRef={bodyRef} />
          </div>
        </>
      ) : null}
    </article>
  );
}
