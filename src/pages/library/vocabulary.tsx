/** The Vocabulary tab: search, sort and filter saved words; edit notes and tags; select, delete with undo, export. */
import { useCallback, useState } from 'preact/hooks';
import { VOCAB_SORTS, type ExportFormat, type VocabListResult, type VocabSort } from '../../messaging/protocol.ts';
import { VOCABULARY_SOURCES, type VocabularyRecord, type VocabularySource } from '../../core/vocabulary.ts';
import { errorText, t } from '../../platform/i18n.ts';
import { sendToBackground } from '../../messaging/ports.ts';
import { ExportControls } from './export-controls.tsx';
import { AnkiControls } from './anki-controls.tsx';
import { usePaged } from './paged.ts';
import type { ToastState } from './toast.tsx';
import { SentencesDialog, VOCAB_ROW, VocabRow } from './vocab-row.tsx';
import { VirtualList } from './virtual-list.tsx';
import { byData, whenShown } from './focus.ts';
import { SelectField } from '../../ui/select-field.tsx';

const SORT_KEYS: Record<VocabSort, string> = { recent: 'libSortRecent', created: 'libSortCreated', pinyin: 'libSortPinyin', characters: 'libSortCharacters' };
type Extra = Pick<VocabListResult, 'tags' | 'articles'>;

