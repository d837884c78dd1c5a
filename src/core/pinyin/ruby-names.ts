/** Names of the markup pinyin is drawn with (see ruby.ts). */

/** Holds what replaced one text node, so that taking pinyin off is one replacement per node. */
export const RUN_CLASS = 'jiedu-run';
/**
 * Our ruby elements are the run's children, so they need no class of their own: thousands
 * of class attributes fewer to write (a fifth of the time spent building the markup).
 */
export const RUBY_SELECTOR = `span.${RUN_CLASS} > ruby`;
/** The class twice: page rules such as `.article .body rt` must not outweigh ours. */
export const RT_SELECTOR = `span.${RUN_CLASS}.${RUN_CLASS} > ruby > rt`;
