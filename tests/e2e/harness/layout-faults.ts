/** What a reader would see as broken in a tab of either browser: sideways scrolling, text over text, text cut off. */
import type { Tab } from './types.ts';

export interface LayoutFaults {
  /** How far the page scrolls sideways (0 when it fits its window). */
  horizontalOverflow: number;
  /** Pairs of visible text boxes that overlap by more than 2 px each way. */
  overlaps: string[];
  /** Elements whose text is cut off at their bottom or right edge without an ellipsis. */
  clipped: string[];
}

/** Every visible text box of the page, measured: overlaps, cut-off text and sideways overflow. */
export function layoutFaults(tab: Pick<Tab, 'evaluate'>): Promise<LayoutFaults> {
  return tab.evaluate(() => {
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} "${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 24)}"`;
    const boxes: { el: Element; r: DOMRect }[] = [];
    const clipped: string[] = [];
    const visible = (el: Element) => {
      const cs = getComputedStyle(el);
      return cs.visibility !== 'hidden' && cs.display !== 'none' && Number(cs.opacity) > 0;
    };
    // A text box is the range of an element's own text: that is what a reader sees overlapping.
    for (const el of document.body.querySelectorAll('*')) {
      if (!visible(el) || el.closest('.visually-hidden, [aria-hidden=true] option, select, option')) continue;
      const cs = getComputedStyle(el);
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (ownText) {
        const range = document.createRange();
        range.selectNodeContents(el);
        // What a scrolling or clipping box (the element or an ancestor) hides is not on screen: only the part in view counts.
        let view = new DOMRect(-1e6, -1e6, 2e6, 2e6);
        for (let a: Element | null = el; a; a = a.parentElement) {
          if (getComputedStyle(a).overflow === 'visible') continue;
          const ar = a.getBoundingClientRect();
          const left = Math.max(view.left, ar.left);
          const top = Math.max(view.top, ar.top);
          view = new DOMRect(left, top, Math.min(view.right, ar.right) - left, Math.min(view.bottom, ar.bottom) - top);
        }
        for (const r of range.getClientRects()) {
          const left = Math.max(r.left, view.left);
          const top = Math.max(r.top, view.top);
          const shown = new DOMRect(left, top, Math.min(r.right, view.right) - left, Math.min(r.bottom, view.bottom) - top);
          if (shown.width > 0 && shown.height > 0) boxes.push({ el, r: shown });
        }
      }
      const hides = cs.overflowX === 'hidden' || cs.overflowY === 'hidden' || cs.overflow === 'hidden' || cs.overflow === 'clip';
      if (hides && (el.textContent ?? '').trim() !== '' && el.clientHeight > 0) {
        const clamp = cs.webkitLineClamp !== 'none' ? Number(cs.webkitLineClamp) : 0;
        const ellipsis = cs.textOverflow === 'ellipsis' || clamp > 0;
        // A clamped box must show its whole lines: squeezed shorter, it cuts a line in half.
        const clampHeight = clamp > 0 ? Math.min(el.scrollHeight, clamp * parseFloat(cs.lineHeight)) : 0;
        if (clamp > 0 && el.clientHeight + 1 < clampHeight) clipped.push(`${name(el)} ${el.clientHeight}<${clampHeight} of ${clamp} lines`);
        else if (clamp === 0 && el.scrollHeight > el.clientHeight + 1) clipped.push(`${name(el)} ${el.scrollHeight}>${el.clientHeight} tall`);
        else if (el.scrollWidth > el.clientWidth + 1 && !ellipsis) clipped.push(`${name(el)} ${el.scrollWidth}>${el.clientWidth} wide`);
      }
    }
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (x > 2 && y > 2 && !overlaps.includes(`${name(a.el)} × ${name(b.el)}`)) overlaps.push(`${name(a.el)} × ${name(b.el)}`);
      }
    }
    const root = document.scrollingElement ?? document.documentElement;
    return { horizontalOverflow: root.scrollWidth - root.clientWidth, overlaps, clipped };
  });
}
