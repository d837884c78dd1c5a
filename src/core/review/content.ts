/** What a card shows: the word studied, met in the sentence and article it was saved with. */
import type { CardKind, ReviewCard } from './card.ts';

interface StudyContext {
  sentence: string;
  articleUrl: string;
  articleTitle: string;
  /** Whether the article is in the library, so that the card can open it in the library's reading view. */
  inLibrary: boolean;
}

/** The library's reading view of a saved article (see src/pages/library/index.tsx). */
export function readingViewHref(articleUrl: string): string {
  return `library.html#read=${encodeURIComponent(articleUrl)}`;
}

/** A saved word or glossary entry as review needs it. */
export interface StudyWord {
  simplified: string;
  traditional: string;
  /** One syllable per character, separated by spaces (the saved form). */
  pinyin: string;
  english: string[];
  note: string;
  contexts: StudyContext[];
  /** The glossary's category or the word's tags, shown small. */
  labels: string[];
}

/** A part of a sentence: text, or the studied word (marked on the answer side, blanked on a recall card's question). */
export type SentencePart = { text: string; word: boolean };

export interface CardFace {
  kind: CardKind;
  word: StudyWord;
  /** The sentence shown this time: a word met in several articles shows them in turn. */
  context: StudyContext | null;
  /** Which context of how many (1-based), for "sentence 2 of 3". */
  contextIndex: number;
  sentence: SentencePart[];
}

/** The sentence cut around every occurrence of the word (simplified or traditional form). */
export function splitSentence(sentence: string, word: StudyWord): SentencePart[] {
  const forms = [word.simplified, word.traditional].filter((f) => f.length > 0).sort((a, b) => b.length - a.length);
  const parts: SentencePart[] = [];
  let text = '';
  for (let i = 0; i < sentence.length;) {
    const form = forms.find((f) => sentence.startsWith(f, i));
    if (form) {
      if (text) parts.push({ text, word: false });
      text = '';
      parts.push({ text: form, word: true });
      i += form.length;
    } else {
      text += sentence[i];
      i++;
    }
  }
  if (text) parts.push({ text, word: false });
  return parts;
}

/** The card's face: its word, and which of the word's sentences it shows (turn by turn, with the card's reviews). */
export function cardFace(card: Pick<ReviewCard, 'kind' | 'reps'>, word: StudyWord): CardFace {
  const n = word.contexts.length;
  const index = n === 0 ? 0 : card.reps % n;
  const context = word.contexts[index] ?? null;
  return { kind: card.kind, word, context, contextIndex: n === 0 ? 0 : index + 1, sentence: context ? splitSentence(context.sentence, word) : [] };
}

/** A recall card needs the word's English to be asked; without a sentence holding the word it still asks by English. */
export function blanked(part: SentencePart): string {
  return part.word ? '＿'.repeat(Array.from(part.text).length) : part.text;
}
