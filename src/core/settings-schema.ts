/**
 * Valibot schemas of the settings for messages and backups, each field checked by
 * SETTING_CHECKS (settings.ts), the one source of what a setting may hold.
 */
import * as v from 'valibot';
import { SETTING_CHECKS, type Settings } from './settings.ts';

const field = <K extends keyof Settings>(key: K) => v.custom<Settings[K]>((x) => SETTING_CHECKS[key](x), `invalid setting ${key}`);

const SettingsSchema = v.strictObject({
  autoSave: field('autoSave'),
  pinyinTone: field('pinyinTone'),
  pinyinToneColors: field('pinyinToneColors'),
  pinyinSize: field('pinyinSize'),
  pinyinSandhi: field('pinyinSandhi'),
  pinyinNeutral: field('pinyinNeutral'),
  pinyinScope: field('pinyinScope'),
  pinyinAutoSites: field('pinyinAutoSites'),
  glossaryMarking: field('glossaryMarking'),
  glossaryTerms: field('glossaryTerms'),
  lookupTrigger: field('lookupTrigger'),
  theme: field('theme'),
});

export const SettingsPatchSchema = v.partial(SettingsSchema);

export const PinyinLookSchema = v.pick(SettingsSchema, ['pinyinTone', 'pinyinToneColors', 'pinyinSize', 'pinyinSandhi', 'pinyinNeutral', 'pinyinScope']);

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesType: Same<v.InferOutput<typeof SettingsSchema>, Settings> = true;
void schemaMatchesType;
