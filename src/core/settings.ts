import * as v from 'valibot';

export const SettingsSchema = v.strictObject({
  /** Save an article to the library as soon as it is recognised. */
  autoSave: v.boolean(),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  autoSave: true,
};

export const SettingsPatchSchema = v.partial(SettingsSchema);
export type SettingsPatch = v.InferOutput<typeof SettingsPatchSchema>;
