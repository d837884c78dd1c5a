/**
 * AnkiConnect: turned on here, which asks for the optional permission to reach
 * 127.0.0.1:8765, then checks the connection (Anki shows its own permission dialog the first
 * time); deck, note type, tags, duplicates, and for another note type the field mapping.
 * Listening cards apply to the Anki package as well, so their switch stays shown with AnkiConnect off.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ANKI_CONNECT_ORIGIN, type AnkiSettings, type AnkiSettingsPatch } from '../../core/anki-settings.ts';
import { JIEDU_NOTETYPE_NAME, NOTE_FIELDS } from '../../core/export/note-fields.ts';
import { sendToBackground } from '../../messaging/ports.ts';
import { t } from '../../platform/i18n.ts';
import { ankiProblemText } from '../../ui/anki-reply.ts';
import { SelectField } from '../../ui/select-field.tsx';

interface Found {
  decks: string[];
  models: string[];
  fields: string[];
}

export function AnkiOptions() {
  const [s, setS] = useState<AnkiSettings | null>(null);
  const [found, setFound] = useState<Found | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    sendToBackground('anki/settings', {}).then(setS, (e: Error) => setStatus({ ok: false, text: t('errorPrefix', e.message) }));
  }, []);
  if (!s) return null;
  const check = async () => {
    setStatus({ ok: true, text: t('ankiWorking') });
    const r = await sendToBackground('anki/check', {});
    if (r.ok) {
      setFound({ decks: r.decks, models: r.models, fields: r.fields });
      setStatus({ ok: true, text: t('optAnkiConnected', String(r.version)) });
    } else setStatus({ ok: false, text: ankiProblemText(r) });
  };
  const save = async (patch: AnkiSettingsPatch, thenCheck = false) => {
    try {
      setS(await sendToBackground('anki/settings/set', patch));
      if (thenCheck) await check();
    } catch (e) {
      setStatus({ ok: false, text: t('errorPrefix', e instanceof Error ? e.message : String(e)) });
    }
  };
  const turn = async (on: boolean) => {
    let note: string | null = null;
    if (on) {
      // Asked for in the click itself, as browsers require; without it AnkiConnect's CORS list must name us.
      const granted = await browser.permissions.request({ origins: [ANKI_CONNECT_ORIGIN] }).catch(() => false);
      if (!granted) note = t('optAnkiNoPermission', new URL(browser.runtime.getURL('/')).origin);
    } else await browser.permissions.remove({ origins: [ANKI_CONNECT_ORIGIN] }).catch(() => false);
    await save({ enabled: on }, on);
    if (note) setStatus((st) => ({ ok: false, text: st && !st.ok ? `${note} ${st.text}` : note! }));
  };
  const text = (key: 'deck' | 'model', value: string) => {
    if (value.trim() !== '') void save({ [key]: value.trim() }, key === 'model');
  };
  return (
    <div class="settings-form anki-options">
      <label class="check">
        <input type="checkbox" checked={s.enabled} onChange={(e) => void turn((e.currentTarget as HTMLInputElement).checked)} data-testid="anki-enable" />
        <span>{t('optAnkiEnable')}</span>
      </label>
      {s.enabled ? (
        <>
          <label class="field">
            <span>{t('optAnkiDeck')}</span>
            <input type="text" value={s.deck} list="anki-decks" onChange={(e) => text('deck', (e.currentTarget as HTMLInputElement).value)} data-testid="anki-deck" />
          </label>
          <datalist id="anki-decks">
            {found?.decks.map((d) => (
              <option key={d} value={d} />
            ))}
          </datalist>
          <label class="field">
            <span>{t('optAnkiModel')}</span>
            <input type="text" value={s.model} list="anki-models" onChange={(e) => text('model', (e.currentTarget as HTMLInputElement).value)} data-testid="anki-model" />
          </label>
          <datalist id="anki-models">
            {[JIEDU_NOTETYPE_NAME, ...(found?.models ?? []).filter((m) => m !== JIEDU_NOTETYPE_NAME)].map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
          {s.model !== JIEDU_NOTETYPE_NAME && found ? (
            <fieldset class="field anki-map">
              <legend>{t('optAnkiFieldMap', s.model)}</legend>
              {NOTE_FIELDS.filter((f) => f !== 'Listening').map((f) => (
                <SelectField
                  key={f}
                  label={f}
                  value={s.fieldMap[f] ?? ''}
                  options={[['', t('optAnkiFieldNone')], ...found.fields.map((name) => [name, name] as const)]}
                  onChange={(v) => void save({ fieldMap: { ...s.fieldMap, [f]: v } })}
                />
              ))}
            </fieldset>
          ) : null}
          <label class="field">
            <span>{t('optAnkiTags')}</span>
            <input type="text" value={s.tags.join(' ')} onChange={(e) => void save({ tags: (e.currentTarget as HTMLInputElement).value.split(/\s+/).filter(Boolean) })} data-testid="anki-tags" />
          </label>
          <label class="check">
            <input type="checkbox" checked={s.allowDuplicates} onChange={(e) => void save({ allowDuplicates: (e.currentTarget as HTMLInputElement).checked })} />
            <span>{t('optAnkiDuplicates')}</span>
          </label>
        </>
      ) : null}
      <label class="check">
        <input
          type="checkbox"
          checked={s.listening}
          aria-describedby="anki-listening-hint"
          onChange={(e) => void save({ listening: (e.currentTarget as HTMLInputElement).checked }, s.enabled && s.model === JIEDU_NOTETYPE_NAME)}
          data-testid="anki-listening"
        />
        <span>{t('optAnkiListening')}</span>
      </label>
      <p class="muted hint" id="anki-listening-hint">
        {t('optAnkiListeningHint')}
      </p>
      {s.enabled ? (
        <div>
          <button type="button" onClick={() => void check()} data-testid="anki-check">
            {t('optAnkiCheck')}
          </button>
        </div>
      ) : null}
      {status ? (
        <p class={status.ok ? 'ok' : 'warn'} role={status.ok ? 'status' : 'alert'} data-testid="anki-options-status">
          {status.text}
        </p>
      ) : null}
    </div>
  );
}
