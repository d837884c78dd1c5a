/**
 * The article reader, loaded only on pages whose URL can be an article (or
 * when the user saves a page by hand): the extraction adapters and the generic
 * Readability fallback stay out of the script every page loads.
 */
export { extractArticle, type ExtractOutcome } from '../core/extract/index.ts';