export function VocabularyPanel({ dataVersion, onChanged, showToast }: { dataVersion: number; onChanged: () => void; showToast: (t: Omit<ToastState, 'id'>) => void }) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<VocabSort>('recent');
  const [tag, setTag] = useState<string | null>(null);
  const [articleUrl, setArticleUrl] = useState<string | null>(null);
  const [source, setSource] = useState<VocabularySource | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<VocabularyRecord | null>(null);
  const [localVersion, setLocalVersion] = useState(0);
  const filter = { query, sort, tag, articleUrl, source };
  const key = JSON.stringify([filter, dataVersion, localVersion]);
  const fetchPage = useCallback(
    async (offset: number, limit: number) => {
      const r = await sendToBackground('vocab/list', { query, sort, tag, articleUrl, source, offset, limit });
      return { items: r.items, total: r.total, extra: { tags: r.tags, articles: r.articles } };
    },
    [query, sort, tag, articleUrl, source],
  );
  const paged = usePaged<VocabularyRecord, Extra>(key, fetchPage);
  const total = paged.total ?? 0;

  const select = (word: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(word);
    else next.delete(word);
    setSelected(next);
  };
  const selectAll = async (on: boolean) => {
    if (!on) return setSelected(new Set());
    const r = await sendToBackground('vocab/list', { ...filter, offset: 0, limit: 1, allKeys: true });
    setSelected(new Set(r.keys ?? []));
  };
  const edit = async (index: number, simplified: string, patch: { note?: string; tags?: string[] }) => {
    const record = await sendToBackground('vocab/update', { simplified, ...patch });
    paged.patch(index, record);
  };
  const removeSelected = async () => {
    let removed: Awaited<ReturnType<typeof sendToBackground<'vocab/delete'>>>;
    try {
      removed = await sendToBackground('vocab/delete', { keys: [...selected] });
    } catch (err) {
      // Nothing was deleted (a full storage can refuse even that): say why, and keep the selection.
      showToast({ message: t('errorPrefix', errorText(err)) });
      return;
    }
    const { deleted, cards } = removed;
    setSelected(new Set());
    setLocalVersion((v) => v + 1);
    onChanged();
    const searchField = () => document.querySelector<HTMLElement>('[data-testid=vocab-search]');
    showToast({
      message: deleted.length === 1 ? t('libDeletedWord', deleted[0]!.simplified) : t('libDeletedWords', String(deleted.length)),
      returnFocus: searchField,
      undo: async () => {
        await sendToBackground('vocab/restore', { records: deleted, cards });
        setSelected(new Set(deleted.map((w) => w.simplified)));
        setLocalVersion((v) => v + 1);
        onChanged();
        // The first restored word's checkbox once its row is drawn, else the search field (a checkbox may be disabled while the list reloads).
        const first = deleted[0]?.simplified ?? '';
        return (await whenShown(() => byData(document, '[data-testid=vocab-row]', 'word', first)?.querySelector<HTMLElement>('.wrow-check') ?? null, 5000)) ?? searchField();
      },
    });
  };

  const articles = paged.extra?.articles ?? [];
  const tags = paged.extra?.tags ?? [];
  const allSelected = total > 0 && selected.size >= total;
  const articleTitle = articles.find((a) => a.url === articleUrl)?.title ?? '';

  return (
    <div
      class="panel"
      data-shown-query={typeof __JIEDU_TEST_HOOKS__ !== 'undefined' && __JIEDU_TEST_HOOKS__ && paged.shownKey ? (JSON.parse(paged.shownKey) as [{ query: string }])[0].query : undefined}
    >
      <div class="toolbar">
        <label class="field grow">
          <span>{t('libSearchWords')}</span>
          <input type="search" value={query} placeholder={t('libSearchWordsPlaceholder')} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} data-testid="vocab-search" />
        </label>
        <SelectField label={t('libSortBy')} value={sort} options={VOCAB_SORTS.map((s) => [s, t(SORT_KEYS[s])] as const)} onChange={setSort} />
        <SelectField label={t('libTag')} value={tag ?? ''} options={[['', t('libAllTags')], ...tags.map((x) => [x, x] as const)]} onChange={(v) => setTag(v || null)} />
        <SelectField
          label={t('libSourceFilter')}
          value={source ?? ''}
          options={[['', t('libAllSources')], ...VOCABULARY_SOURCES.map((s) => [s, t(`libSource_${s}`)] as const)]}
          onChange={(v) => setSource(v || null)}
        />
        <SelectField
          class="article-filter"
          label={t('libArticle')}
          value={articleUrl ?? ''}
          options={[['', t('libAllArticles')], ...articles.map((a) => [a.url, t('libArticleOption', a.title || a.url, String(a.words)), 'zh-Hans'] as const)]}
          onChange={(v) => setArticleUrl(v || null)}
        />
      </div>
      <div class="toolbar actions">
        <label class="check">
          <input type="checkbox" checked={allSelected} disabled={total === 0} onChange={(e) => void selectAll((e.currentTarget as HTMLInputElement).checked)} data-testid="vocab-select-all" />
          {t('libSelectAll', total.toLocaleString())}
        </label>
        <span class="muted" aria-live="polite" data-testid="vocab-count">
          {paged.total === null ? t('loading') : t('libWordCount', total.toLocaleString(), selected.size.toLocaleString())}
        </span>
        <button type="button" disabled={selected.size === 0} onClick={() => void removeSelected()} data-testid="vocab-delete">
          {t('libDeleteSelected', String(selected.size))}
        </button>
      </div>
      <ExportControls
        id="vocab-export"
        actions={[
          {
            label: t('libExportSelection', String(selected.size)),
            disabled: selected.size === 0,
            testId: 'export-selection',
            run: (format) => sendToBackground('export/vocabulary', { format, keys: [...selected], articleUrl: null }),
          },
          { label: t('libExportAll'), disabled: total === 0 && !query, testId: 'export-all', run: (format) => sendToBackground('export/vocabulary', { format, keys: null, articleUrl: null }) },
          ...(articleUrl ? [{ label: t('libExportArticle', articleTitle), testId: 'export-article', run: (format: Parameters<typeof exportArticle>[0]) => exportArticle(format, articleUrl) }] : []),
        ]}
      />
      <AnkiControls selected={[...selected]} total={total} />
      {paged.error ? (
        <p class="warn" role="alert">
          {t('errorPrefix', paged.error)}
        </p>
      ) : null}
      {paged.total === 0 ? <p class="muted empty">{query || tag || source || articleUrl ? t('libNoMatch') : t('libNoWords')}</p> : null}
      <VirtualList
        count={total}
        rowHeight={VOCAB_ROW}
        label={t('libTabVocabulary')}
        resetKey={JSON.stringify(filter)}
        onRange={paged.ensure}
        renderRow={(i) => {
          const w = paged.get(i);
          if (!w) return <div class="wrow placeholder" aria-busy="true" />;
          return <VocabRow word={w} selected={selected.has(w.simplified)} onSelect={(on) => select(w.simplified, on)} onEdit={(p) => edit(i, w.simplified, p)} onShowAll={() => setDialog(w)} />;
        }}
      />
      {dialog ? <SentencesDialog word={dialog} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}

function exportArticle(format: ExportFormat, articleUrl: string) {
  return sendToBackground('export/vocabulary', { format, keys: null, articleUrl });
}
