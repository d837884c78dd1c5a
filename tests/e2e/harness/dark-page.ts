/**
 * A dark look for a site's page, as a reader's dark-theme extension gives it: dark paper and
 * light text over the site's own markup. Jiedu's pinyin keeps its own colours (its shades are
 * chosen from the background when it is drawn, so apply this first) and the card has its own
 * theme. The sites have no dark look of their own to test against.
 */
export const DARK_PAGE_CSS = `html { background: #15171a !important; color-scheme: dark; }
body, body *:not(rt, rt *) { background-color: transparent !important; background-image: none !important; color: #e3e3e3 !important; }`;

/** Adds the dark look to the page it runs in (for a driver's evaluate, with DARK_PAGE_CSS as its argument). */
export function addDarkLook(css: string): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
}
