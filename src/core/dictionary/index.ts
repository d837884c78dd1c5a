export { Dictionary, DictionaryFormatError, GlossesNotLoaded } from './dictionary.ts';
export { DICTIONARY_FILE, glossFile } from './format.ts';
export type { DictEntry } from './types.ts';
export { entryKind, groupByReading, entryToSave } from './rank.ts';
export { rankInContext, sentenceForLookup, spansReadBy, commonnessIn, type SentenceReading } from './in-context.ts';
