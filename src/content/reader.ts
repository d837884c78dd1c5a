/**
 * The article reader, loaded only on pages whose URL can be an article (or
 * when the user saves a page by hand): the extraction adapters and the generic
 * Readability fallback stay out of the script every page loads.
 */
export { extractArticle, type ExtractOutcome } from '../core/extract/index.ts';
/** For the bench's baseline only: the generic reader the adapters are compared against. */
export { Readability } from '@mozilla/readability';
