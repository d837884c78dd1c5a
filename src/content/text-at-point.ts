/**
 * The text at a point of a page: the block a node is in, its text without pinyin, the caret
 * under a pointer, and the word and sentence there. One source for the look-up card, the term
 * card and a saved selection, so that all three cut blocks and sentences alike.
 */
import type { LookupContext } from '../messaging/protocol.ts';
import { sentenceForLookup } from '../core/dictionary/in-context.ts';
import { sentenceAround } from '../core/sentence.ts';
import { HAN_SCRIPT } from '../core/han-script.ts';

/** Elements that hold a run of text a sentence may be taken from. */
const TEXT_BLOCKS = 'p, li, td, dd, blockquote, figcaption, h1, h2, h3, h4, h5, h6, div';

/** The block a node's text belongs to (the body when it is in none). */
export function blockOf(node: Node): Element {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement!;
  return el.closest(TEXT_BLOCKS) ?? document.body;
}

/** The text nodes a reader sees under `root`: pinyin (rt, rp), scripts and styles left out. */
export function visibleTextNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('rt, rp, script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/**
 * The text from a caret to the end of its block (at most `max` characters), the sentence there
 * (as saved with a word), and the raw sentence with the point's offset (for the reading in context).
 */
export function textAtCaret(node: Text, offset: number, max: number): { text: string; sentence: string; context: LookupContext } | null {
  if (node.parentElement?.closest('rt, rp')) return null;
  const { full, at } = blockTextAt(blockOf(node), node, offset);
  if (!HAN_SCRIPT.test(full[at] ?? '')) return null;
  return { text: full.slice(at, at + max), sentence: sentenceAround(full, at), context: sentenceForLookup(full, at) };
}

/** The caret under a pointer, on the character whose box holds the point. */
export function caretAt(x: number, y: number): { node: Text; offset: number } | null {
  const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  let caret: { node: Text; offset: number } | null = null;
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    if (p && p.offsetNode.nodeType === Node.TEXT_NODE) caret = { node: p.offsetNode as Text, offset: p.offset };
  } else {
    const r = document.caretRangeFromPoint?.(x, y);
    if (r && r.startContainer.nodeType === Node.TEXT_NODE) caret = { node: r.startContainer as Text, offset: r.startOffset };
  }
  if (!caret) return null;
  // The caret sits between characters: a click on a character's right half puts it after that character.
  // Take the character whose box holds the point.
  const box = (i: number): DOMRect | null => {
    if (i < 0 || i >= caret!.node.data.length) return null;
    const r = document.createRange();
    r.setStart(caret!.node, i);
    r.setEnd(caret!.node, i + 1);
    return r.getBoundingClientRect();
  };
  const inside = (r: DOMRect | null) => !!r && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  if (!inside(box(caret.offset)) && inside(box(caret.offset - 1))) caret.offset -= 1;
  return caret;
}

/** A range over `count` visible characters of `block` from a point in one of its text nodes (rubies split words into nodes). */
export function rangeOfChars(block: Element, node: Text, offset: number, count: number): Range {
  const range = document.createRange();
  range.setStart(node, Math.min(offset, node.data.length));
  let left = count;
  let started = false;
  for (const n of visibleTextNodes(block)) {
    if (n === node) started = true;
    if (!started) continue;
    const from = n === node ? offset : 0;
    const take = Math.min(left, n.data.length - from);
    left -= take;
    range.setEnd(n, from + take);
    if (left <= 0) break;
  }
  return range;
}

/**
 * The text of `block` as a reader sees it (no pinyin) and where a point in it falls in that text:
 * the point as a Range gives it, in a text node or between an element's children.
 */
export function blockTextAt(block: Element, node: Node, offset: number, nodes: readonly Text[] = visibleTextNodes(block)): { full: string; at: number } {
  const point = document.createRange();
  point.setStart(node, offset);
  let full = '';
  let at = -1;
  for (const n of nodes) {
    if (at < 0) {
      if (n === node) at = full.length + offset;
      else if (point.comparePoint(n, 0) >= 0) at = full.length;
    }
    full += n.data;
  }
  return { full, at: at < 0 ? full.length : at };
}
