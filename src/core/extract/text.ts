/** Text cleaning and date parsing shared by every adapter. Pure string work, no DOM. */

/** Zero-width characters: zaobao hides a per-reader watermark in them; they also break search and pinyin. */
// eslint-disable-next-line no-misleading-character-class -- each zero-width character alone, the joiner included
const ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff]/g;

/**
 * One paragraph's text as the reader sees it: zero-width characters removed, every run of
 * whitespace (full-width indents U+3000, no-break spaces and line breaks included) made one
 * space, ends trimmed. The seed parser normalises the same way, so built fixtures round-trip.
 */
export function cleanText(s: string): string {
  return s.replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Wall-clock time in China/Singapore (UTC+8, no daylight saving) as ISO 8601 with +08:00. */
export function isoCst(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): string | null {
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 60)) return null;
  if (!(y >= 1990 && y <= 2200)) return null;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}+08:00`;
}

/** An instant expressed in UTC+8. */
export function instantToCst(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const t = new Date(ms + 8 * 3600_000);
  return isoCst(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds());
}

/**
 * A date as the sites print it: "2019-09-07 09:25:09", "2021-11-18 17:28", "2019/12/10",
 * "2022年9月29日 16:09", "2019年11月18日 5:00 PM", or ISO 8601 with a zone (converted to +08:00).
 * Times without a zone are the sites' local time, UTC+8.
 */
export function parseSiteDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = cleanText(raw);
  if (!s) return null;
  const zoned = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.exec(s);
  if (zoned) {
    const zone = zoned[7] ?? '';
    if (zone === '+08:00' || zone === '+0800') {
      return isoCst(+zoned[1]!, +zoned[2]!, +zoned[3]!, +zoned[4]!, +zoned[5]!, +(zoned[6] ?? 0));
    }
    return instantToCst(Date.parse(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')));
  }
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*T?\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?(?:\.\d+)?\s*(AM|PM|am|pm|上午|下午)?)?/.exec(s);
  if (!m) return null;
  let h = m[4] === undefined ? 0 : +m[4];
  const half = m[7]?.toLowerCase();
  if ((half === 'pm' || half === '下午') && h < 12) h += 12;
  if ((half === 'am' || half === '上午') && h === 12) h = 0;
  return isoCst(+m[1]!, +m[2]!, +m[3]!, h, m[5] === undefined ? 0 : +m[5], m[6] === undefined ? 0 : +m[6]);
}

/**
 * 风闻 prints relative dates: "刚刚", "5分钟前", "3小时前", "2天前", "昨天 12:00", "前天 08:30",
 * "09-07 12:00" (this year, or last year if that would be in the future), or a full date.
 * Resolved against `now` in UTC+8.
 */
export function parseRelativeDate(raw: string | null | undefined, now: Date): string | null {
  if (!raw) return null;
  const s = cleanText(raw);
  const nowMs = now.getTime();
  if (/^刚刚/.test(s)) return instantToCst(nowMs);
  const ago = /^(\d+)\s*(秒|分钟|小时|天)前/.exec(s);
  if (ago) {
    const unit = { 秒: 1_000, 分钟: 60_000, 小时: 3_600_000, 天: 86_400_000 }[ago[2] as '秒' | '分钟' | '小时' | '天'];
    return instantToCst(nowMs - Number(ago[1]) * unit);
  }
  const local = new Date(nowMs + 8 * 3600_000);
  const day = /^(今天|昨天|前天)\s*(\d{1,2})[:：](\d{2})/.exec(s);
  if (day) {
    const back = day[1] === '今天' ? 0 : day[1] === '昨天' ? 1 : 2;
    const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - back));
    return isoCst(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), +day[2]!, +day[3]!);
  }
  const md = /^(\d{1,2})[-/月](\d{1,2})日?\s+(\d{1,2})[:：](\d{2})/.exec(s);
  if (md) {
    let y = local.getUTCFullYear();
    const candidate = Date.UTC(y, +md[1]! - 1, +md[2]!, +md[3]!, +md[4]!);
    if (candidate > local.getTime() + 60_000) y -= 1;
    return isoCst(y, +md[1]!, +md[2]!, +md[3]!, +md[4]!);
  }
  return parseSiteDate(s);
}

/** RFC 4648 base32 without validation beyond the alphabet; padding ignored. */
function decodeBase32(s: string): string | null {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const ch of s.replace(/=+$/, '').toUpperCase()) {
    const v = alphabet.indexOf(ch);
    if (v < 0) return null;
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out += String.fromCharCode((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return out;
}

/**
 * zaobao 2022–23 shuffles its paragraphs and labels each with `data-s`: three junk characters,
 * then the base32 of the paragraph's position ("jB2GEZA====" → "12").
 */
export function decodeDataS(value: string): number | null {
  const decoded = decodeBase32(value.slice(3));
  if (decoded === null || !/^\d+$/.test(decoded)) return null;
  return Number(decoded);
}

/** Names listed as "A、B", "A B", "A，B", "A/B". */
export function splitNames(s: string): string[] {
  return cleanText(s)
    .split(/[、，,;；/\s]+/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0 && x.length <= 40);
}

/** Drops a label such as "来源：", "责任编辑:", "作者：" and the brackets some sites wrap around it. */
export function afterLabel(s: string, label: RegExp): string | null {
  const t = cleanText(s).replace(/^[【[]|[】\]]$/g, '');
  const m = label.exec(t);
  if (!m) return null;
  const v = t
    .slice(m.index + m[0].length)
    .replace(/^[\s:：]+/, '')
    .replace(/[】\]]$/, '')
    .trim();
  return v || null;
}

export function unique(xs: readonly string[]): string[] {
  return [...new Set(xs.filter((x) => x.length > 0))];
}
