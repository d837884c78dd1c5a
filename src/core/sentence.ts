/** Sentence ends in Chinese news text (and the ASCII forms some pages use). */
const SENTENCE_END = /[。！？!?；;\n]/;

/** A block with no sentence marks (a list, a caption run together) still gives a sentence of bounded length. */
export const MAX_SENTENCE_CHARS = 400;

/** The sentence of `text` that holds `offset`, its closing mark included, whitespace folded; at most MAX_SENTENCE_CHARS around the offset. */
export function sentenceAround(text: string, offset: number): string {
  const at = Math.max(0, Math.min(offset, text.length));
  const floor = Math.max(0, at - MAX_SENTENCE_CHARS / 2);
  const ceiling = Math.min(text.length, at + MAX_SENTENCE_CHARS / 2);
  let start = at;
  while (start > floor && !SENTENCE_END.test(text[start - 1]!)) start--;
  let end = at;
  while (end < ceiling && !SENTENCE_END.test(text[end]!)) end++;
  if (end < ceiling && SENTENCE_END.test(text[end] ?? '')) end++;
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}
