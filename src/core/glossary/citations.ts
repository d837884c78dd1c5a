/**
 * Citations are computed from the seeds by the build, never typed by hand, so
 * that every quoted sentence is really in a seed and none goes stale when an
 * entry changes.
 */
import { foldText } from './matcher.ts';
import type { BuiltEntry, Citation, GlossaryEntry } from './types.ts';

/** The part of a parsed seed (src/core/seeds.ts) that citations need. */
export interface CitableText {
  file: string;
  title: string;
  paragraphs: readonly string[];
  images?: readonly { caption: string }[];
}

/**
 * Splits after 。！？ and semicolons (；;), and at newlines; the terminator
 * stays with its sentence. Quotes are not tracked: the seeds end sentences
 * outside quotation marks.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    for (const piece of line.match(/[^。！？；;]+[。！？；;]*|[。！？；;]+/g) ?? []) {
      const s = piece.trim();
      if (s) out.push(s);
    }
  }
  return out;
}

/** Title, paragraphs and image captions, in that order, as sentences. */
export function seedSentences(seed: CitableText): string[] {
  const blocks = [seed.title, ...seed.paragraphs, ...(seed.images ?? []).map((i) => i.caption)];
  return blocks.flatMap(splitSentences);
}

export function addCitations<E extends GlossaryEntry>(entries: readonly E[], seeds: readonly CitableText[]): (E & BuiltEntry)[] {
  // Sentences are split once per seed, not once per entry.
  const prepared = seeds.map((seed) => ({
    seed,
    sentences: [...new Set(seedSentences(seed))].map((sentence) => ({ sentence, folded: foldText(sentence) })),
  }));
  return entries.map((entry) => {
    const forms = [entry.simplified, entry.traditional].filter((f): f is string => !!f).map(foldText);
    const citations: Citation[] = [];
    for (const { seed, sentences } of prepared) {
      for (const { sentence, folded } of sentences) {
        if (forms.some((f) => folded.includes(f))) citations.push({ seed: seed.file, title: seed.title, sentence });
      }
    }
    return { ...entry, citations };
  });
}
