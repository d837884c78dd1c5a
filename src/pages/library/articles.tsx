/** The Articles tab: search, sort and filter the saved articles; open one to read; delete with undo. */
import { useCallback, useState } from 'preact/hooks';
import { SITES, type SiteId } from '../../core/article.ts';
import { ARTICLE_SORTS, type ArticleListItem, type ArticleSort } from '../../core/messages.ts';
import { formatDate, siteName, t } from '../../platform/i18n.ts';
import { sendToBackground } from '../../platform/messaging.ts';
import { usePaged } from './paged.ts';
import { Reader } from './reader.tsx';
import type { ToastState } from './toast.tsx';
import { VirtualList } from './virtual-list.tsx';

const ROW = 64;
const SORT_KEYS: Record<ArticleSort, string> = { saved: 'libSortSaved', published: 'libSortPublished', site: 'libSortSite', title: 'libSortTitle' };

let firstRenderMarked = false;

export function ArticlesPanel({ dataVersion, onChanged, showToast }: { dataVersion: number; onChanged: () => void; showToast: (t: Omit<ToastState, 'id'>) => void }) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<ArticleSort>('saved');
  const [site, setSite] = useState<SiteId | null>(null);
  const [reading, setReading] = useState<string | null>(null);
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

  const remove = async (item: ArticleListItem) => {
    const full = await sendToBackground('article/get', { url: item.url });
    await sendToBackground('article/delete', { url: item.url });
    paged.reload();
    onChanged();
    if (!full) return;
    showToast({
      message: t('deleted', item.title),
      undo: async () => {
        await sendToBackground('article/restore', { article: full });
        paged.reload();
        onChanged();
      },
    });
  };

  if (reading) return <Reader url={reading} onBack={() => setReading(null)} />;

  return (
    <div class="panel" data-shown-key={paged.shownKey ?? ''}>
      <div class="toolbar">
        <label class="field">
          <span>{t('libSearchArticles')}</span>
          <input type="search" value={query} placeholder={t('libSearchArticlesPlaceholder')} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} data-testid="article-search" />
        </label>
        <label class="field">
          <span>{t('libSortBy')}</span>
          <select value={sort} onChange={(e) => setSort((e.currentTarget as HTMLSelectElement).value as ArticleSort)}>
            {ARTICLE_SORTS.map((s) => <option key={s} value={s}>{t(SORT_KEYS[s])}</option>)}
          </select>
        </label>
        <label class="field">
          <span>{t('siteColumn')}</span>
          <select value={site ?? ''} onChange={(e) => setSite(((e.currentTarget as HTMLSelectElement).value || null) as SiteId | null)}>
            <option value="">{t('libAllSites')}</option>
            {SITES.map((s) => <option key={s} value={s}>{siteName(s)}</option>)}
          </select>
        </label>
        <span class="count muted" aria-live="polite" data-testid="article-count">{paged.total === null ? t('loading') : t('libArticleCount', paged.total.toLocaleString())}</span>
      </div>
      {paged.error ? <p class="warn" role="alert">{t('errorPrefix', paged.error)}</p> : null}
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
            <div class="arow" data-testid="article-row">
              <div class="arow-main">
                <button type="button" class="linklike title" lang="zh-Hans" onClick={() => setReading(a.url)} title={t('libRead', a.title)}>{a.title}</button>
                <div class="meta muted">
                  <span>{siteName(a.site)}</span>
                  <span>{t('libPublished', formatDate(a.publishedAt))}</span>
                  <span>{t('libSaved', formatDate(a.firstSavedAt))}</span>
                  <span>{t('characters', a.charCount.toLocaleString())}</span>
                </div>
              </div>
              <div class="arow-actions">
                <a class="button" href={a.url} target="_blank" rel="noreferrer" aria-label={t('libOpenOriginalOf', a.title)}>{t('libOpenOriginal')}</a>
                <button type="button" aria-label={t('deleteArticle', a.title)} onClick={() => void remove(a)}>{t('delete')}</button>
              </div>
            </div>
          );
        }}
      />
    </div>
  );
}
