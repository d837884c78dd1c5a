/**
 * Keeps what the reader was looking at while the page's layout changes under
 * them (pinyin adds height to every line): the same text stays at the same
 * place in the window, and a selection survives the DOM being rebuilt.
 */

const RT_SELECTOR = 'rt';

/** The element at the top of the window, and where it was: one hit test on a page already laid out. */
function viewAnchor(): { el: Element; top: number } | null {
  const el = document.elementFromPoint(innerWidth / 2, 8);
  if (!el || el === document.documentElement || el === document.body) return null;
  return { el, top: el.getBoundingClientRect().top };
}

interface TextPoint {
  /** Characters from the start of `root`'s text, not counting pinyin. */
  offset: number;
}

function isPinyin(node: Node): boolean {
  return (node.parentElement?.closest(RT_SELECTOR) ?? null) !== null;
}

function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!isPinyin(n)) out.push(n as Text);
  return out;
}

function toOffset(root: Node, node: Node, offset: number): TextPoint | null {
  let total = 0;
  for (const t of textNodes(root)) {
    if (t === node) return { offset: total + offset };
    total += t.data.length;
  }
  // An element boundary: count the text before the child at `offset`.
  if (node.nodeType === Node.ELEMENT_NODE && root.contains(node)) {
    const child = node.childNodes[offset] ?? null;
    total = 0;
    for (const t of textNodes(root)) {
      if (child && (child === t || child.contains(t) || child.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
      total += t.data.length;
    }
    return { offset: total };
  }
  return null;
}

function fromOffset(root: Node, point: TextPoint): { node: Text; offset: number } | null {
  let total = 0;
  let last: Text | null = null;
  for (const t of textNodes(root)) {
    if (point.offset <= total + t.data.length) return { node: t, offset: point.offset - total };
    total += t.data.length;
    last = t;
  }
  return last ? { node: last, offset: last.data.length } : null;
}

/**
 * Runs `change` (which rebuilds text under `root`), keeping the selection, and
 * then, once the browser has laid the page out for its next frame, the text
 * that was at the top of the window where it was. Measuring right after the
 * change would force that layout early and make the change itself slow.
 */
export function keepingView(root: Element, change: () => void): void {
  const anchor = viewAnchor();
  const sel = root.ownerDocument.getSelection();
  let saved: { start: TextPoint; end: TextPoint } | null = null;
  if (sel && sel.rangeCount > 0 && !sel.isCollapsed) {
    const r = sel.getRangeAt(0);
    if (root.contains(r.startContainer) && root.contains(r.endContainer)) {
      const start = toOffset(root, r.startContainer, r.startOffset);
      const end = toOffset(root, r.endContainer, r.endOffset);
      if (start && end) saved = { start, end };
    }
  }
  change();
  // Text before the rebuilt part does not move: no need to measure it again (which costs a layout).
  const before = anchor && !root.contains(anchor.el) && (root.compareDocumentPosition(anchor.el) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
  if (anchor && !before) {
    requestAnimationFrame(() => {
      if (!anchor.el.isConnected) return;
      const moved = anchor.el.getBoundingClientRect().top - anchor.top;
      if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
    });
  }
  if (saved && sel) {
    const start = fromOffset(root, saved.start);
    const end = fromOffset(root, saved.end);
    if (start && end) sel.setBaseAndExtent(start.node, start.offset, end.node, end.offset);
  }
}

/** Copying annotated text gives the Chinese only, whatever the browser does with <rt> in a selection. */
export function copyWithoutPinyin(event: ClipboardEvent): void {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0 || !event.clipboardData) return;
  const range = sel.getRangeAt(0);
  const fragment = range.cloneContents();
  if (!fragment.querySelector(RT_SELECTOR)) return;
  for (const rt of fragment.querySelectorAll(RT_SELECTOR)) rt.remove();
  const holder = document.createElement('div');
  holder.appendChild(fragment);
  event.clipboardData.setData('text/plain', holder.textContent ?? '');
  event.preventDefault();
}
