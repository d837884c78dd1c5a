/** Pinyin settings as form controls, shared by the popup (compact) and the options page (all of them). */
import { LOOKUP_TRIGGERS, PINYIN_SCOPES, PINYIN_SIZE, TONE_COLOR_SCHEMES, TONE_STYLES, type Settings, type SettingsPatch } from '../core/settings.ts';
import { MARKED_TERMS } from '../core/glossary/salience.ts';
import { SITES } from '../core/article.ts';
import { siteName, t } from '../platform/i18n.ts';

interface Props {
  settings: Settings;
  onChange: (patch: SettingsPatch) => void;
  /** The popup shows the everyday controls only. */
  compact?: boolean;
}

export function PinyinSettingsForm({ settings, onChange, compact = false }: Props) {
  return (
    <div class="settings-form">
      <label class="field">
        <span>{t('optTone')}</span>
        <select value={settings.pinyinTone} onChange={(e) => onChange({ pinyinTone: (e.currentTarget as HTMLSelectElement).value as Settings['pinyinTone'] })}>
          {TONE_STYLES.map((s) => (
            <option value={s} key={s}>
              {t(`optTone_${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('optColors')}</span>
        <select value={settings.pinyinToneColors} onChange={(e) => onChange({ pinyinToneColors: (e.currentTarget as HTMLSelectElement).value as Settings['pinyinToneColors'] })}>
          {TONE_COLOR_SCHEMES.map((s) => (
            <option value={s} key={s}>
              {t(`optColors_${s}`)}
            </option>
          ))}
        </select>
      </label>
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
          <label class="field">
            <span>{t('optScope')}</span>
            <select value={settings.pinyinScope} onChange={(e) => onChange({ pinyinScope: (e.currentTarget as HTMLSelectElement).value as Settings['pinyinScope'] })}>
              {PINYIN_SCOPES.map((s) => (
                <option value={s} key={s}>
                  {t(`optScope_${s}`)}
                </option>
              ))}
            </select>
          </label>
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
      <label class="field">
        <span>{t('optMarking')}</span>
        <select
          value={settings.glossaryMarking ? settings.glossaryTerms : 'none'}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            onChange(v === 'important' || v === 'all' ? { glossaryMarking: true, glossaryTerms: v } : { glossaryMarking: false });
          }}
        >
          {[...MARKED_TERMS, 'none' as const].map((m) => (
            <option value={m} key={m}>
              {t(`optMarking_${m}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('optLookup')}</span>
        <select value={settings.lookupTrigger} onChange={(e) => onChange({ lookupTrigger: (e.currentTarget as HTMLSelectElement).value as Settings['lookupTrigger'] })}>
          {LOOKUP_TRIGGERS.map((s) => (
            <option value={s} key={s}>
              {t(`optLookup_${s.replace('-', '_')}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
