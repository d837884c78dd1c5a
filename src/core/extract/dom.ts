/** Read-only DOM helpers. Nothing here writes to the document or parses page strings as HTML. */
import { cleanText } from './text.ts';

export function q(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

export function qa(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

// rt/rp: pinyin Jiedu (or the page) set over the text is not the text itself.
const HIDDEN_TEXT = 'script, style, noscript, template, rt, rp';

/** Cleaned text as the reader sees it: never markup, and never the source of scripts or styles inside. */
export function textOf(el: Node | null | undefined): string {
  if (!el) return '';
  if (el.nodeType !== 1 || q(el as Element, HIDDEN_TEXT) === null) return cleanText(el.textContent ?? '');
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3) parts.push((n as Text).data);
    else if (n.nodeType === 1 && !(n as Element).matches(HIDDEN_TEXT)) for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(el);
  return cleanText(parts.join(''));
}

/** The first selector that matches with non-empty text. */
export function firstText(root: ParentNode, selectors: readonly string[]): string | null {
  for (const s of selectors) {
    for (const el of qa(root, s)) {
      const t = textOf(el);
      if (t) return t;
    }
  }
  return null;
}

export function metaContent(doc: Document, ...keys: string[]): string | null {
  for (const k of keys) {
    const el = q(doc, `meta[name="${k}"]`) ?? q(doc, `meta[property="${k}"]`);
    const v = cleanText(el?.getAttribute('content') ?? '');
    if (v) return v;
  }
  return null;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: Json | undefined): string | null {
  if (typeof v === 'string') return cleanText(v) || null;
  if (typeof v === 'number') return String(v);
  return null;
}

/** JSON that sites really ship: tolerates trailing commas (zaobao's Organization block has one). */
export function parseLooseJson(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch {
    try {
      return JSON.parse(text.replace(/,\s*([\]}])/g, '$1')) as Json;
    } catch {
      return undefined;
    }
  }
}

/** Every JSON-LD object on the page, with @graph members flattened in. */
export function jsonLd(doc: Document, selector = 'script[type="application/ld+json"]'): JsonObject[] {
  const out: JsonObject[] = [];
  const add = (v: Json | undefined): void => {
    if (Array.isArray(v)) v.forEach(add);
    else if (isObject(v)) {
      out.push(v);
      if (Array.isArray(v['@graph'])) v['@graph'].forEach(add);
    }
  };
  for (const s of qa(doc, selector)) add(parseLooseJson(s.textContent ?? ''));
  return out;
}

/** Objects whose @type is one of the article types. */
export function articleLd(objects: readonly JsonObject[]): JsonObject | null {
  for (const o of objects) {
    const t = o['@type'];
    const types = Array.isArray(t) ? t : [t];
    if (types.some((x) => typeof x === 'string' && /Article|BlogPosting|Report/.test(x))) return o;
  }
  return null;
}

/** Names from a JSON-LD author: a string, a Person/Organization object, or an array of them. */
export function ldNames(v: Json | undefined, onlyPeople = false): string[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.flatMap((x) => ldNames(x, onlyPeople));
  if (typeof v === 'string') return onlyPeople ? [] : [cleanText(v)].filter(Boolean);
  if (isObject(v)) {
    if (onlyPeople && v['@type'] !== 'Person') return [];
    const n = str(v.name);
    return n ? [n] : [];
  }
  return [];
}

/** Comma-separated or array keywords. */
export function ldKeywords(v: Json | undefined): string[] {
  if (typeof v === 'string')
    return v
      .split(/[,，、]/)
      .map(cleanText)
      .filter(Boolean);
  if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'string' ? [cleanText(x)] : [])).filter(Boolean);
  return [];
}

/** The page's base for relative links: <base href> if any, else the page URL. */
export function baseUrlOf(doc: Document, pageUrl: string): string {
  const href = q(doc, 'base[href]')?.getAttribute('href');
  if (href) {
    try {
      return new URL(href, pageUrl).href;
    } catch {
      /* a broken <base> is ignored, as browsers do */
    }
  }
  return pageUrl;
}

/** Absolute http(s) URL, or null: javascript:, data: and other schemes never reach the record. */
export function absoluteHttpUrl(raw: string | null | undefined, base: string): string | null {
  const v = (raw ?? '').trim();
  if (!v) return null;
  try {
    const u = new URL(v, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function isCentred(el: Element): boolean {
  return (el.getAttribute('align') ?? '').toLowerCase() === 'center' || /text-align\s*:\s*center/i.test(el.getAttribute('style') ?? '');
}
