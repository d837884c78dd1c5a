/** The user's settings: their shape and defaults (the validating schema is in settings-schema.ts). */
import type { SiteId } from './article.ts';

export const TONE_STYLES = ['mark', 'number', 'none'] as const;
/** Tone colour schemes readers know from other tools; "off" keeps pinyin in the text colour. */
export const TONE_COLOR_SCHEMES = ['off', 'mdbg', 'pleco'] as const;
export const PINYIN_SCOPES = ['article', 'page'] as const;
export const PINYIN_SIZE = { min: 40, max: 100 } as const;
/** How a word is looked up in the page: a click, a hover with Alt held, or not at all. */
export const LOOKUP_TRIGGERS = ['click', 'alt-hover', 'off'] as const;

export interface Settings {
  /** Save an article to the library as soon as it is recognised. */
  autoSave: boolean;
  pinyinTone: (typeof TONE_STYLES)[number];
  pinyinToneColors: (typeof TONE_COLOR_SCHEMES)[number];
  /** Pinyin size as a percentage of the text it annotates. */
  pinyinSize: number;
  /** Tone sandhi of 一 and 不 (yí qiè, bú shì); off shows dictionary tones, as the glossary and exports do. */
  pinyinSandhi: boolean;
  /** Annotate the article's body only, or all Chinese text of the page. */
  pinyinScope: (typeof PINYIN_SCOPES)[number];
  /** Sites where pinyin is switched on as soon as an article opens. */
  pinyinAutoSites: SiteId[];
  /** Underline glossary terms in articles. */
  glossaryMarking: boolean;
  lookupTrigger: (typeof LOOKUP_TRIGGERS)[number];
}

export type SettingsPatch = Partial<Settings>;

export const DEFAULT_SETTINGS: Settings = {
  autoSave: true,
  pinyinTone: 'mark',
  pinyinToneColors: 'off',
  pinyinSize: 55,
  pinyinSandhi: false,
  pinyinScope: 'article',
  pinyinAutoSites: [],
  glossaryMarking: true,
  lookupTrigger: 'click',
};
