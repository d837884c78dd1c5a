/** Sentence ends in Chinese news text (and the ASCII forms some pages use). */
const SENTENCE_END = /[。！？!?；;\n]/;

/** The sentence of `text` that holds `offset`, its closing mark included, whitespace folded. */
export function sentenceAround(text: string, offset: number): string {
  let start = Math.max(0, Math.min(offset, text.length));
  while (start > 0 && !SENTENCE_END.test(text[start - 1]!)) start--;
  let end = Math.max(start, Math.min(offset, text.length));
  while (end < text.length && !SENTENCE_END.test(text[end]!)) end++;
  if (end < text.length) end++;
  return text.slice(start, end).replace(/\s+/g, ' ').trim();
}
