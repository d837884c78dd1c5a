/** The Articles tab: search, sort and filter the saved articles; open one to read; delete with undo. */
import { useCallback, useState } from 'preact/hooks';
import { SITES, type SiteId } from '../../core/article.ts';
import { ARTICLE_SORTS, type ArticleListItem, type ArticleSort } from '../../messaging/protocol.ts';
import { errorText, formatDate, siteName, t } from '../../platform/i18n.ts';
import { sendToBackground } from '../../messaging/ports.ts';
import { usePaged } from './paged.ts';
import { Reader } from './reader.tsx';
import type { ToastState } from './toast.tsx';
import { VirtualList } from './virtual-list.tsx';
import { byData, whenShown } from './focus.ts';
import { SelectField } from '../../ui/select-field.tsx';

/** Rows: title and meta beside the buttons; narrow, stacked (a title of two lines, meta of up to three). */
const ROW = { wide: 64, narrow: 168 };
const SORT_KEYS: Record<ArticleSort, string> = { saved: 'libSortSaved', published: 'libSortPublished', site: 'libSortSite', title: 'libSortTitle' };

let firstRenderMarked = false;

export function ArticlesPanel({
  initialReading = null,
  dataVersion,
  onChanged,
  showToast,
}: {
  initialReading?: string | null;
  dataVersion: number;
  onChanged: () => void;
  showToast: (t: Omit<ToastState, 'id'>) => void;
}) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<ArticleSort>('saved');
  const [site, setSite] = useState<SiteId | null>(null);
  const [reading, setReading] = useState<string | null>(initialReading);
  const key = JSON.stringify([query, sort, site, dataVersion]);
  const fetchPage = useCallback(
    async (offset: number, limit: number) => {
      const r = await sendToBackground('article/query', { query, site, sort, offset, limit });
      return { items: r.items, total: r.total, extra: null };
    },
    [query, sort, site],
  );
  const paged = usePaged<ArticleListItem, null>(key, fetchPage);

  if (paged.total !== null && !firstRenderMarked) {
    firstRenderMarked = true;
    // For the benchmark: when the first rows are on screen.
    requestAnimationFrame(() => performance.mark('jiedu-library-first-render'));
  }

  const rowTitle = (find: (row: HTMLElement) => boolean) => () => {
    for (const row of document.querySelectorAll<HTMLElement>('[data-testid=article-row]')) if (find(row)) return row.querySelector<HTMLElement>('.title');
    return null;
  };
  const searchField = () => document.querySelector<HTMLElement>('[data-testid=article-search]');
  const remove = async (item: ArticleListItem, index: number) => {
    let full: Awaited<ReturnType<typeof sendToBackground<'article/get'>>>;
    try {
      full = await sendToBackground('article/get', { url: item.url });
      await sendToBackground('article/delete', { url: item.url });
    } catch (err) {
      // Nothing was deleted (a full storage can refuse even that): say why.
      showToast({ message: t('errorPrefix', errorText(err)) });
      return;
    }
    paged.reload();
    onChanged();
    if (!full) return;
    showToast({
      message: t('deleted', item.title),
      // Dismissed: the row that took the deleted one's place, else the search field.
      returnFocus: () => rowTitle((row) => row.dataset.index === String(index))() ?? rowTitle(() => true)() ?? searchField(),
      undo: async () => {
        await sendToBackground('article/restore', { article: full });
        paged.reload();
        onChanged();
        return (await whenShown(() => byData(document, '[data-testid=article-row] .title', 'url', item.url))) ?? searchField();
      },
    });
  };

  const back = useCallback(() => {
    const from = reading;
    setReading(null);
    // Focus goes back to the title the reader came from.
    if (from) void whenShown(() => byData(document, '[data-testid=article-row] .title', 'url', from)).then((el) => (el ?? searchField())?.focus());
  }, [reading]);
  if (reading) return <Reader url={reading} onBack={back} onSaved={onChanged} />;

  return (
    <div class="panel">
      <div class="toolbar">
        <label class="field">
          <span>{t('libSearchArticles')}</span>
          <input type="search" value={query} placeholder={t('libSearchArticlesPlaceholder')} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} data-testid="article-search" />
        </label>
        <SelectField label={t('libSortBy')} value={sort} options={ARTICLE_SORTS.map((s) => [s, t(SORT_KEYS[s])] as const)} onChange={setSort} />
        <SelectField label={t('siteColumn')} value={site ?? ''} options={[['', t('libAllSites')], ...SITES.map((s) => [s, siteName(s)] as const)]} onChange={(v) => setSite(v || null)} />
        <span class="count muted" aria-live="polite" data-testid="article-count">
          {paged.total === null ? t('loading') : t('libArticleCount', paged.total.toLocaleString())}
        </span>
      </div>
      {paged.error ? (
        <p class="warn" role="alert">
          {t('errorPrefix', paged.error)}
        </p>
      ) : null}
      {paged.total === 0 ? <p class="muted empty">{query || site ? t('libNoMatch') : t('libraryEmpty')}</p> : null}
      <VirtualList
        count={paged.total ?? 0}
        rowHeight={ROW}
        label={t('libraryArticles')}
        resetKey={key}
        onRange={paged.ensure}
        renderRow={(i) => {
          const a = paged.get(i);
          if (!a) return <div class="arow placeholder" aria-busy="true" />;
          return (
            <div class="arow" data-testid="article-row" data-index={i}>
              <div class="arow-main">
                <button type="button" class="linklike title" lang="zh-Hans" data-url={a.url} onClick={() => setReading(a.url)} title={t('libRead', a.title)}>
                  {a.title}
                </button>
                <div class="meta muted">
                  <span>{siteName(a.site)}</span>
                  <span>{t('libPublished', formatDate(a.publishedAt))}</span>
                  <span>{t('libSaved', formatDate(a.firstSavedAt))}</span>
                  <span>{t('characters', a.charCount.toLocaleString())}</span>
                </div>
              </div>
              <div class="arow-actions">
                <a class="button" href={a.url} target="_blank" rel="noreferrer" aria-label={t('libOpenOriginalOf', a.title)}>
                  {t('libOpenOriginal')}
                </a>
                <button type="button" aria-label={t('deleteArticle', a.title)} onClick={() => void remove(a, i)}>
                  {t('delete')}
                </button>
              </div>
            </div>
          );
        }}
      />
    </div>
  );
}
