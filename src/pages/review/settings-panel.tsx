/** Review settings: card kinds, adding saved words, desired retention, new cards a day, learning steps. */
import { useState } from 'preact/hooks';
import { CARD_KINDS, type CardKind } from '../../core/review/card.ts';
import type { ReviewSettings } from '../../core/review/settings.ts';
import { errorText, t } from '../../platform/i18n.ts';
import { sendToBackground } from '../../messaging/ports.ts';
import type { Notice } from './study.tsx';

const KIND_KEYS: Record<CardKind, string> = { recognition: 'reviewKindRecognition', recall: 'reviewKindRecall', pinyin: 'reviewKindPinyin' };
const steps = (s: string) =>
  s
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);

export function SettingsPanel({ settings, onSaved, onNotice }: { settings: ReviewSettings; onSaved: (s: ReviewSettings) => void; onNotice: (n: Notice) => void }) {
  const [kinds, setKinds] = useState<CardKind[]>(settings.kinds);
  const [autoAdd, setAutoAdd] = useState(settings.autoAddSaved);
  const [retention, setRetention] = useState(String(settings.retention));
  const [newPerDay, setNewPerDay] = useState(String(settings.newPerDay));
  const [learning, setLearning] = useState(settings.learningSteps.join(' '));
  const [relearning, setRelearning] = useState(settings.relearningSteps.join(' '));

  const save = async () => {
    try {
      const next = await sendToBackground('review/settings', {
        kinds: CARD_KINDS.filter((k) => kinds.includes(k)),
        autoAddSaved: autoAdd,
        retention: Number(retention),
        newPerDay: Number(newPerDay),
        learningSteps: steps(learning),
        relearningSteps: steps(relearning),
      });
      onSaved(next);
      onNotice({ message: t('reviewSettingsSaved') });
    } catch (err) {
      onNotice({ message: t('reviewError', errorText(err)) });
    }
  };

  return (
    <form
      class="settings-form review-settings"
      aria-label={t('reviewTabSettings')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset>
        <legend>{t('reviewSettingKinds')}</legend>
        {CARD_KINDS.map((k) => (
          <label class="check" key={k}>
            <input
              type="checkbox"
              checked={kinds.includes(k)}
              onChange={(e) => setKinds((e.currentTarget as HTMLInputElement).checked ? [...kinds, k] : kinds.filter((x) => x !== k))}
              data-testid={`kind-${k}`}
            />
            {t(KIND_KEYS[k])}
          </label>
        ))}
      </fieldset>
      <label class="check">
        <input type="checkbox" checked={autoAdd} onChange={(e) => setAutoAdd((e.currentTarget as HTMLInputElement).checked)} />
        {t('reviewSettingAutoAdd')}
      </label>
      <label class="field">
        <span>{t('reviewSettingRetention')}</span>
        <input type="number" min="0.7" max="0.99" step="0.01" value={retention} onInput={(e) => setRetention((e.currentTarget as HTMLInputElement).value)} data-testid="retention" />
      </label>
      <label class="field">
        <span>{t('reviewSettingNewPerDay')}</span>
        <input type="number" min="0" max="9999" step="1" value={newPerDay} onInput={(e) => setNewPerDay((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <label class="field">
        <span>{t('reviewSettingSteps')}</span>
        <input type="text" inputMode="numeric" value={learning} onInput={(e) => setLearning((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <label class="field">
        <span>{t('reviewSettingRelearnSteps')}</span>
        <input type="text" inputMode="numeric" value={relearning} onInput={(e) => setRelearning((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <div class="row">
        <button type="submit" class="primary">
          {t('reviewSave')}
        </button>
      </div>
    </form>
  );
}
