/**
 * The five seed articles are stored as they were collected: YAML front matter
 * over an HTML body (guancha, zaobao) or bare text (Xinhua). This turns one
 * into plain paragraphs so that tests, the glossary build and the pinyin gold
 * standard all read the same text.
 */
import type { SiteId } from './article.ts';

interface SeedImage {
  src: string;
  caption: string;
}

export interface Seed {
  /** "000" … "004", the file's numeric prefix. */
  id: string;
  file: string;
  site: SiteId;
  title: string;
  /** ISO 8601 when the seed says when it was published. */
  publishedAt: string | null;
  sourceUrl: string | null;
  paragraphs: string[];
  images: SeedImage[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[name.toLowerCase()] ?? m;
  });
}

function stripTags(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

function frontMatter(raw: string): { fields: Record<string, string>; body: string } {
  const m = /^\s*---\n([\s\S]*?)\n---\n/.exec(raw);
  if (!m || m[1] === undefined) return { fields: {}, body: raw };
  const fields: Record<string, string> = {};
  for (const line of m[1].split('\n')) {
    const kv = /^([a-z]+):\s*(.*)$/.exec(line);
    if (kv && kv[1] && kv[2] !== undefined) fields[kv[1]] = kv[2].replace(/^['"]|['"]$/g, '').trim();
  }
  return { fields, body: raw.slice(m[0].length + (m.index ?? 0)) };
}

function isoDate(value: string | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return null;
  // Store China time, the sites' own zone.
  const local = new Date(t + 8 * 3600_000).toISOString().slice(0, 19);
  return `${local}+08:00`;
}

function htmlBody(body: string): { paragraphs: string[]; images: SeedImage[] } {
  const paragraphs: string[] = [];
  const images: SeedImage[] = [];
  // Walk block elements in document order: <p>, <figcaption> and image holders.
  const block = /<(p|figcaption)\b([^>]*)>([\s\S]*?)<\/\1>|<img\b([^>]*)>/gi;
  for (let m = block.exec(body); m; m = block.exec(body)) {
    if (m[4] !== undefined) {
      const src = /\ssrc="([^"]+)"/.exec(m[4])?.[1];
      if (src) images.push({ src: decodeEntities(src), caption: '' });
      continue;
    }
    const tag = (m[1] ?? '').toLowerCase();
    const attrs = m[2] ?? '';
    const inner = m[3] ?? '';
    if (/<img\b/i.test(inner)) {
      const src = /\ssrc="([^"]+)"/.exec(inner)?.[1];
      if (src) images.push({ src: decodeEntities(src), caption: '' });
      continue;
    }
    const text = stripTags(inner);
    if (!text) continue;
    const centred = /align="center"|text-align:\s*center/i.test(attrs);
    const last = images[images.length - 1];
    if ((tag === 'figcaption' || (centred && /^\s*<span/i.test(inner))) && last && !last.caption) {
      last.caption = text;
      continue;
    }
    paragraphs.push(text);
  }
  return { paragraphs, images };
}

export function parseSeed(file: string, raw: string): Seed {
  const id = /^(\d{3})/.exec(file)?.[1] ?? file;
  const { fields, body } = frontMatter(raw);
  if (fields.title !== undefined) {
    const { paragraphs, images } = htmlBody(body);
    const sourceUrl = fields.from ?? null;
    const site: SiteId = sourceUrl?.includes('zaobao') ? 'zaobao' : raw.includes('观察者网') ? 'guancha' : 'xinhua';
    return { id, file, site, title: fields.title, publishedAt: isoDate(fields.date), sourceUrl, paragraphs, images };
  }
  // Bare Xinhua text: either one line whose paragraphs are separated by
  // full-width indents, or lines separated by blank lines. The first piece is the title.
  const pieces = raw.includes('\u3000\u3000') ? raw.split(/\u3000\u3000+/) : raw.split(/\n\s*\n/);
  const clean = pieces.map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 0);
  const [title = '', ...paragraphs] = clean;
  return { id, file, site: 'xinhua', title, publishedAt: null, sourceUrl: null, paragraphs, images: [] };
}
