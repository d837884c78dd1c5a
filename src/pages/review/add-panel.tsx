/** Adding cards: saved words (all, or one article's), glossary entries by category, by article, or one at a time. */
import { useEffect, useState } from 'preact/hooks';
import { CATEGORIES, type Category } from '../../core/glossary/types.ts';
import type { ReviewAddParams } from '../../messaging/protocol.ts';
import { errorText, glossaryCategoryName as categoryLabel, t } from '../../platform/i18n.ts';
import { sendToBackground } from '../../messaging/ports.ts';
import type { Notice } from './study.tsx';
import { SelectField } from '../../ui/select-field.tsx';

export function AddPanel({ onNotice, onChanged }: { onNotice: (n: Notice) => void; onChanged: () => void }) {
  const [articles, setArticles] = useState<{ url: string; title: string }[]>([]);
  const [article, setArticle] = useState('');
  const [category, setCategory] = useState<Category>(CATEGORIES[0]);
  const [term, setTerm] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    sendToBackground('article/query', { query: '', site: null, sort: 'saved', offset: 0, limit: 1000 }).then(
      (r) => {
        setArticles(r.items.map((a) => ({ url: a.url, title: a.title })));
        if (r.items[0]) setArticle(r.items[0].url);
      },
      () => undefined,
    );
  }, []);

  const add = async (params: Omit<ReviewAddParams, 'keys' | 'category' | 'articleUrl'> & Partial<ReviewAddParams>) => {
    setBusy(true);
    try {
      const r = await sendToBackground('review/add', { keys: null, category: null, articleUrl: null, ...params });
      onNotice({ message: t('reviewAdded', r.added, r.existing) });
      onChanged();
    } catch (err) {
      onNotice({ message: t('reviewError', errorText(err)) });
    } finally {
      setBusy(false);
    }
  };

  const addEntry = async () => {
    const q = term.trim();
    if (!q) return;
    const found = await sendToBackground('glossary/entry', { term: q }).catch(() => null);
    if (!found) {
      onNotice({ message: t('reviewNotInGlossary', q) });
      return;
    }
    await add({ source: 'glossary', keys: [found.entry.simplified] });
    setTerm('');
  };

  return (
    <section class="add" aria-label={t('reviewTabAdd')}>
      <p class="muted">{t('reviewKindsNote')}</p>
      <fieldset>
        <legend>{t('reviewAddSaved')}</legend>
        <div class="row">
          <button type="button" disabled={busy} onClick={() => void add({ source: 'vocabulary' })} data-testid="add-all-saved">
            {t('reviewAddAllSaved')}
          </button>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('reviewAddArticle')}</legend>
        <SelectField label={t('reviewAddArticle')} labelHidden value={article} options={articles.map((a) => [a.url, a.title] as const)} onChange={setArticle} disabled={articles.length === 0} />
        <div class="row">
          <button type="button" disabled={busy || !article} onClick={() => void add({ source: 'vocabulary', articleUrl: article })}>
            {t('reviewAddArticleWords')}
          </button>
          <button type="button" disabled={busy || !article} onClick={() => void add({ source: 'glossary', articleUrl: article })}>
            {t('reviewAddArticleTerms')}
          </button>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('reviewAddGlossary')}</legend>
        <SelectField label={t('reviewAddCategory')} value={category} options={CATEGORIES.map((c) => [c, categoryLabel(c)] as const)} onChange={setCategory} testid="add-category" />
        <div class="row">
          <button type="button" disabled={busy} onClick={() => void add({ source: 'glossary', category })}>
            {t('reviewAddCategoryButton')}
          </button>
        </div>
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            void addEntry();
          }}
        >
          <label class="field grow">
            <span>{t('reviewAddEntry')}</span>
            <input type="text" lang="zh-Hans" value={term} onInput={(e) => setTerm((e.currentTarget as HTMLInputElement).value)} data-testid="add-entry" />
          </label>
          <button type="submit" disabled={busy || !term.trim()}>
            {t('reviewAddEntryButton')}
          </button>
        </form>
      </fieldset>
    </section>
  );
}
