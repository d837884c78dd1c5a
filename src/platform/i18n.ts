import browser from 'webextension-polyfill';
import type { SiteId } from '../core/article.ts';
import { errorKind, errorMessage } from '../core/errors.ts';

/** The extension's strings (assets/_locales); the key is shown if a string is missing so gaps are visible. */
export function t(key: string, ...substitutions: (string | number)[]): string {
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}

const SITE_KEYS: Record<SiteId, string> = { guancha: 'siteGuancha', xinhua: 'siteXinhua', zaobao: 'siteZaobao', other: 'siteOther' };

export function siteName(site: SiteId): string {
  return t(SITE_KEYS[site]);
}

/** A glossary category's name in the reader's language (its id, such as belt-and-road, is for code only). */
export function glossaryCategoryName(category: string): string {
  return t(`glCategory_${category.replace(/-/g, '_')}`);
}

/** Dates are shown in the sites' own time (UTC+8), as the articles state them. */
export function formatDate(iso: string | null): string {
  if (!iso) return t('noDate');
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (m && iso.endsWith('+08:00')) return `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}`;
  // Times Jiedu itself records (when saved) are UTC: show them in the reader's own zone, in the same form.
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/**
 * A failure as the reader should read it: in their language where its kind is known
 * (a full quota, a bad backup, no answer), else the error's own message.
 */
export function errorText(err: unknown): string {
  const kind = errorKind(err);
  const message = errorMessage(err);
  if (kind === 'internal') return message;
  const detail = kind === 'backup-invalid' ? message.replace(/^the backup has a bad record: /, '') : '';
  const key = `error_${kind.replace('-', '_')}`;
  const text = t(key, detail);
  return text === key ? message : text;
}
