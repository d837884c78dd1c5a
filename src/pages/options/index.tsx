/** Options: the settings the popup does not hold. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { THEMES, type Settings, type SettingsPatch } from '../../core/settings.ts';
import { PinyinSettingsForm, ReadingSettingsForm } from '../../ui/pinyin-settings.tsx';
import { errorText, t } from '../../platform/i18n.ts';
import { menuPermission } from '../../platform/permissions.ts';
import { mountPage } from '../../ui/mount.tsx';
import { AnkiOptions } from './anki-options.tsx';
import { loadSettings, saveSettings } from '../../platform/settings-store.ts';
import { applyTheme } from '../../ui/theme.ts';
import { SelectField } from '../../ui/select-field.tsx';

/** The right-click menu is an optional permission: asked for when turned on, given back when turned off. */

function ContextMenuOption() {
  const [on, setOn] = useState<boolean | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const permission = menuPermission();
  useEffect(() => {
    if (permission) browser.permissions.contains(permission).then(setOn, () => setOn(false));
  }, []);
  if (on === null || !permission) return null;
  const change = async (want: boolean) => {
    setNote(null);
    const ok = want ? await browser.permissions.request(permission) : await browser.permissions.remove(permission);
    if (want && !ok) setNote(t('optContextMenuDenied'));
    setOn(await browser.permissions.contains(permission));
  };
  return (
    <div class="option-extra">
      <label class="check">
        <input type="checkbox" checked={on} onChange={(e) => void change((e.currentTarget as HTMLInputElement).checked)} />
        <span>{t('optContextMenu')}</span>
      </label>
      {note ? (
        <p class="warn" role="alert">
          {note}
        </p>
      ) : null}
    </div>
  );
}

function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadSettings().then(setSettings, (e: Error) => setError(e.message));
  }, []);
  const update = async (patch: SettingsPatch) => {
    try {
      const next = await saveSettings(patch);
      setSettings(next);
      applyTheme(next.theme);
      setSaved(true);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <>
      <header>
        <h1>{t('optionsTitle')}</h1>
      </header>
      {settings ? (
        <>
          <section class="card" aria-labelledby="opt-library">
            <h2 id="opt-library">{t('optionsLibrary')}</h2>
            <label class="check">
              <input type="checkbox" checked={settings.autoSave} onChange={(e) => void update({ autoSave: (e.currentTarget as HTMLInputElement).checked })} />
              {t('optionAutoSave')}
            </label>
          </section>
          <section class="card" aria-labelledby="opt-reading">
            <h2 id="opt-reading">{t('optionsReading')}</h2>
            <ReadingSettingsForm settings={settings} onChange={(p) => void update(p)} />
            <ContextMenuOption />
          </section>
          <section class="card" aria-labelledby="opt-appearance">
            <h2 id="opt-appearance">{t('optionsAppearance')}</h2>
            <div class="settings-form">
              <SelectField label={t('optTheme')} value={settings.theme} options={THEMES.map((x) => [x, t(`optTheme_${x}`)] as const)} onChange={(v) => void update({ theme: v })} testid="opt-theme" />
            </div>
          </section>
          <section class="card" aria-labelledby="opt-pinyin">
            <h2 id="opt-pinyin">{t('optionsPinyin')}</h2>
            <PinyinSettingsForm settings={settings} onChange={(p) => void update(p)} />
            <p class="muted">{t('optionsShortcut')}</p>
          </section>
          <section class="card" aria-labelledby="opt-anki">
            <h2 id="opt-anki">{t('optAnki')}</h2>
            <AnkiOptions />
          </section>
        </>
      ) : (
        <p class="muted">{t('loading')}</p>
      )}
      <p class="ok" role="status">
        {saved ? t('optionsSaved') : ''}
      </p>
      {error ? (
        <p class="warn" role="alert">
          {t('errorPrefix', error)}
        </p>
      ) : null}
      <footer class="muted options-footer">
        <a href="about.html">{t('aboutLink')}</a>
      </footer>
    </>
  );
}

mountPage(<Options />, 'optionsTitle');
