/**
 * The user's settings: their shape, defaults, the check of each field, and the one
 * versioned item they are kept in (browser.storage.local, read and watched by every
 * context through src/platform/settings-store.ts). No validator library here: the
 * always-loaded content script reads settings too.
 */
import { SITES, type SiteId } from './article.ts';
import { TONE_COLORS as TONE_SHADES, type ToneScheme } from './pinyin/tone-colors.ts';
import { MARKED_TERMS, type MarkedTerms } from './glossary/salience.ts';
import type { ReviewSettings } from './review/settings.ts';
import type { AnkiSettings } from './anki-settings.ts';

export const TONE_STYLES = ['mark', 'number', 'none'] as const;
/** Tone colour schemes readers know from other tools; "off" keeps pinyin in the text colour. */
export const TONE_COLOR_SCHEMES = ['off', 'mdbg', 'pleco'] as const;
/**
 * The colours of tones 1–5 in each scheme, for a light background (an exported card): the
 * shades that pass WCAG AA on white (see pinyin/tone-colors.ts, which also has the dark ones).
 */
export const TONE_COLORS: Record<ToneScheme, readonly string[]> = { mdbg: TONE_SHADES.mdbg.light, pleco: TONE_SHADES.pleco.light };
export const PINYIN_SCOPES = ['article', 'page'] as const;
/** The neutral tone as dictionaries write it (认识 rènshi), or each syllable with its character's own tone (rènshí). */
const NEUTRAL_TONE_STYLES = ['dictionary', 'citation'] as const;
export const PINYIN_SIZE = { min: 40, max: 100 } as const;
/** How a word is looked up in the page: a click, a hover with Alt held, or not at all. */
export const LOOKUP_TRIGGERS = ['click', 'alt-hover', 'off'] as const;
/** The extension's own pages: the system's light or dark appearance, or one of them always. */
export const THEMES = ['auto', 'light', 'dark'] as const;

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
  /** Which terms are underlined when marking is on: the terms of art (see glossary/salience.ts) or every glossary term. */
  glossaryTerms: MarkedTerms;
  lookupTrigger: (typeof LOOKUP_TRIGGERS)[number];
  theme: (typeof THEMES)[number];
}

export type SettingsPatch = Partial<Settings>;

/** What pinyin is drawn with: sent along with a pinyin command, so the page needs no round trip for it. */
export type PinyinLook = Pick<Settings, 'pinyinTone' | 'pinyinToneColors' | 'pinyinSize' | 'pinyinSandhi' | 'pinyinNeutral' | 'pinyinScope'>;

const PINYIN_LOOK_KEYS = ['pinyinTone', 'pinyinToneColors', 'pinyinSize', 'pinyinSandhi', 'pinyinNeutral', 'pinyinScope'] as const satisfies readonly (keyof PinyinLook)[];

export function pinyinLook(s: Settings): PinyinLook {
  return { pinyinTone: s.pinyinTone, pinyinToneColors: s.pinyinToneColors, pinyinSize: s.pinyinSize, pinyinSandhi: s.pinyinSandhi, pinyinNeutral: s.pinyinNeutral, pinyinScope: s.pinyinScope };
}

export const DEFAULT_SETTINGS: Settings = {
  autoSave: true,
  pinyinTone: 'mark',
  pinyinToneColors: 'off',
  pinyinSize: 70,
  pinyinSandhi: false,
  pinyinNeutral: 'dictionary',
  pinyinScope: 'article',
  pinyinAutoSites: [],
  glossaryMarking: true,
  glossaryTerms: 'important',
  lookupTrigger: 'click',
  theme: 'auto',
};

const oneOf =
  <T extends string>(list: readonly T[]) =>
  (x: unknown): x is T =>
    typeof x === 'string' && (list as readonly string[]).includes(x);
const isBoolean = (x: unknown): x is boolean => typeof x === 'boolean';
const isSite = oneOf(SITES);

