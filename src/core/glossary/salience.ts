/**
 * Which glossary terms are marked in an article by default ("important"): the fixed
 * phrases of Chinese diplomacy, whose meaning a general dictionary does not give.
 * Marking every entry underlined almost every clause of a seed article (146 distinct
 * terms in seed 000: 会谈, 共识, 疫苗, 峰会 …). The rule, by category and specificity:
 *
 * - the category is one of diplomacy's own vocabularies: partnership labels,
 *   principles, slogans, standing mechanisms, named documents, Belt and Road
 *   vocabulary and intergovernmental institutions; and
 * - the term has four characters or more: a specific coinage or a named body
 *   (全面战略伙伴, 不干涉内政, 一带一路, 上海合作组织), where a shorter one in the
 *   same categories is everyday news vocabulary (主权, 内政, 霸凌, 国情).
 *
 * Idioms, people, places, organisations, titles, protocol words and the topical
 * categories (pandemic, Afghanistan, security, economy, general diplomacy) are not
 * marked by default: clicking any of them still shows its glossary entry first,
 * above the dictionary's. This keeps 42 of seed 000's 146 terms and 76 of seed 001's
 * 233 (tests/unit/core/glossary/salience.test.ts).
 *
 * "All" marks every entry, as before; either way a term is marked once, where it first appears.
 */
import type { Category, GlossaryEntry } from './types.ts';

export const MARKED_TERMS = ['important', 'all'] as const;
export type MarkedTerms = (typeof MARKED_TERMS)[number];

const DIPLOMATIC: ReadonlySet<Category> = new Set(['partnership', 'principle', 'slogan', 'mechanism', 'document', 'belt-and-road', 'institution']);
/** Characters from which a term counts as specific. */
const SPECIFIC_LENGTH = 4;

export function isSalient(entry: Pick<GlossaryEntry, 'simplified' | 'category'>): boolean {
  return DIPLOMATIC.has(entry.category) && [...entry.simplified].length >= SPECIFIC_LENGTH;
}

/** Whether a term is marked under the reader's choice. */
export function isMarked(entry: Pick<GlossaryEntry, 'simplified' | 'category'>, which: MarkedTerms): boolean {
  return which === 'all' || isSalient(entry);
}
