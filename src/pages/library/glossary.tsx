/** The Glossary tab: the built-in glossary of diplomatic terms, searchable and exportable. */
import { useEffect, useState } from 'preact/hooks';
import { CATEGORIES, type Category } from '../../core/glossary/types.ts';
import type { GlossaryListItem } from '../../messaging/protocol.ts';
import { t } from '../../platform/i18n.ts';
import { sendToBackground } from '../../messaging/ports.ts';
import { ExportControls } from './export-controls.tsx';
import { VirtualList } from './virtual-list.tsx';
import { SelectField } from '../../ui/select-field.tsx';

/** Rows: the term's line and its explanation; narrow, the English on a line of its own. */
const ROW = { wide: 76, narrow: 216 };
const categoryName = (c: Category): string => t(`glCategory_${c.replace(/-/g, '_')}`);

export function GlossaryPanel() {
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<Category | null>(null);
  const [result, setResult] = useState<{ items: GlossaryListItem[]; total: number; query: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    sendToBackground('glossary/search', { query, category, limit: 1000 }).then(
      (r) => live && setResult({ ...r, query }),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [query, category]);
  const items = result?.items ?? [];
  return (
    <div class="panel">
      <div class="toolbar">
        <label class="field grow">
          <span>{t('glSearchLabel')}</span>
          <input type="search" value={query} placeholder={t('glSearchPlaceholder')} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} data-testid="glossary-search" />
        </label>
        <SelectField
          label={t('glCategoryLabel')}
          value={category ?? ''}
          options={[['', t('glAllCategories')], ...CATEGORIES.map((c) => [c, categoryName(c)] as const)]}
          onChange={(v) => setCategory(v || null)}
        />
        <span class="count muted" aria-live="polite">
          {result ? t('libTermCount', String(result.total)) : t('loading')}
        </span>
      </div>
      <ExportControls id="glossary-export" actions={[{ label: t('libExportGlossary'), testId: 'export-glossary', run: (format) => sendToBackground('export/glossary', { format }) }]} />
      {error ? (
        <p class="warn" role="alert">
          {t('errorPrefix', error)}
        </p>
      ) : null}
      {result && result.total === 0 ? <p class="muted empty">{t('glNoMatch')}</p> : null}
      <VirtualList
        count={items.length}
        rowHeight={ROW}
        focusable
        label={t('libTabGlossary')}
        resetKey={`${query}|${category ?? ''}`}
        renderRow={(i) => {
          const e = items[i]!;
          return (
            <div class="grow-row" data-testid="glossary-row">
              <div class="wrow-head">
                <span class="word" lang="zh-Hans">
                  {e.simplified}
                </span>
                {e.traditional ? (
                  <span class="trad muted" lang="zh-Hant">
                    【{e.traditional}】
                  </span>
                ) : null}
                <span class="pinyin">{e.pinyin}</span>
                <span class="english" title={e.english}>
                  {e.english}
                </span>
                <span class="badge">{categoryName(e.category)}</span>
              </div>
              <p class="explanation muted" title={e.explanation}>
                {e.alternatives.length ? (
                  <span>
                    {t('glAlternatives')}: {e.alternatives.join('; ')}.{' '}
                  </span>
                ) : null}
                {e.explanation}
              </p>
            </div>
          );
        }}
      />
    </div>
  );
}
