/**
 * The word whose card is open, highlighted in the page through the CSS Custom Highlight API:
 * no element is added around the page's text, so neither its layout nor its scripts see it.
 */
const HIGHLIGHT = 'jiedu-word';
const HIGHLIGHT_STYLE_ID = 'jiedu-word-style';
type HighlightRegistry = { set(name: string, h: unknown): void; delete(name: string): void };

let highlightedRange: Range | null = null;

/** The word highlighted now, if any. */
export function highlightedWord(): Range | null {
  return highlightedRange;
}

/** Highlights `range` (the only word highlighted), or nothing when null. */
export function highlightWord(range: Range | null): void {
  highlightedRange = range;
  const registry = (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
  const Highlight = (globalThis as unknown as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  if (!registry || !Highlight) return;
  if (!range) {
    registry.delete(HIGHLIGHT);
    return;
  }
  if (!document.getElementById(HIGHLIGHT_STYLE_ID)) {
    const style = document.createElement('style');
    style.id = HIGHLIGHT_STYLE_ID;
    // A warm wash that keeps the page's own text colour readable on light and dark pages.
    style.textContent = `::highlight(${HIGHLIGHT}) { background-color: rgba(255, 196, 0, 0.4); }`;
    (document.head ?? document.documentElement).appendChild(style);
  }
  registry.set(HIGHLIGHT, new Highlight(range));
}
