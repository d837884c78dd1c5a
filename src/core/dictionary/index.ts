export { Dictionary, DictionaryFormatError, readNotice, attributionOf } from './dictionary.ts';
export { DICTIONARY_FILE } from './format.ts';
export type { DictEntry, DictMatch } from './types.ts';
export { numberedToToneMarks, syllableToToneMarks, markBracketedPinyin } from './pinyin-format.ts';
export { mergeGlossaryFirst } from './merge.ts';
export { entryKind, isVariantNote, groupByReading, rankEntries, entryToSave, readingKey, type EntryKind, type ReadingGroup, type ReadingHint, type RankOptions } from './rank.ts';
export { hintAt, rankInContext, readingOf, sentenceForLookup, spansReadBy, commonnessIn, LOOKUP_CONTEXT_CHARS, type SentenceReading } from './in-context.ts';
