/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
/**
 * What the term card and the dictionary card share: Save (and Add to Anki beside it when it is
 * on), Speak, Close, a status line, and a sentence with its word marked. Built with dom-chef:
 * JSX that makes the elements themselves, page text always as text nodes. dom-chef passes no
 * props to a function used as a tag, so a part is a function called with its arguments.
 */
import { Fragment, h } from 'dom-chef';
import { loadSection } from '../../platform/settings-store.ts';
import type { WordContext } from '../../messaging/protocol.ts';
import { sendToBackground } from '../../messaging/ports.ts';
import { errorText, t } from '../../platform/i18n.ts';
import { ankiProblemText } from '../../ui/anki-reply.ts';

/** The article a word is saved from, and who is told once it is saved. */
export interface SaveTarget {
  article(): { url: string; title: string };
  saved?(): void;
}

export interface CardWord {
  simplified: string;
  traditional: string;
  pinyin: string;
  english: string[];
}

/** The line that says what Save (or Add to Anki) did. */
export function statusLine(): HTMLElement {
  return (<span className="status" role="status" />) as HTMLElement;
}

/** Runs a button's work on click and shows its outcome in `status`; a second click while busy does nothing. */
function act(button: HTMLElement, status: HTMLElement, work: () => Promise<string>): HTMLElement {
  button.addEventListener('click', async () => {
    // Busy, not disabled: a disabled button loses keyboard focus, and the card's focus with it.
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    try {
      status.textContent = await work();
    } catch (err) {
      status.textContent = errorText(err);
    } finally {
      button.removeAttribute('aria-disabled');
    }
  });
  return button;
}

/** Save, with the sentence it was read in; "Add to Anki" follows it when that is on in the options. */
export function saveButton(props: { label: string; word: CardWord; source: 'glossary' | 'dictionary'; sentence: string; status: HTMLElement; to: SaveTarget }): HTMLElement {
  const { word, source, sentence, status, to } = props;
  const save = async (): Promise<string> => {
    const { url, title } = to.article();
    const context: WordContext | null = /^https?:/.test(url) && sentence ? { sentence, articleUrl: url, articleTitle: title } : null;
    const { created, contextAdded, corrected } = await sendToBackground('vocab/save', { word: { ...word, source }, context });
    to.saved?.();
    // Says what happened: a new word, a saved word corrected, a new sentence for a saved word, or nothing new.
    return created ? t('cardSaved') : corrected ? t('cardSavedCorrected') : contextAdded ? t('cardSavedAgain') : context ? t('cardSavedSame') : t('glAlreadySaved');
  };
  const button = act(
    (
      <button className="primary" type="button" aria-label={props.label}>
        {t('cardSave')}
      </button>
    ) as HTMLElement,
    status,
    save,
  );
  // "Add to Anki" beside Save when it is on in the options: the word is saved, then sent.
  void loadSection('anki').then(
    (section) => {
      if ((section as { enabled?: unknown } | undefined)?.enabled !== true || !button.isConnected) return;
      const anki = (<button type="button">{t('ankiAddOne')}</button>) as HTMLElement;
      button.after(
        act(anki, status, async () => {
          await save();
          const reply = await sendToBackground('anki/add', { key: word.simplified });
          return reply.ok ? t(reply.status === 'added' ? 'ankiAdded' : 'ankiDuplicate') : ankiProblemText(reply);
        }),
      );
    },
    () => undefined,
  );
  return button;
}

function zhVoice(): SpeechSynthesisVoice | null {
  if (!('speechSynthesis' in globalThis)) return null;
  return speechSynthesis.getVoices().find((v) => /^zh([-_]CN|[-_]Hans)?/i.test(v.lang)) ?? null;
}

/** Reads the word aloud; nothing when the system has no Chinese voice. */
export function speakButton(word: string): HTMLElement | null {
  const voice = zhVoice();
  if (!voice) return null;
  const speak = (): void => {
    speechSynthesis.cancel();
    const u = new SpeechSynthesisUtterance(word);
    u.voice = voice;
    u.lang = voice.lang;
    speechSynthesis.speak(u);
  };
  return (
    <button type="button" aria-label={t('cardSpeakWord', word)} onClick={speak}>
      {t('cardSpeak')}
    </button>
  ) as HTMLElement;
}

export function closeButton(close: () => void): HTMLElement {
  return (
    <button type="button" onClick={close}>
      {t('cardClose')}
    </button>
  ) as HTMLElement;
}

/** `sentence` with each occurrence of `term` in a <mark>, as text nodes. */
export function highlighted(sentence: string, term: string): DocumentFragment {
  const parts: (string | Node)[] = [];
  let at = 0;
  for (let i = term ? sentence.indexOf(term) : -1; i !== -1; i = sentence.indexOf(term, at)) {
    if (i > at) parts.push(sentence.slice(at, i));
    parts.push(<mark>{term}</mark>);
    at = i + term.length;
  }
  if (at < sentence.length) parts.push(sentence.slice(at));
  return (<>{parts}</>) as DocumentFragment;
}
