/** One card's question and answer, by kind: recognition, recall (the word blanked in its sentence), pinyin typed. */
import type { JSX } from 'preact';
import { blanked, cardFace, readingViewHref, type SentencePart } from '../../core/review/content.ts';
import type { ReviewItem } from '../../core/review/queue.ts';
import type { PinyinCheck, SyllableVerdict } from '../../core/review/pinyin-check.ts';
import { t } from '../../platform/i18n.ts';

function Sentence({ parts, blank }: { parts: SentencePart[]; blank: boolean }) {
  return (
    <p class="sentence" lang="zh-Hans" data-testid="review-sentence">
      {parts.map((p, i) =>
        p.word ? (
          blank ? (
            <span key={i} class="blank">
              {blanked(p)}
            </span>
          ) : (
            <mark key={i}>{p.text}</mark>
          )
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  );
}

const VERDICT_KEYS: Record<SyllableVerdict, string> = {
  right: 'reviewPinyinRight',
  tone: 'reviewPinyinTone',
  wrong: 'reviewPinyinWrong',
  missing: 'reviewPinyinMissing',
  extra: 'reviewPinyinExtra',
};

function PinyinResult({ check }: { check: PinyinCheck }) {
  return (
    <div class="pinyin-result" data-testid="pinyin-result">
      <ol class="syllables">
        {check.syllables.map((s, i) => (
          <li key={i} class={`syl ${s.verdict}`} data-verdict={s.verdict}>
            <span class="typed">{s.typed || '—'}</span>
            <span class="expected">{s.expected}</span>
            <span class="verdict">{t(VERDICT_KEYS[s.verdict])}</span>
          </li>
        ))}
      </ol>
      <p class={check.correct ? 'ok' : 'warn'}>{check.correct ? t('reviewPinyinAllRight') : check.toneErrors > 0 ? t('reviewPinyinToneErrors', check.toneErrors) : ''}</p>
    </div>
  );
}

export interface CardViewProps {
  item: ReviewItem;
  shown: boolean;
  /** The pinyin card's input, with what it holds and what checking it gave. */
  typed: string;
  onType: (value: string) => void;
  onCheck: () => void;
  check: PinyinCheck | null;
  speakButton: JSX.Element | null;
}

export function CardView({ item, shown, typed, onType, onCheck, check, speakButton }: CardViewProps) {
  const face = cardFace(item.card, item.word);
  const w = face.word;
  const headword = (
    <p class="headword" lang="zh-Hans" data-testid="review-word">
      {w.simplified}
      {w.traditional && w.traditional !== w.simplified ? (
        <span class="trad" lang="zh-Hant">
          {w.traditional}
        </span>
      ) : null}
    </p>
  );
  const source = face.context ? (
    <p class="source muted">
      {face.context.articleUrl ? (
        // The article in the library's reading view; one not kept in the library (saving turned off) on its site.
        <a href={face.context.inLibrary ? readingViewHref(face.context.articleUrl) : face.context.articleUrl} target="_blank" rel="noreferrer" data-testid="review-article-link">
          {t('reviewFrom', face.context.articleTitle || face.context.articleUrl)}
        </a>
      ) : (
        t('reviewFrom', face.context.articleTitle)
      )}
      {w.contexts.length > 1 ? <span> · {t('reviewSentenceOf', face.contextIndex, w.contexts.length)}</span> : null}
    </p>
  ) : null;
  const answer = (
    <div class="answer" data-testid="review-answer">
      {face.kind === 'recall' ? headword : null}
      <p class="pinyin" data-testid="review-pinyin">
        {w.pinyin}
      </p>
      <ul class="english">
        {w.english.slice(0, 6).map((e, i) => (
          <li key={i}>{e}</li>
        ))}
      </ul>
      {face.kind !== 'recall' && face.sentence.length > 0 ? <Sentence parts={face.sentence} blank={false} /> : null}
      {face.kind === 'recall' && face.sentence.length > 0 ? <Sentence parts={face.sentence} blank={false} /> : null}
      {source}
      {w.note ? (
        <p class="note">
          <strong>{t('reviewNote')}:</strong> {w.note}
        </p>
      ) : null}
    </div>
  );

  let question: JSX.Element;
  if (face.kind === 'recall') {
    question = (
      <div class="question">
        <p class="prompt muted">{t('reviewRecallPrompt')}</p>
        <ul class="english big">
          {w.english.slice(0, 3).map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
        {face.sentence.length > 0 && !shown ? <Sentence parts={face.sentence} blank={true} /> : null}
      </div>
    );
  } else if (face.kind === 'pinyin') {
    question = (
      <div class="question">
        {headword}
        <form
          class="pinyin-form"
          onSubmit={(e) => {
            e.preventDefault();
            onCheck();
          }}
        >
          <label>
            <span class="muted">{t('reviewPinyinPrompt')}</span>
            <input
              type="text"
              lang="zh-Latn-pinyin"
              autocomplete="off"
              spellcheck={false}
              aria-label={t('reviewPinyinInput')}
              data-testid="pinyin-input"
              value={typed}
              readOnly={shown}
              onInput={(e) => onType((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          {!shown ? <button type="submit">{t('reviewCheck')}</button> : null}
        </form>
        {check ? <PinyinResult check={check} /> : null}
      </div>
    );
  } else {
    question = <div class="question">{headword}</div>;
  }
  return (
    <article class={`review-card kind-${face.kind}`} data-testid="review-card" data-card-id={item.card.id} data-shown={shown ? 'true' : 'false'} aria-live="polite">
      <p class="kind muted">
        {t(face.kind === 'recognition' ? 'reviewKindRecognition' : face.kind === 'recall' ? 'reviewKindRecall' : 'reviewKindPinyin')}
        {w.labels.length > 0 ? <span class="labels"> · {w.labels.join(', ')}</span> : null}
        {speakButton}
      </p>
      {question}
      {shown ? answer : null}
    </article>
  );
}