/** What each setting may hold: the one check of every field, for storage, messages and backups alike. */
export const SETTING_CHECKS: { readonly [K in keyof Settings]: (x: unknown) => x is Settings[K] } = {
  autoSave: isBoolean,
  pinyinTone: oneOf(TONE_STYLES),
  pinyinToneColors: oneOf(TONE_COLOR_SCHEMES),
  pinyinSize: (x): x is number => typeof x === 'number' && Number.isInteger(x) && x >= PINYIN_SIZE.min && x <= PINYIN_SIZE.max,
  pinyinSandhi: isBoolean,
  pinyinNeutral: oneOf(NEUTRAL_TONE_STYLES),
  pinyinScope: oneOf(PINYIN_SCOPES),
  pinyinAutoSites: (x): x is SiteId[] => Array.isArray(x) && x.length <= SITES.length && x.every(isSite),
  glossaryMarking: isBoolean,
  glossaryTerms: oneOf(MARKED_TERMS),
  lookupTrigger: oneOf(LOOKUP_TRIGGERS),
  theme: oneOf(THEMES),
};

const SETTING_KEYS = Object.keys(SETTING_CHECKS) as (keyof Settings)[];
/** A plain object (not null, not an array): what a stored item or its sections must be. */
export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Keeps each stored value that is still valid, and the default for the rest (a value of an older shape is dropped, not fatal). */
export function settingsFrom(stored: Record<string, unknown>): Settings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of SETTING_KEYS) if (key in stored && SETTING_CHECKS[key](stored[key])) out[key] = stored[key];
  return out as unknown as Settings;
}

/** The fields of `patch` that are not settings or hold a value the setting cannot take. */
function invalidSettings(patch: Record<string, unknown>): string[] {
  return Object.entries(patch)
    .filter(([key, value]) => value !== undefined && !(key in SETTING_CHECKS && SETTING_CHECKS[key as keyof Settings](value)))
    .map(([key]) => key);
}

/** A PinyinLook, or null (it crosses from the background and the popup to the page with a pinyin command). */
export function parsePinyinLook(raw: unknown): PinyinLook | null {
  if (!isRecord(raw) || Object.keys(raw).length !== PINYIN_LOOK_KEYS.length) return null;
  return PINYIN_LOOK_KEYS.every((k) => SETTING_CHECKS[k](raw[k])) ? (raw as unknown as PinyinLook) : null;
}

/** The storage.local key of the settings item. */
export const SETTINGS_ITEM = 'settings';
/** The item's shape version: raise it with a migration in SETTINGS_MIGRATIONS when a setting changes meaning or shape. */
export const SETTINGS_ITEM_VERSION = 1;

/**
 * The item. `version` is the shape of `values`, the reading settings. Beside them, each in a
 * section of its own, the settings of review and of AnkiConnect: those are checked by their own
 * schemas where they are used (the background, the review page, the options), so that the
 * always-loaded content script, which reads `values`, carries no validator.
 */
export interface SettingsItem {
  version: number;
  values: Partial<Settings>;
  review?: Partial<ReviewSettings>;
  anki?: Partial<AnkiSettings>;
}

/** The sections of the item beside `values`. */
export const SETTINGS_SECTIONS = ['review', 'anki'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/**
 * Steps that bring the values of an item of version `n - 1` to version `n`, keyed by `n`.
 * Empty while the item has had one shape; a field added with a default needs no step.
 */
const SETTINGS_MIGRATIONS: Record<number, (values: Record<string, unknown>) => Record<string, unknown>> = {};

/**
 * The settings an item read from storage holds: absent or corrupt gives the defaults,
 * an older version is migrated step by step, a newer one (after a downgrade) keeps what
 * this version still understands.
 */
export function settingsFromItem(raw: unknown): Settings {
  if (!isRecord(raw) || !isRecord(raw.values)) return { ...DEFAULT_SETTINGS };
  let values = raw.values;
  const from = typeof raw.version === 'number' && Number.isInteger(raw.version) ? raw.version : SETTINGS_ITEM_VERSION;
  for (let v = from + 1; v <= SETTINGS_ITEM_VERSION; v++) values = SETTINGS_MIGRATIONS[v]?.(values) ?? values;
  return settingsFrom(values);
}

export function settingsItem(settings: Settings): SettingsItem {
  return { version: SETTINGS_ITEM_VERSION, values: { ...settings } };
}

/** `current` with `patch` laid over it; a patch with an invalid field is refused whole, naming the fields. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  const bad = invalidSettings(patch as Record<string, unknown>);
  if (bad.length) throw new Error(`Invalid settings: ${bad.join(', ')}`);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  return { ...current, ...defined };
}
