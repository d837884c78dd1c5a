/**
 * Scoring on CPP, the public Mandarin polyphone benchmark (Park and Lee, Interspeech 2020;
 * kakaobrain/g2pM, Apache-2.0; sentences from Chinese Wikipedia): one sentence a line with
 * the labelled polyphone between two ▁ (U+2581), its reading on the same line of the label
 * file with a tone digit (`wei2`, `de5` for the neutral tone, `lv4` or `lu:4` for lǜ).
 */
import { stripTone, toneOf } from '../../src/core/pinyin/syllable.ts';

export interface CppItem {
  /** The sentence without the markers. */
  text: string;
  /** UTF-16 offset of the labelled character. */
  at: number;
  /** The label as written in the file. */
  label: string;
}

export function parseCpp(sentences: string, labels: string): CppItem[] {
  const s = sentences.replace(/\r/g, '').split('\n');
  const l = labels.replace(/\r/g, '').split('\n');
  while (s.length > 0 && s[s.length - 1] === '') s.pop();
  while (l.length > 0 && l[l.length - 1] === '') l.pop();
  if (s.length !== l.length) throw new Error(`CPP: ${s.length} sentences but ${l.length} labels`);
  return s.map((line, i) => {
    const at = line.indexOf('▁');
    if (at < 0 || line.indexOf('▁', at + 1) !== at + 2) throw new Error(`CPP line ${i + 1}: no ▁X▁ marker`);
    return { text: line.replace(/▁/g, ''), at, label: (l[i] ?? '').trim() };
  });
}

/** A reading as letters (ü as v) and a tone digit 1–5: `lǜ` → `lv4`, `lu:4` → `lv4`, `de` → `de5`. */
export function cppForm(reading: string): string {
  const letters = stripTone(reading.replace(/\d$/, '').replace(/u:/g, 'ü')).replace(/ü/g, 'v');
  return `${letters}${toneOf(reading)}`;
}

export interface CppScore {
  total: number;
  /** Right in letters and tone. */
  strict: number;
  /** Right in letters, and in tone unless either side is the neutral tone. */
  neutralExcused: number;
}

/** `read` gives the tone-marked (or numbered) reading of the character at `at`. */
export function scoreCpp(items: readonly CppItem[], read: (item: CppItem) => string): CppScore {
  let strict = 0;
  let neutralExcused = 0;
  for (const item of items) {
    const got = cppForm(read(item));
    const want = cppForm(item.label);
    if (got === want) strict++;
    if (got === want || (got.slice(0, -1) === want.slice(0, -1) && (got.endsWith('5') || want.endsWith('5')))) neutralExcused++;
  }
  return { total: items.length, strict, neutralExcused };
}

/**
 * Sentences with hand-marked readings (tests/fixtures/news-sentences): one sentence a line,
 * each checked character followed by its reading in braces, `率{lv4}`; `#` starts a comment
 * line. Each mark becomes one item, so they are scored exactly as CPP's are.
 */
export function parseMarkedSentences(file: string): CppItem[] {
  const items: CppItem[] = [];
  for (const [i, line] of file.replace(/\r/g, '').split('\n').entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const text = line.replace(/\{[^}]*\}/g, '');
    let plain = 0;
    for (let at = 0; at < line.length;) {
      if (line[at] === '{') {
        const end = line.indexOf('}', at);
        const label = line.slice(at + 1, end);
        if (end < 0 || plain === 0 || !/^[a-zü:]+[1-5]$/.test(label)) throw new Error(`marked sentences line ${i + 1}: a mark must follow a character and read like lv4`);
        items.push({ text, at: plain - 1, label });
        at = end + 1;
      } else {
        plain++;
        at++;
      }
    }
  }
  return items;
}
