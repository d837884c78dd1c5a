/**
 * Turns an article body element into plain paragraphs, bold ranges and images, in reading order.
 * Reads only; never clones into or edits the live page (the content script runs on it).
 */
import type { ArticleImage, BoldRange } from '../article.ts';
import { absoluteHttpUrl, isCentred, qa } from './dom.ts';
import { cleanText } from './text.ts';

/**
 * Limits, so that a hostile or broken page cannot make the reader (or the library) huge:
 * 5,000 paragraphs or 1,000,000 characters of text — a hundred times the longest real article.
 */
export const MAX_PARAGRAPHS = 5_000;
export const MAX_CHARS = 1_000_000;
/** Deeper nesting than this is read as plain text, so recursion cannot overflow the stack. */
const MAX_DEPTH = 300;

export interface BodyResult {
  /** The element read, so the page can annotate exactly the article's body; null when it is not in the live page. */
  root: Element | null;
  paragraphs: string[];
  bold: BoldRange[];
  images: ArticleImage[];
  notices: string[];
}

export interface BodyOptions {
  /** Page base for relative image URLs. */
  baseUrl: string;
  /** Selector list of descendants that are not article text (ads, share bars, overlays…). */
  exclude?: string;
  /** Top-level children to read instead of the root's own children, e.g. zaobao's shuffled paragraphs put back in order. */
  children?: Element[];
}

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'figure',
  'figcaption',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'center',
  'address',
  'hr',
  'details',
  'summary',
  'caption',
]);
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'math',
  'audio',
  'video',
  'object',
  'embed',
  'canvas',
  'select',
  'textarea',
  'input',
  'head',
  'title',
  'link',
  'meta',
  'ins',
  'form',
  // Pinyin over the text (ours when annotation is on) is not part of the text.
  'rt',
  'rp',
]);
const IMAGE_ATTRS = ['src', 'data-src', 'data-original', 'data-lazy-src'];

