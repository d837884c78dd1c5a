/** One saved word in the list: what it means, where it was met, and its note and tags, editable in place. */
import { useEffect, useId, useState } from 'preact/hooks';
import type { VocabularyRecord } from '../../core/vocabulary.ts';
import { formatDate, t } from '../../platform/i18n.ts';

/** Rows: the word's line, two sentences and the fields; narrow, the meaning and the fields each on lines of their own. */
export const VOCAB_ROW = { wide: 128, narrow: 236 };
const SHOWN_CONTEXTS = 2;

function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、]/)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}

/** A field that saves on Enter or when focus leaves, and puts the saved value back on Escape. */
function InlineField({ label, value, onSave, testId, placeholder }: { label: string; value: string; onSave: (v: string) => Promise<void>; testId: string; placeholder: string }) {
  const [draft, setDraft] = useState(value);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  // The status sits outside the label, so the field's name stays "Note" / "Tags" after a save.
  const stateId = useId();
  useEffect(() => setDraft(value), [value]);
  const commit = async () => {
    if (draft === value) return;
    setState('saving');
    try {
      await onSave(draft);
      setState('saved');
    } catch {
      setState('error');
    }
  };
  return (
    <div class={`inline-field ${state}`}>
      <label class="inline-label" for={`${stateId}-input`}>
        {label}
      </label>
      <input
        id={`${stateId}-input`}
        aria-describedby={stateId}
        type="text"
        value={draft}
        placeholder={placeholder}
        data-testid={testId}
        onInput={(e) => {
          setDraft((e.currentTarget as HTMLInputElement).value);
          setState('idle');
        }}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void commit();
          if (e.key === 'Escape') {
            setDraft(value);
            setState('idle');
          }
        }}
      />
      <span class="inline-state" id={stateId} aria-live="polite">
        {state === 'saved' ? t('libSavedEdit') : state === 'error' ? t('libEditFailed') : ''}
      </span>
    </div>
  );
}

export function VocabRow({
  word,
  selected,
  onSelect,
  onEdit,
  onShowAll,
}: {
  word: VocabularyRecord;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onEdit: (patch: { note?: string; tags?: string[] }) => Promise<void>;
  onShowAll: () => void;
}) {
  const extra = word.contexts.length - SHOWN_CONTEXTS;
  return (
    <div class={`wrow ${selected ? 'selected' : ''}`} data-testid="vocab-row" data-word={word.simplified}>
      <input type="checkbox" class="wrow-check" checked={selected} aria-label={t('libSelectWord', word.simplified)} onChange={(e) => onSelect((e.currentTarget as HTMLInputElement).checked)} />
      <div class="wrow-body">
        <div class="wrow-head">
          <span class="word" lang="zh-Hans">
            {word.simplified}
          </span>
          {word.traditional && word.traditional !== word.simplified ? (
            <span class="trad muted" lang="zh-Hant">
              【{word.traditional}】
            </span>
          ) : null}
          <span class="pinyin">{word.pinyin}</span>
          <span class="english" title={word.english.join('; ')}>
            {word.english.join('; ')}
          </span>
          <span class="badge">{t(`libSource_${word.source}`)}</span>
          <span class="muted small">{formatDate(word.createdAt)}</span>
        </div>
        <ul class="contexts">
          {word.contexts.slice(0, SHOWN_CONTEXTS).map((c, i) => (
            <li key={i}>
              <span lang="zh-Hans" class="sentence">
                {c.sentence}
              </span>
              {' — '}
              <a href={c.articleUrl} target="_blank" rel="noreferrer" lang="zh-Hans">
                {c.articleTitle || c.articleUrl}
              </a>
            </li>
          ))}
          {word.contexts.length === 0 ? <li class="muted">{t('libNoSentences')}</li> : null}
        </ul>
        <div class="wrow-edit">
          <InlineField label={t('libNote')} value={word.note} placeholder={t('libNotePlaceholder')} testId="vocab-note" onSave={(note) => onEdit({ note })} />
          <InlineField label={t('libTags')} value={word.tags.join(', ')} placeholder={t('libTagsPlaceholder')} testId="vocab-tags" onSave={(text) => onEdit({ tags: parseTags(text) })} />
          {extra > 0 ? (
            <button type="button" class="linklike small" onClick={onShowAll}>
              {t('libAllSentences', String(word.contexts.length))}
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** Every sentence of one word, in a modal dialog. */
export function SentencesDialog({ word, onClose }: { word: VocabularyRecord; onClose: () => void }) {
  return (
    <dialog
      class="sentences"
      aria-labelledby="sentences-title"
      ref={(el) => {
        if (el && !el.open) el.showModal();
      }}
      onClose={onClose}
    >
      <h2 id="sentences-title">
        <span lang="zh-Hans">{word.simplified}</span> <span class="pinyin">{word.pinyin}</span>
      </h2>
      <ul class="contexts full">
        {word.contexts.map((c, i) => (
          <li key={i}>
            <span lang="zh-Hans">{c.sentence}</span>
            <br />
            <a href={c.articleUrl} target="_blank" rel="noreferrer" lang="zh-Hans">
              {c.articleTitle || c.articleUrl}
            </a>{' '}
            <span class="muted small">{formatDate(c.savedAt)}</span>
          </li>
        ))}
      </ul>
      <form method="dialog">
        <button type="submit">{t('libClose')}</button>
      </form>
    </dialog>
  );
}
