export { Dictionary, DictionaryFormatError } from './dictionary.ts';
export type { DictEntry, DictMatch } from './types.ts';
export { decodeDictionaryAsset, isGzip } from './asset.ts';
export { numberedToToneMarks, syllableToToneMarks, markBracketedPinyin } from './pinyin-format.ts';
export { mergeGlossaryFirst, mergeGlossaryMatches } from './merge.ts';
