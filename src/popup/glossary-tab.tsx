/**
 * The popup's Glossary tab: search the diplomatic glossary, list the terms of
 * the current article, and read one entry with its seed sentences and the
 * saved articles that use it. Everything comes from the background, which owns
 * the glossary and the library.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { stripTones } from '../core/glossary/pinyin-form.ts';
import { CATEGORIES, type Category } from '../core/glossary/types.ts';
import type { GlossaryEntryDetail, GlossaryListItem, Result } from '../messaging/protocol.ts';
import { errorText as describeError, glossaryCategoryName as categoryLabel, t } from '../platform/i18n.ts';
import { sendToBackground } from '../messaging/ports.ts';

const PAGE = 100;
/** The background refuses larger pages; past this a narrower search is the better answer. */
const MAX_LIMIT = 1000;
const DEBOUNCE_MS = 120;

type Loadable<T> = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; value: T };
type ArticleTerms = Result<'glossary/in-article'>;
type SearchResults = Result<'glossary/search'> & { tonesIgnored: boolean };

/**
 * The glossary gives citation tones (yī dài yī lù) while readers often type the
 * tones they hear (yí dài yí lù); a toned query that finds nothing is tried again
 * without its tones rather than left empty.
 */
async function searchGlossary(query: string, category: Category | null, limit: number): Promise<SearchResults> {
  const exact = await sendToBackground('glossary/search', { query, category, limit });
  const toneless = stripTones(query);
  if (exact.total > 0 || toneless === query) return { ...exact, tonesIgnored: false };
  const loose = await sendToBackground('glossary/search', { query: toneless, category, limit });
  return loose.total > 0 ? { ...loose, tonesIgnored: true } : { ...exact, tonesIgnored: false };
}

function errorText(err: unknown): string {
  return t('glError', describeError(err));
}

/** Splits a sentence around each occurrence of the term so that the term can be marked as a text node. */
function highlight(sentence: string, forms: readonly string[]): ComponentChildren[] {
  const parts: ComponentChildren[] = [];
  const needles = forms.filter((f) => f.length > 0);
  let from = 0;
  for (;;) {
    let at = -1;
    let len = 0;
    for (const f of needles) {
      const i = sentence.indexOf(f, from);
      // The earliest, then the longest, so that a traditional form containing the simplified one wins.
      if (i !== -1 && (at === -1 || i < at || (i === at && f.length > len))) {
        at = i;
        len = f.length;
      }
    }
    if (at === -1) break;
    if (at > from) parts.push(sentence.slice(from, at));
    parts.push(<mark key={at}>{sentence.slice(at, at + len)}</mark>);
    from = at + len;
  }
  if (from < sentence.length) parts.push(sentence.slice(from));
  return parts;
}

function Message({ kind, children }: { kind: 'status' | 'alert'; children: ComponentChildren }) {
  return (
    <p class={kind === 'alert' ? 'gl-message warn' : 'gl-message muted'} role={kind}>
      {children}
    </p>
  );
}

function EntryRow({ item, onOpen }: { item: GlossaryListItem; onOpen: (term: string, opener: HTMLElement) => void }) {
  return (
    <li>
      <button type="button" class="gl-row" data-term={item.simplified} onClick={(e) => onOpen(item.simplified, e.currentTarget)}>
        <span class="gl-row-head">
          <span class="gl-forms">
            <span class="gl-zh" lang="zh-Hans">
              {item.simplified}
            </span>
            {item.traditional && item.traditional !== item.simplified ? (
              <>
                {' '}
                <span class="gl-zh gl-trad" lang="zh-Hant">
                  {item.traditional}
                </span>
              </>
            ) : null}
          </span>
          <span class="gl-chip">{categoryLabel(item.category)}</span>
        </span>
        <span class="gl-pinyin" lang="zh-Latn-pinyin">
          {item.pinyin}
        </span>
        <span class="gl-english" lang="en">
          {item.english}
        </span>
      </button>
    </li>
  );
}

function ArticleRow({ term, onOpen }: { term: ArticleTerms[number]; onOpen: (term: string, opener: HTMLElement) => void }) {
  return (
    <li>
      <button type="button" class="gl-row" data-term={term.term} onClick={(e) => onOpen(term.term, e.currentTarget)}>
        <span class="gl-row-head">
          <span class="gl-forms">
            <span class="gl-zh" lang="zh-Hans">
              {term.term}
            </span>
          </span>
          <span class="gl-count" data-testid="gl-term-count">
            {t('glOccurrences', term.count)}
          </span>
        </span>
        <span class="gl-pinyin" lang="zh-Latn-pinyin">
          {term.pinyin}
        </span>
        <span class="gl-english" lang="en">
          {term.english}
        </span>
      </button>
    </li>
  );
}

