/**
 * The glossary in the background: loaded once from the built asset, searched
 * for the popup, and looked up for cards with the saved articles that use a term.
 */
import { buildMatcher, createSearch, type BuiltEntry, type BuiltGlossary, type Category, type GlossaryMatcher, type GlossarySearch } from '../core/glossary/index.ts';
import type { GlossaryEntryDetail, GlossaryListItem } from '../messaging/protocol.ts';
import type { JieduDB } from './db.ts';

export interface GlossaryService {
  search(query: string, category: Category | null, limit: number): { items: GlossaryListItem[]; total: number };
  entry(db: JieduDB, term: string): Promise<GlossaryEntryDetail | null>;
  inArticle(db: JieduDB, url: string): Promise<{ term: string; count: number; english: string; pinyin: string }[]>;
  /** The entry of a simplified or traditional form, without the saved-article scan of entry(). */
  byTerm(term: string): BuiltEntry | null;
  /** Entries whose simplified or traditional form begins `text`, longest first. */
  prefixes(text: string): { form: string; item: GlossaryListItem }[];
}

function listItem({ citations, ...entry }: BuiltEntry): GlossaryListItem {
  return { ...entry, citationCount: citations.length };
}

function occurrences(text: string, term: string): number {
  let n = 0;
  for (let i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + term.length)) n++;
  return n;
}

export function createGlossaryService(glossary: BuiltGlossary): GlossaryService {
  const entries = glossary.entries;
  // Built on first use: a look-up, the first thing many workers answer, needs neither.
  let searchIndex: GlossarySearch<BuiltEntry> | null = null;
  let termMatcher: GlossaryMatcher<BuiltEntry> | null = null;
  const search = () => (searchIndex ??= createSearch(entries));
  const matcher = () => (termMatcher ??= buildMatcher(entries));
  const byForm = new Map<string, BuiltEntry>();
  for (const e of entries) {
    byForm.set(e.simplified, e);
    if (e.traditional) byForm.set(e.traditional, e);
  }
  return {
    search(query, category, limit) {
      const q = query.trim();
      const all = q
        ? search()
            .search(q, { ...(category ? { category } : {}), limit: 10_000 })
            .map((h) => h.entry)
        : category
          ? search().byCategory(category)
          : entries;
      return { items: all.slice(0, limit).map(listItem), total: all.length };
    },
    byTerm(term) {
      return byForm.get(term) ?? null;
    },
    async entry(db, term) {
      const entry = byForm.get(term) ?? matcher().entry(term) ?? null;
      if (!entry) return null;
      const forms = [entry.simplified, entry.traditional].filter((f): f is string => !!f);
      const savedArticles: GlossaryEntryDetail['savedArticles'] = [];
      await db.articles
        .orderBy('lastSavedAt')
        .reverse()
        .each((a) => {
          const text = a.paragraphs.join('\n');
          const count = forms.reduce((n, f) => n + occurrences(text, f), 0);
          if (count > 0) savedArticles.push({ url: a.url, title: a.title, count });
        });
      return { entry, savedArticles };
    },
    prefixes(text) {
      const out: { form: string; item: GlossaryListItem }[] = [];
      for (const e of entries) {
        const form = [e.simplified, e.traditional].find((f): f is string => !!f && text.startsWith(f));
        if (form) out.push({ form, item: listItem(e) });
      }
      return out.sort((a, b) => b.form.length - a.form.length);
    },
    async inArticle(db, url) {
      const article = await db.articles.where('url').equals(url).first();
      if (!article) return [];
      const counts = new Map<BuiltEntry, number>();
      for (const p of [article.title, ...article.paragraphs]) {
        for (const m of matcher().scan(p)) {
          const e = matcher().entry(m.term);
          if (e) counts.set(e, (counts.get(e) ?? 0) + 1);
        }
      }
      return [...counts].sort((a, b) => b[1] - a[1]).map(([e, count]) => ({ term: e.simplified, count, english: e.english, pinyin: e.pinyin }));
    },
  };
}
