import * as v from 'valibot';
import { SITES } from './article.ts';
import { DEFAULT_SETTINGS, LOOKUP_TRIGGERS, NEUTRAL_TONE_STYLES, PINYIN_SCOPES, PINYIN_SIZE, TONE_COLOR_SCHEMES, TONE_STYLES, type Settings } from './settings.ts';

export const SettingsSchema = v.strictObject({
  autoSave: v.boolean(),
  pinyinTone: v.picklist(TONE_STYLES),
  pinyinToneColors: v.picklist(TONE_COLOR_SCHEMES),
  pinyinSize: v.pipe(v.number(), v.integer(), v.minValue(PINYIN_SIZE.min), v.maxValue(PINYIN_SIZE.max)),
  pinyinSandhi: v.boolean(),
  pinyinNeutral: v.picklist(NEUTRAL_TONE_STYLES),
  pinyinScope: v.picklist(PINYIN_SCOPES),
  pinyinAutoSites: v.pipe(v.array(v.picklist(SITES)), v.maxLength(SITES.length)),
  glossaryMarking: v.boolean(),
  lookupTrigger: v.picklist(LOOKUP_TRIGGERS),
});

export const SettingsPatchSchema = v.partial(SettingsSchema);

export const PinyinLookSchema = v.pick(SettingsSchema, ['pinyinTone', 'pinyinToneColors', 'pinyinSize', 'pinyinSandhi', 'pinyinNeutral', 'pinyinScope']);

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesType: Same<v.InferOutput<typeof SettingsSchema>, Settings> = true;
void schemaMatchesType;

/** Keeps each stored value that is still valid, and the default for the rest (a value of an older shape is dropped, not fatal). */
export function settingsFrom(stored: Record<string, unknown>): Settings {
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, schema] of Object.entries(SettingsSchema.entries)) {
    if (!(key in stored)) continue;
    const parsed = v.safeParse(schema, stored[key]);
    if (parsed.success) out[key] = parsed.output;
  }
  return out as unknown as Settings;
}
