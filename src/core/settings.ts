/** The user's settings: their shape and defaults (the validating schema is in settings-schema.ts). */
import type { SiteId } from './article.ts';

export const TONE_STYLES = ['mark', 'number', 'none'] as const;
/** Tone colour schemes readers know from other tools; "off" keeps pinyin in the text colour. */
export const TONE_COLOR_SCHEMES = ['off', 'mdbg', 'pleco'] as const;
export const PINYIN_SCOPES = ['article', 'page'] as const;
/** The neutral tone as dictionaries write it (认识 rènshi), or each syllable with its character's own tone (rènshí). */
export const NEUTRAL_TONE_STYLES = ['dictionary', 'citation'] as const;
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
  /** The neutral tone where dictionaries write it (the default), or citation tones. */
  pinyinNeutral: (typeof NEUTRAL_TONE_STYLES)[number];
  /** Annotate the article's body only, or all Chinese text of the page. */
  pinyinScope: (typeof PINYIN_SCOPES)[number];
  /** Sites where pinyin is switched on as soon as an article opens. */
  pinyinAutoSites: SiteId[];
  /** Underline glossary terms in articles. */
  glossaryMarking: boolean;
  lookupTrigger: (typeof LOOKUP_TRIGGERS)[number];
}

export type SettingsPatch = Partial<Settings>;

/** What pinyin is drawn with: sent along with a pinyin command, so the page needs no round trip for it. */
export type PinyinLook = Pick<Settings, 'pinyinTone' | 'pinyinToneColors' | 'pinyinSize' | 'pinyinSandhi' | 'pinyinNeutral' | 'pinyinScope'>;

export function pinyinLook(s: Settings): PinyinLook {
  return { pinyinTone: s.pinyinTone, pinyinToneColors: s.pinyinToneColors, pinyinSize: s.pinyinSize, pinyinSandhi: s.pinyinSandhi, pinyinNeutral: s.pinyinNeutral, pinyinScope: s.pinyinScope };
}

const isOneOf = <T extends string>(list: readonly T[], x: unknown): x is T => typeof x === 'string' && (list as readonly string[]).includes(x);

/** A PinyinLook, or null: a small hand check, since the content script carries no validator library. */
export function parsePinyinLook(raw: unknown): PinyinLook | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const o = raw as Record<string, unknown>;
  if (Object.keys(o).length !== 6) return null;
  const { pinyinTone, pinyinToneColors, pinyinSize, pinyinSandhi, pinyinNeutral, pinyinScope } = o;
  if (!isOneOf(TONE_STYLES, pinyinTone) || !isOneOf(TONE_COLOR_SCHEMES, pinyinToneColors) || !isOneOf(PINYIN_SCOPES, pinyinScope) || !isOneOf(NEUTRAL_TONE_STYLES, pinyinNeutral)) return null;
  if (typeof pinyinSandhi !== 'boolean' || typeof pinyinSize !== 'number' || !Number.isInteger(pinyinSize)) return null;
  if (pinyinSize < PINYIN_SIZE.min || pinyinSize > PINYIN_SIZE.max) return null;
  return { pinyinTone, pinyinToneColors, pinyinSize, pinyinSandhi, pinyinNeutral, pinyinScope };
}

export const DEFAULT_SETTINGS: Settings = {
  autoSave: true,
  pinyinTone: 'mark',
  pinyinToneColors: 'off',
  pinyinSize: 55,
  pinyinSandhi: false,
  pinyinNeutral: 'dictionary',
  pinyinScope: 'article',
  pinyinAutoSites: [],
  glossaryMarking: true,
  lookupTrigger: 'click',
};
