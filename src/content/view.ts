/**
 * Keeps what the reader was looking at while the page's layout changes under
 * them (pinyin adds height to every line): the same text stays at the same
 * place in the window, and a selection survives the DOM being rebuilt.
 */

const RT_SELECTOR = 'rt';

/** The first element whose top is in view, and where it was. */
function viewAnchor(root: Element): { el: Element; top: number } | null {
  const candidates = root.querySelectorAll('p, li, h1, h2, h3, h4, blockquote, figcaption, div');
  for (const el of candidates) {
    const r = el.getBoundingClientRect();
    if (r.bottom > 0 && r.height > 0) return { el, top: r.top };
  }
  return null;
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

/** Runs `change` (which rebuilds text under `root`), keeping the scroll anchor and the selection. */
export function keepingView(root: Element, change: () => void): void {
  const anchor = viewAnchor(root);
  const sel = root.ownerDocument.getSelection();
  let saved: { start: TextPoint; end: TextPoint } | null = null;
  if (sel && sel.rangeCount > 0) {
    const r = sel.getRangeAt(0);
    if (root.contains(r.startContainer) && root.contains(r.endContainer)) {
      const start = toOffset(root, r.startContainer, r.startOffset);
      const end = toOffset(root, r.endContainer, r.endOffset);
      if (start && end) saved = { start, end };
    }
  }
  change();
  if (anchor && anchor.el.isConnected) {
    const moved = anchor.el.getBoundingClientRect().top - anchor.top;
    if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
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
