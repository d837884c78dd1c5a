export type { BuiltEntry, BuiltGlossary, Category } from './types.ts';
export { buildMatcher } from './matcher.ts';
export type { GlossaryMatcher } from './matcher.ts';
export { createSearch } from './search.ts';
export type { GlossarySearch } from './search.ts';
