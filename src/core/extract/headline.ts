/**
 * The element that shows an article's headline, found by its text: the adapters read the
 * title from wherever the site keeps it (a heading, metadata, the document title), and the
 * reader wants pinyin on the headline they see, which is usually outside the body.
 */

const CANDIDATES = 'h1, h2, h3, [class*="title" i], [id*="title" i]';

const squeeze = (s: string): string => s.replace(/\s+/g, '');

/**
 * The innermost visible-in-markup element outside `body` whose whole text is the title
 * (spaces ignored), or that holds the title with little else (a kicker, a label); null if none.
 */
export function headlineElement(doc: Document, title: string, body: Element | null): Element | null {
  const want = squeeze(title);
  if (!want) return null;
  let best = null as Element | null;
  let bestExtra = Infinity;
  for (const el of doc.body?.querySelectorAll(CANDIDATES) ?? []) {
    if (body && (body === el || body.contains(el) || el.contains(body))) continue;
    if (el.closest('head, script, style, template, noscript, a, nav, header nav')) continue;
    const text = squeeze(el.textContent ?? '');
    if (!text.includes(want)) continue;
    const extra = text.length - want.length;
    // A container of the headline and more (a whole header block) is not the headline.
    if (extra > Math.max(12, want.length / 2)) continue;
    // The tightest match wins; among equals the first in the page (the visible heading before a repeat).
    if (extra < bestExtra || (extra === bestExtra && best !== null && best.contains(el))) {
      best = el;
      bestExtra = extra;
    }
  }
  return best ?? exactElsewhere(doc, want, body);
}

/** Older table layouts set the headline in plain cells (`<td><b><font>…`): the innermost element whose text is exactly the title. */
function exactElsewhere(doc: Document, want: string, body: Element | null): Element | null {
  let found: Element | null = null;
  for (const el of doc.body?.querySelectorAll('td, th, div, p, span, b, strong, font') ?? []) {
    if (body && (body === el || body.contains(el) || el.contains(body))) continue;
    if (el.closest('a, nav, li') || el.querySelector('a')) continue;
    if (squeeze(el.textContent ?? '') !== want) continue;
    if (!found || found.contains(el)) found = el;
  }
  return found;
}
