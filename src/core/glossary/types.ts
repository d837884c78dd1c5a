/**
 * The glossary of diplomatic terminology: what one entry holds, and the fixed
 * list of categories. Pure data types, shared by the extension, the build
 * script and the CLI.
 */

/**
 * Categories are fixed so that the UI can offer them as filters and the build
 * can reject a typo instead of silently creating a new bucket.
 */
export const CATEGORIES = [
  'partnership', // labels of bilateral relationships (全面战略合作伙伴关系 …)
  'principle', // doctrines and norms (不干涉内政, 正确义利观 …)
  'slogan', // political watchwords (人类命运共同体, 新时代 …)
  'diplomacy', // general diplomatic vocabulary (人文交流, 利益攸关方 …)
  'institution', // intergovernmental bodies and their organs (上海合作组织, 联合国 …)
  'mechanism', // standing formats and meetings (中国+中亚五国, 阿富汗邻国外长会 …)
  'belt-and-road', // Belt and Road vocabulary and projects
  'pandemic', // COVID-19 diplomacy
  'afghanistan', // the Afghan question
  'security', // terrorism, extremism, security cooperation
  'economy', // trade, industry, energy, environment
  'document', // treaties, declarations, programmes
  'title', // offices and ranks (国务委员兼外长 …)
  'protocol', // visits, talks, ceremonies, "the X side"
  'idiom', // chengyu and set phrases used politically
  'person',
  'place',
  'organisation', // national bodies, parties, media, non-state groups
] as const;

export type Category = (typeof CATEGORIES)[number];

export interface GlossaryEntry {
  simplified: string;
  /** Only when it differs from `simplified`. */
  traditional?: string;
  /** Dictionary-form pinyin; the orthography rules are in pinyin-form.ts. */
  pinyin: string;
  /** The rendering used by the Chinese Foreign Ministry / Xinhua in English. */
  english: string;
  alternatives: string[];
  /** One line for a reader. */
  explanation: string;
  category: Category;
  /** A related term that does not occur in the seed articles. */
  related?: true;
}

/** One seed sentence in which a term occurs. */
export interface Citation {
  /** Seed file name, e.g. "001_18db919ca564c70d.txt". */
  seed: string;
  /** Title of the seed article. */
  title: string;
  sentence: string;
}

export interface BuiltEntry extends GlossaryEntry {
  citations: Citation[];
}

/** What the build ships to the extension. */
export interface BuiltGlossary {
  version: 1;
  seeds: { file: string; title: string }[];
  entries: BuiltEntry[];
}
