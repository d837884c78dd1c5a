/** Pinyin settings as form controls, shared by the popup (compact) and the options page (all of them). */
import { LOOKUP_TRIGGERS, PINYIN_SCOPES, PINYIN_SIZE, TONE_COLOR_SCHEMES, TONE_STYLES, type Settings, type SettingsPatch } from '../core/settings.ts';
import { MARKED_TERMS } from '../core/glossary/salience.ts';
import { SITES } from '../core/article.ts';
import { siteName, t } from '../platform/i18n.ts';
import { SelectField } from './select-field.tsx';

interface Props {
  settings: Settings;
  onChange: (patch: SettingsPatch) => void;
  /** The popup shows the everyday controls only. */
  compact?: boolean;
}

export function PinyinSettingsForm({ settings, onChange, compact = false }: Props) {
  return (
    <div class="settings-form">
      <SelectField label={t('optTone')} value={settings.pinyinTone} options={TONE_STYLES.map((s) => [s, t(`optTone_${s}`)] as const)} onChange={(v) => onChange({ pinyinTone: v })} />
      <SelectField
        label={t('optColors')}
        value={settings.pinyinToneColors}
        options={TONE_COLOR_SCHEMES.map((s) => [s, t(`optColors_${s}`)] as const)}
        onChange={(v) => onChange({ pinyinToneColors: v })}
      />
      <label class="field">
        <span>
          <span aria-hidden="true">{t('optSize')}</span> <output aria-hidden="true">{settings.pinyinSize} %</output>
        </span>
        <input
          type="range"
          min={PINYIN_SIZE.min}
          max={PINYIN_SIZE.max}
          step={5}
          aria-label={t('optSize')}
          aria-valuetext={`${settings.pinyinSize} %`}
          value={settings.pinyinSize}
          onChange={(e) => onChange({ pinyinSize: Number((e.currentTarget as HTMLInputElement).value) })}
        />
      </label>
      {compact ? null : (
        <>
          <SelectField label={t('optScope')} value={settings.pinyinScope} options={PINYIN_SCOPES.map((s) => [s, t(`optScope_${s}`)] as const)} onChange={(v) => onChange({ pinyinScope: v })} />
          <label class="check">
            <input type="checkbox" checked={settings.pinyinSandhi} onChange={(e) => onChange({ pinyinSandhi: (e.currentTarget as HTMLInputElement).checked })} />
            <span lang="en">{t('optSandhi')}</span>
          </label>
          <label class="check">
            <input
              type="checkbox"
              checked={settings.pinyinNeutral === 'citation'}
              onChange={(e) => onChange({ pinyinNeutral: (e.currentTarget as HTMLInputElement).checked ? 'citation' : 'dictionary' })}
            />
            <span>{t('optCitationTones')}</span>
          </label>
          <fieldset class="field">
            <legend>{t('optAutoSites')}</legend>
            {SITES.filter((s) => s !== 'other').map((site) => (
              <label class="check" key={site}>
                <input
                  type="checkbox"
                  checked={settings.pinyinAutoSites.includes(site)}
                  onChange={(e) => {
                    const on = (e.currentTarget as HTMLInputElement).checked;
                    const rest = settings.pinyinAutoSites.filter((x) => x !== site);
                    onChange({ pinyinAutoSites: on ? [...rest, site] : rest });
                  }}
                />
                <span>{siteName(site)}</span>
              </label>
            ))}
          </fieldset>
        </>
      )}
    </div>
  );
}

/** Look-up and term marking, for the options page. */
export function ReadingSettingsForm({ settings, onChange }: Omit<Props, 'compact'>) {
  return (
    <div class="settings-form">
      <SelectField
        label={t('optMarking')}
        value={settings.glossaryMarking ? settings.glossaryTerms : 'none'}
        options={[...MARKED_TERMS, 'none' as const].map((m) => [m, t(`optMarking_${m}`)] as const)}
        onChange={(v) => onChange(v === 'none' ? { glossaryMarking: false } : { glossaryMarking: true, glossaryTerms: v })}
      />
      <SelectField
        label={t('optLookup')}
        value={settings.lookupTrigger}
        options={LOOKUP_TRIGGERS.map((s) => [s, t(`optLookup_${s.replace('-', '_')}`)] as const)}
        onChange={(v) => onChange({ lookupTrigger: v })}
      />
    </div>
  );
}