export function readBody(root: Element, opts: BodyOptions): BodyResult {
  const excluded = new Set<Element>(opts.exclude ? qa(root, opts.exclude) : []);
  const out: BodyResult = { root, paragraphs: [], bold: [], images: [], notices: [] };
  let buf: string[] = [];
  let boldTexts: string[] = [];
  let chars = 0;
  let stopped = false;
  /** The last image, while nothing but images has followed it: a caption may come next. */
  let captionable: ArticleImage | null = null;
  /** The image whose caption was just read, while nothing else has followed. */
  let captioned: ArticleImage | null = null;

  const flush = (block: Element | null): void => {
    if (buf.length === 0) return;
    const text = cleanText(buf.join(''));
    const bolds = boldTexts;
    buf = [];
    boldTexts = [];
    if (!text || stopped) return;
    if (block && captionable && isCaptionBlock(block)) {
      captionable.caption = text;
      captioned = captionable;
      captionable = null;
      return;
    }
    // Xinhua often sets a picture's caption in two navy lines (what it shows, then the story and credit).
    if (block && captioned && isStyledCaption(block)) {
      captioned.caption = `${captioned.caption} ${text}`;
      return;
    }
    captioned = null;
    if (block?.localName.toLowerCase() === 'figcaption') return; // a caption with no picture is not article text
    if (out.paragraphs.length >= MAX_PARAGRAPHS) {
      stop(`This page has more than ${MAX_PARAGRAPHS.toLocaleString('en')} paragraphs; only the first ${MAX_PARAGRAPHS.toLocaleString('en')} were kept.`);
      return;
    }
    let kept = text;
    if (chars + text.length > MAX_CHARS) {
      kept = text.slice(0, MAX_CHARS - chars);
      stop(`This page has more than ${MAX_CHARS.toLocaleString('en')} characters of text; the rest was cut off.`);
      if (!kept) return;
    }
    const index = out.paragraphs.length;
    out.paragraphs.push(kept);
    chars += kept.length;
    captionable = null;
    let from = 0;
    for (const b of bolds) {
      const at = kept.indexOf(b, from);
      if (at < 0) continue;
      out.bold.push({ paragraph: index, start: at, end: at + b.length });
      from = at + b.length;
    }
  };

  const stop = (notice: string): void => {
    stopped = true;
    out.notices.push(notice);
  };

  const addImage = (img: Element): void => {
    let src: string | null = null;
    for (const a of IMAGE_ATTRS) {
      const v = img.getAttribute(a);
      if (v && !/^data:/i.test(v.trim())) {
        src = absoluteHttpUrl(v, opts.baseUrl);
        if (src) break;
      }
    }
    if (!src || out.images.some((i) => i.src === src)) return;
    if (out.images.length >= MAX_PARAGRAPHS) return;
    const image: ArticleImage = { src, caption: '' };
    out.images.push(image);
    captionable = image;
    captioned = null;
  };

  const visit = (node: Node, block: Element | null, depth: number): void => {
    if (stopped) return;
    if (node.nodeType === 3) {
      buf.push((node as Text).data);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (excluded.has(el)) return;
    const tag = el.localName.toLowerCase();
    if (SKIP.has(tag)) return;
    if (tag === 'img') {
      addImage(el);
      return;
    }
    if (tag === 'br') {
      buf.push('\n');
      return;
    }
    if (depth > MAX_DEPTH) {
      buf.push(el.textContent ?? '');
      return;
    }
    if (BLOCK.has(tag)) {
      flush(block);
      for (let c = el.firstChild; c; c = c.nextSibling) visit(c, el, depth + 1);
      flush(el);
      return;
    }
    if (tag === 'strong' || tag === 'b') {
      const b = cleanText(el.textContent ?? '');
      if (b) boldTexts.push(b);
    }
    for (let c = el.firstChild; c; c = c.nextSibling) visit(c, block, depth + 1);
  };

  if (opts.children) {
    for (const c of opts.children) visit(c, root, 1);
  } else {
    for (let c = root.firstChild; c; c = c.nextSibling) visit(c, root, 1);
  }
  flush(root);
  return out;
}

/**
 * Captions follow their picture: <figcaption>; Xinhua's 楷体 <font>; guancha's centred grey <span>.
 * Only called when the previous thing read was an image.
 */
function isCaptionBlock(block: Element): boolean {
  const tag = block.localName.toLowerCase();
  if (tag === 'figcaption') return true;
  if (qa(block, 'font[face*="楷体"]').length > 0) return true;
  if (isStyledCaption(block)) return true;
  if (tag === 'p' && isCentred(block)) {
    const first = block.firstElementChild;
    if (first && ['span', 'font', 'em', 'small', 'i'].includes(first.localName.toLowerCase())) {
      if (cleanText(first.textContent ?? '') === cleanText(block.textContent ?? '')) return true;
    }
    // guancha splits a caption into several coloured spans (grey on its pages) ("福克斯新闻9日报道：" then the headline the picture shows).
    const kids = Array.from(block.childNodes);
    return (
      kids.some((n) => n.nodeType === 1 && /color\s*:/i.test((n as Element).getAttribute('style') ?? '')) &&
      kids.every((n) => (n.nodeType === 1 ? (n as Element).localName.toLowerCase() === 'span' : n.nodeType !== 3 || cleanText(n.textContent ?? '') === ''))
    );
  }
  return false;
}

/** news.cn (Chinese and English): a paragraph whose whole text is one navy span or font — the house style for captions. */
function isStyledCaption(block: Element): boolean {
  if (block.localName.toLowerCase() !== 'p' || block.children.length !== 1) return false;
  const only = block.firstElementChild;
  if (!only || !['span', 'font'].includes(only.localName.toLowerCase())) return false;
  const navy = /color\s*:\s*(?:#000080|navy)\b/i.test(only.getAttribute('style') ?? '') || /^(?:#000080|navy)$/i.test(only.getAttribute('color') ?? '');
  return navy && cleanText(only.textContent ?? '') === cleanText(block.textContent ?? '');
}