const SOURCES_SHOWN = 3;

/** Saves a glossary term to the vocabulary; from the popup there is no sentence to keep with it. */
function SaveTerm({ entry }: { entry: GlossaryEntryDetail['entry'] }) {
  const [status, setStatus] = useState<string | null>(null);
  const save = async () => {
    try {
      const { created } = await sendToBackground('vocab/save', {
        word: {
          simplified: entry.simplified,
          traditional: entry.traditional ?? entry.simplified,
          pinyin: entry.pinyin,
          english: [entry.english, ...entry.alternatives],
          source: 'glossary',
          tags: [entry.category],
        },
        context: null,
      });
      setStatus(created ? t('cardSaved') : t('glAlreadySaved'));
    } catch (err) {
      setStatus(errorText(err));
    }
  };
  return (
    <p class="gl-save">
      <button type="button" class="primary" onClick={() => void save()}>
        {t('cardSave')}
      </button>{' '}
      <span role="status" class="muted gl-small" data-testid="gl-save-status">
        {status ?? ''}
      </span>
    </p>
  );
}

function EntryDetail({ term, onBack }: { term: string; onBack: () => void }) {
  const [detail, setDetail] = useState<Loadable<GlossaryEntryDetail | null>>({ kind: 'loading' });
  const [allSources, setAllSources] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const sources = useRef<HTMLUListElement>(null);

  useEffect(() => {
    let live = true;
    setDetail({ kind: 'loading' });
    setAllSources(false);
    sendToBackground('glossary/entry', { term })
      .then((value) => live && setDetail({ kind: 'ready', value }))
      .catch((err: unknown) => live && setDetail({ kind: 'error', message: errorText(err) }));
    return () => {
      live = false;
    };
  }, [term]);

  // Focus follows the view, so that Tab continues inside the entry and a screen reader reads its name.
  useEffect(() => {
    if (detail.kind === 'ready' && detail.value) heading.current?.focus();
  }, [detail]);

  // The "show all" button disappears once pressed; keep the reader's place on the first source it revealed.
  useEffect(() => {
    if (allSources) sources.current?.querySelector<HTMLElement>(`li:nth-child(${SOURCES_SHOWN + 1})`)?.focus();
  }, [allSources]);

  const back = (
    <button type="button" class="gl-back" onClick={onBack}>
      <span aria-hidden="true">← </span>
      {t('glBack')}
    </button>
  );
  if (detail.kind === 'loading')
    return (
      <div class="gl-detail">
        {back}
        <Message kind="status">{t('glLoading')}</Message>
      </div>
    );
  if (detail.kind === 'error')
    return (
      <div class="gl-detail">
        {back}
        <Message kind="alert">{detail.message}</Message>
      </div>
    );
  if (!detail.value)
    return (
      <div class="gl-detail">
        {back}
        <Message kind="alert">{t('glEntryMissing')}</Message>
      </div>
    );

  const { entry, savedArticles } = detail.value;
  const forms = [entry.simplified, entry.traditional ?? ''];
  const citations = allSources ? entry.citations : entry.citations.slice(0, SOURCES_SHOWN);
  return (
    <article class="gl-detail" aria-labelledby="gl-detail-term" data-testid="gl-detail">
      {back}
      <div class="gl-detail-body">
        <div class="gl-detail-head">
          <h3 id="gl-detail-term" class="gl-zh gl-term" lang="zh-Hans" tabIndex={-1} ref={heading}>
            {entry.simplified}
          </h3>
          {entry.traditional && entry.traditional !== entry.simplified ? (
            <p class="gl-trad-line">
              <span class="muted">{t('glTraditional')}</span>{' '}
              <span class="gl-zh" lang="zh-Hant">
                {entry.traditional}
              </span>
            </p>
          ) : null}
          <p class="gl-pinyin gl-pinyin-big" lang="zh-Latn-pinyin">
            {entry.pinyin}
          </p>
          <p class="gl-english-big" lang="en">
            {entry.english}
          </p>
          <span class="gl-chip">{categoryLabel(entry.category)}</span>
        </div>
        {entry.alternatives.length > 0 ? (
          <p class="gl-alts">
            <span class="muted">{t('glAlternatives')}</span> <span lang="en">{entry.alternatives.join('; ')}</span>
          </p>
        ) : null}
        <p class="gl-explanation" lang="en" data-testid="gl-explanation">
          {entry.explanation}
        </p>
        <SaveTerm entry={entry} />

        <h4>{t('glSources')}</h4>
        {entry.citations.length === 0 ? (
          <p class="muted gl-small">{entry.related ? t('glRelated') : t('glSourcesNone')}</p>
        ) : (
          <ul class="gl-sources" ref={sources}>
            {citations.map((c, i) => (
              <li key={`${c.seed}-${i}`} data-testid="gl-citation" tabIndex={-1}>
                <p class="gl-sentence" lang="zh-Hans">
                  {highlight(c.sentence, forms)}
                </p>
                <p class="gl-source-title" lang="zh-Hans">
                  {c.title}
                </p>
              </li>
            ))}
          </ul>
        )}
        {!allSources && entry.citations.length > SOURCES_SHOWN ? (
          <button type="button" class="gl-more" onClick={() => setAllSources(true)}>
            {t('glShowAllSources', entry.citations.length)}
          </button>
        ) : null}

        <h4>{t('glLibrary')}</h4>
        {savedArticles.length === 0 ? (
          <p class="muted gl-small">{t('glLibraryNone')}</p>
        ) : (
          <ul class="gl-library" data-testid="gl-library">
            {savedArticles.map((a) => (
              <li key={a.url}>
                <a href={a.url} target="_blank" rel="noreferrer" lang="zh-Hans">
                  {a.title}
                </a>
                <span class="gl-count">{t('glOccurrences', a.count)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}

export function GlossaryTab(props: { articleUrl: string | null }): JSX.Element {
  const { articleUrl } = props;
  const [scope, setScope] = useState<'all' | 'article'>('all');
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<Category | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [results, setResults] = useState<Loadable<SearchResults>>({ kind: 'loading' });
  /** What the shown results answer; while it differs from what is asked, the list is busy. */
  const [answered, setAnswered] = useState<string | null>(null);
  const [articleTerms, setArticleTerms] = useState<Loadable<ArticleTerms>>({ kind: 'loading' });
  const [open, setOpen] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [restoreFocus, setRestoreFocus] = useState(false);
  // A newer search may answer before an older one; only the latest is shown.
  const latest = useRef(0);

  const asked = JSON.stringify([query, category, limit]);
  useEffect(() => {
    const id = ++latest.current;
    const timer = setTimeout(() => {
      searchGlossary(query, category, limit)
        .then((value) => id === latest.current && setResults({ kind: 'ready', value }))
        .catch((err: unknown) => id === latest.current && setResults({ kind: 'error', message: errorText(err) }))
        .finally(() => id === latest.current && setAnswered(asked));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, category, limit]);

  useEffect(() => {
    if (!articleUrl) return;
    let live = true;
    setArticleTerms({ kind: 'loading' });
    sendToBackground('glossary/in-article', { url: articleUrl })
      .then((value) => live && setArticleTerms({ kind: 'ready', value: [...value].sort((a, b) => b.count - a.count) }))
      .catch((err: unknown) => live && setArticleTerms({ kind: 'error', message: errorText(err) }));
    return () => {
      live = false;
    };
  }, [articleUrl]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      // While an entry is open, Escape means "back to the list" and nothing else: not closing the popup, not other listeners.
      e.preventDefault();
      e.stopPropagation();
      close();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [open]);

  useEffect(() => {
    if (!restoreFocus) return;
    setRestoreFocus(false);
    const el = opener.current;
    if (el?.isConnected) el.focus();
  }, [restoreFocus]);

  const openEntry = (term: string, from: HTMLElement) => {
    opener.current = from;
    setOpen(term);
  };
  const close = () => {
    setOpen(null);
    setRestoreFocus(true);
  };
  const newQuery = (q: string) => {
    setQuery(q);
    setLimit(PAGE);
  };
  const newCategory = (value: string) => {
    setCategory((CATEGORIES as readonly string[]).includes(value) ? (value as Category) : null);
    setLimit(PAGE);
  };

  const showArticle = scope === 'article' && articleUrl !== null;
  const articleCount = articleTerms.kind === 'ready' ? articleTerms.value.length : null;

  return (
    <div class="gl">
      {open ? <EntryDetail term={open} onBack={close} /> : null}
      {/* The list stays mounted under the entry so that Back returns to the same row and scroll position. */}
      <div class="gl-browse" hidden={open !== null}>
        {articleUrl ? (
          <div class="gl-scope" role="group" aria-label={t('glScopeLabel')}>
            <button type="button" aria-pressed={scope === 'all'} onClick={() => setScope('all')}>
              {t('glScopeAll')}
            </button>
            <button type="button" aria-pressed={scope === 'article'} onClick={() => setScope('article')} data-testid="gl-in-article">
              {t('glScopeArticle')}
              {articleCount !== null ? <span class="gl-scope-count">{articleCount}</span> : null}
            </button>
          </div>
        ) : null}

        {showArticle ? (
          <div class="gl-results" role="region" aria-label={t('glScopeArticle')}>
            {articleTerms.kind === 'loading' ? <Message kind="status">{t('glLoading')}</Message> : null}
            {articleTerms.kind === 'error' ? <Message kind="alert">{articleTerms.message}</Message> : null}
            {articleTerms.kind === 'ready' ? (
              articleTerms.value.length === 0 ? (
                <Message kind="status">{t('glInArticleEmpty')}</Message>
              ) : (
                <>
                  <p class="gl-total muted" role="status">
                    {t('glInArticleCount', articleTerms.value.length)}
                  </p>
                  <div class="gl-scroll">
                    <ul class="gl-list" data-testid="gl-article-list">
                      {articleTerms.value.map((term) => (
                        <ArticleRow key={term.term} term={term} onOpen={openEntry} />
                      ))}
                    </ul>
                  </div>
                </>
              )
            ) : null}
          </div>
        ) : (
          <>
            <div class="gl-controls">
              <label class="gl-field gl-field-search">
                <span class="gl-label">{t('glSearchLabel')}</span>
                <input type="search" value={query} placeholder={t('glSearchPlaceholder')} autocomplete="off" spellcheck={false} onInput={(e) => newQuery(e.currentTarget.value)} />
              </label>
              {/* The count shares the filter's row: the popup is at most 600 px tall and the list needs the height. */}
              <div class="gl-filter-row">
                <label class="gl-field">
                  <span class="gl-label">{t('glCategoryLabel')}</span>
                  <select value={category ?? ''} onChange={(e) => newCategory(e.currentTarget.value)}>
                    <option value="">{t('glAllCategories')}</option>
                    {CATEGORIES.map((c) => (
                      <option key={c} value={c}>
                        {categoryLabel(c)}
                      </option>
                    ))}
                  </select>
                </label>
                <p class="gl-total muted" role="status" data-testid="gl-total">
                  {results.kind === 'ready' && results.value.total > 0 ? t('glCountOf', results.value.items.length, results.value.total) : ''}
                </p>
              </div>
            </div>
            <div class="gl-results" role="region" aria-label={t('glResultsLabel')} aria-busy={answered !== asked}>
              {results.kind === 'loading' ? <Message kind="status">{t('glSearching')}</Message> : null}
              {results.kind === 'error' ? <Message kind="alert">{results.message}</Message> : null}
              {results.kind === 'ready' ? (
                results.value.total === 0 ? (
                  category && query.trim() ? (
                    <>
                      <Message kind="status">{t('glNoMatchInCategory', categoryLabel(category), query.trim())}</Message>
                      <button type="button" class="gl-widen" onClick={() => newCategory('')}>
                        {t('glSearchAllCategories')}
                      </button>
                    </>
                  ) : (
                    <Message kind="status">{query.trim() ? t('glNoMatch', query.trim()) : t('glNoTerms')}</Message>
                  )
                ) : (
                  <>
                    {results.value.tonesIgnored ? (
                      <p class="gl-note muted" data-testid="gl-tones-ignored">
                        {t('glTonesIgnored')}
                      </p>
                    ) : null}
                    <div class="gl-scroll">
                      <ul class="gl-list" data-testid="gl-list">
                        {results.value.items.map((item) => (
                          <EntryRow key={item.simplified} item={item} onOpen={openEntry} />
                        ))}
                      </ul>
                      {results.value.total > results.value.items.length && limit < MAX_LIMIT ? (
                        <button type="button" class="gl-more" onClick={() => setLimit((l) => Math.min(l + PAGE, MAX_LIMIT))}>
                          {t('glShowMore', Math.min(PAGE, results.value.total - results.value.items.length))}
                        </button>
                      ) : null}
                    </div>
                  </>
                )
              ) : null}
            </div>
          </>
        )}
      </div>
    </div>
  );
}
