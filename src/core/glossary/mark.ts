/**
 * Marks glossary terms in a page's text, and takes the marks off again.
 *
 * Each matched term is wrapped in a <span class="jiedu-term"> built with DOM
 * calls only; the original text node is kept so removal puts back exactly the
 * nodes the page had. Pinyin ruby goes inside the marks, so mark first, then
 * annotate (and remove pinyin before the marks).
 */
import type { TermMatch } from './matcher.ts';

export const TERM_CLASS = 'jiedu-term';
export const TERM_ATTR = 'data-jiedu-term';

export interface MarkHandle {
  /** Mark terms in content added under `node` later. */
  markSubtree(node: Node): void;
  remove(): void;
  readonly count: number;
}

const SKIP = new Set(['script', 'style', 'textarea', 'input', 'select', 'option', 'code', 'pre', 'noscript', 'template', 'rt', 'rp', 'svg', 'math', 'iframe', 'a', 'button']);

function skipped(el: Element): boolean {
  if (SKIP.has(el.localName.toLowerCase())) return true;
  if (el.classList.contains(TERM_CLASS) || el.classList.contains('jiedu-run')) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

function textNodes(node: Node, root: Node): Text[] {
  for (let n: Node | null = node.nodeType === 1 ? node : node.parentNode; n && n !== root.parentNode; n = n.parentNode) {
    if (n.nodeType === 1 && skipped(n as Element)) return [];
  }
  const out: Text[] = [];
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      if ((n as Text).data.trim()) out.push(n as Text);
    } else if (n.nodeType === 1 && !skipped(n as Element)) {
      for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  }
  return out;
}

export function markTerms(root: Element, scan: (text: string) => TermMatch[]): MarkHandle {
  const doc = root.ownerDocument;
  const done: { original: Text; parts: Node[] }[] = [];
  let marks = 0;

  const mark = (text: Text) => {
    const matches = scan(text.data);
    if (matches.length === 0 || !text.parentNode) return;
    const parts: Node[] = [];
    let at = 0;
    for (const m of matches) {
      if (m.start > at) parts.push(doc.createTextNode(text.data.slice(at, m.start)));
      const span = doc.createElement('span');
      span.className = TERM_CLASS;
      span.setAttribute(TERM_ATTR, m.term);
      // Reached by one Tab stop for all the terms (see the page UI's roving focus), not one each.
      span.tabIndex = -1;
      span.setAttribute('role', 'button');
      span.setAttribute('aria-haspopup', 'dialog');
      span.textContent = text.data.slice(m.start, m.end);
      parts.push(span);
      at = m.end;
      marks++;
    }
    if (at < text.data.length) parts.push(doc.createTextNode(text.data.slice(at)));
    const parent = text.parentNode;
    for (const p of parts) parent.insertBefore(p, text);
    parent.removeChild(text);
    done.push({ original: text, parts });
  };

  const markSubtree = (node: Node) => {
    if (node !== root && !root.contains(node)) return;
    for (const t of textNodes(node, root)) mark(t);
  };
  markSubtree(root);

  return {
    markSubtree,
    get count() {
      return marks;
    },
    remove() {
      for (let k = done.length - 1; k >= 0; k--) {
        const { original, parts } = done[k]!;
        const anchor = parts.find((p) => p.parentNode);
        if (anchor?.parentNode) anchor.parentNode.insertBefore(original, anchor);
        for (const p of parts) p.parentNode?.removeChild(p);
      }
      done.length = 0;
      marks = 0;
    },
  };
}
