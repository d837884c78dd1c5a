import * as v from 'valibot';
import { CATEGORIES } from './types.ts';
import type { BuiltGlossary, GlossaryEntry } from './types.ts';
import { HAN_SCRIPT } from '../han-script.ts';

const nonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1));

const GlossaryEntrySchema = v.strictObject({
  simplified: v.pipe(v.string(), v.minLength(1), v.regex(HAN_SCRIPT, 'simplified must contain Chinese characters')),
  traditional: v.optional(v.pipe(v.string(), v.minLength(1), v.regex(HAN_SCRIPT, 'traditional must contain Chinese characters'))),
  // Tone marks only: numbered pinyin would need a second code path everywhere it is shown.
  pinyin: v.pipe(nonEmpty, v.regex(/^[^0-9]*$/, 'pinyin must use tone marks, not tone numbers')),
  english: nonEmpty,
  alternatives: v.array(nonEmpty),
  explanation: nonEmpty,
  category: v.picklist(CATEGORIES),
  related: v.optional(v.literal(true)),
});

export const GlossarySchema = v.array(GlossaryEntrySchema);

const CitationSchema = v.strictObject({ seed: nonEmpty, title: v.string(), sentence: nonEmpty });

const BuiltEntrySchema = v.strictObject({ ...GlossaryEntrySchema.entries, citations: v.array(CitationSchema) });

export const BuiltGlossarySchema = v.strictObject({
  version: v.literal(1),
  seeds: v.array(v.strictObject({ file: nonEmpty, title: v.string() })),
  entries: v.array(BuiltEntrySchema),
});

// Keep the hand-written interfaces and the schema from drifting apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const entryMatches: Same<v.InferOutput<typeof GlossaryEntrySchema>, GlossaryEntry> = true;
const builtMatches: Same<v.InferOutput<typeof BuiltGlossarySchema>, BuiltGlossary> = true;
void entryMatches;
void builtMatches;

/** Valibot issues as "path: message" lines, for build errors a person can act on. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], label: (index: number) => string = (i) => `#${i}`): string[] {
  return issues.map((issue) => {
    const path = issue.path ?? [];
    const first = path[0]?.key;
    const where = typeof first === 'number' ? label(first) : '';
    const rest = path
      .slice(typeof first === 'number' ? 1 : 0)
      .map((p) => String(p.key))
      .join('.');
    return `${[where, rest].filter(Boolean).join(' ')}: ${issue.message}`;
  });
}
