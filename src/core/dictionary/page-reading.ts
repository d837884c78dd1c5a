/**
 * The reading a page with pinyin on shows over the sentence of a look-up, sent with it: the
 * pinyin engine read that sentence for the ruby already, so the background ranks the card by
 * what the reader sees over the word instead of reading the sentence again (which, in a
 * background the browser had just started, first builds the engine's word matcher).
 *
 * It crosses from a content script, so it is checked for shape here, once, by the message
 * schema and by the page before sending: a reading that does not fit its sentence is refused.
 */
import { HAN_SCRIPT } from '../han-script.ts';
import type { SentenceReading } from './in-context.ts';

/**
 * Per UTF-16 unit of the sentence, the tone-marked syllable shown over it (null where there is
 * none: not Han); and the Han words as the ruby groups them, as [start, end) offsets in order.
 */
export interface PageReading {
  syllables: (string | null)[];
  words: [number, number][];
}

/** A syllable as the engine writes it: letters only (tone marks, ü), short. */
const SYLLABLE = /^\p{L}{1,8}$/u;

/**
 * Does `reading` fit `sentence`: syllables on Han characters only (the engine leaves a few
 * unread: iteration marks, characters it does not know), words in order, inside it, over read
 * characters? Checked without the engine, which the background must not have to start for it.
 */
export function fitsSentence(sentence: string, reading: PageReading): boolean {
  const { syllables, words } = reading;
  if (syllables.length !== sentence.length || words.length > sentence.length) return false;
  for (let i = 0; i < sentence.length; i++) {
    const s = syllables[i];
    if (s === null) continue;
    if (typeof s !== 'string' || !SYLLABLE.test(s) || !HAN_SCRIPT.test(sentence[i]!)) return false;
  }
  let end = 0;
  for (const [start, stop] of words) {
    if (!Number.isInteger(start) || !Number.isInteger(stop) || start < end || stop <= start || stop > sentence.length) return false;
    for (let i = start; i < stop; i++) if (syllables[i] === null) return false;
    end = stop;
  }
  return true;
}

/** The page's reading as the ranking takes a sentence's reading (words by text, as the engine gives them). */
export function sentenceReadingOf(sentence: string, reading: PageReading): SentenceReading {
  return { sentence, words: reading.words.map(([start, end]) => ({ start, text: sentence.slice(start, end) })), syllables: reading.syllables };
}
