/**
 * Saved pages as bytes → text. Browsers decode a page before any script sees it; the CLI and the
 * tests read files, and older Xinhua pages (provincial channels, the 2000s templates) are GB2312.
 * The label comes from a byte-order mark, else the page's own <meta charset> / http-equiv in its
 * first bytes (as a browser's prescan does); GB2312 and GBK are read as their superset GB18030.
 * With no label, UTF-8 is tried strictly and GB18030 is the fallback.
 */

/** How far into the file the <meta> charset is looked for (the HTML standard's prescan reads 1024 bytes; real pages put scripts first). */
const PRESCAN_BYTES = 4096;

const ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
};

/** The charset the page declares for itself, normalised, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, PRESCAN_BYTES));
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(tag);
    if (direct?.[1]) {
      const label = ALIASES[direct[1].toLowerCase()];
      if (label) return label;
    }
  }
  return null;
}

export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  const label = declaredCharset(bytes);
  if (label) return new TextDecoder(label).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 1) s += String.fromCharCode(bytes[i] ?? 0);
  return s;
}
