/**
 * URL rules: which pages are articles, which layout to try first, and the canonical URL
 * that keys the library. Regexes only — the content script runs this on every page load.
 */
import type { SiteId } from '../article.ts';

export type Language = 'zh-Hans' | 'en';

export type Detection = { kind: 'article'; site: SiteId; layoutHint: string; canonicalUrl: string; language: Language } | { kind: 'none'; reason: string };

// Hosts are anchored between "//" and the first "/", ":" "?" or "#", so look-alikes such as
// zaochenbao.com, zaobao.com.evil.example or userinfo tricks (zaobao.com@evil.example) never match.
const GUANCHA_WWW = /^https?:\/\/(?:www\.)?guancha\.cn(?::\d+)?\/([A-Za-z0-9_-]+)\/(\d{4}_\d{2}_\d{2}_\d+)(?:_\d+|_s)?\.shtml(?:[?#]|$)/i;
const GUANCHA_M = /^https?:\/\/m\.guancha\.cn(?::\d+)?\/([A-Za-z0-9_-]+)\/(\d{4}_\d{2}_\d{2}_\d+)(?:_\d+|_s)?(?:\.shtml)?(?:[?#/]|$)/i;
const GUANCHA_USER = /^https?:\/\/user\.guancha\.cn(?::\d+)?\/(?:main|wap)\/content\?(?:[^#]*&)?id=(\d+)(?:[&#]|$)/i;
const XINHUA_OLD = /^https?:\/\/((?:[a-z0-9-]+\.)*)(news\.cn|xinhuanet\.com)(?::\d+)?\/((?:[a-z0-9_]+\/)*)(\d{4}-\d{2}\/\d{2}\/c_\d+)(?:_\d+)?\.htm(?:[?#]|$)/i;
const XINHUA_NEW = /^https?:\/\/((?:[a-z0-9-]+\.)*)(news\.cn|xinhuanet\.com)(?::\d+)?\/((?:[a-z0-9_]+\/)*)(\d{8}\/[0-9a-f]{32})\/c\.html?(?:[?#]|$)/i;
// The 2000s–2010s address of every Xinhua site, national and provincial (news.xinhuanet.com/world/2005-03/05/content_2656183.htm,
// www.he.xinhuanet.com/news/2012-06/04/content_25340717.htm): old articles are still read and linked.
const XINHUA_CONTENT = /^https?:\/\/((?:[a-z0-9-]+\.)*)(news\.cn|xinhuanet\.com)(?::\d+)?\/((?:[a-z0-9_]+\/)*)(\d{4}-\d{2}\/\d{2}\/content_\d+)(?:_\d+)?\.html?(?:[?#]|$)/i;
// The Xinhua app's web page of an article: app.xinhuanet.com/news/article.html?articleId=<hex id>, in 2022 at
// my-h5news.app.xinhuanet.com (kept under its own host: no page here shows the two hosts serve the same ids).
const XINHUA_APP = /^https?:\/\/((?:[a-z0-9-]+\.)?app\.(?:xinhuanet\.com|news\.cn))(?::\d+)?\/news\/article\.html\?(?:[^#]*&)?articleId=([0-9a-f]{16,64})(?:[&#]|$)/i;
const ZAOBAO = /^https?:\/\/(?:www\.)?(zaobao\.com(?:\.sg)?)(?::\d+)?((?:\/[a-z0-9-]+)+)\/story(\d{8})-(\d+)(?:[/?#]|$)/i;

const SITE_HOSTS: Array<[RegExp, SiteId]> = [
  [/^https?:\/\/(?:[a-z0-9-]+\.)*guancha\.cn(?:[:/?#]|$)/i, 'guancha'],
  [/^https?:\/\/(?:[a-z0-9-]+\.)*(?:news\.cn|xinhuanet\.com)(?:[:/?#]|$)/i, 'xinhua'],
  [/^https?:\/\/(?:www\.)?zaobao\.com(?:\.sg)?(?:[:/?#]|$)/i, 'zaobao'],
];

/** Which of the three sites a URL belongs to, whether or not it is an article. */
export function siteOfUrl(url: string): SiteId | null {
  for (const [re, site] of SITE_HOSTS) if (re.test(url)) return site;
  return null;
}

/**
 * Any other address of the three sites that is shaped like an article: a date in the path
 * (2024-05/15, 20240515, 2024_05_15) and a leaf that names one item (c.html, or digits ending in
 * .htm/.html/.shtml). Channel pages (index.htm, politics.htm) have neither. These go to the
 * generic reader instead of being refused.
 */
const DATED_PATH = /\/(?:(?:19|20)\d{2}-\d{2}\/\d{2}|(?:19|20)\d{6}|(?:19|20)\d{2}_\d{2}_\d{2})(?:[/_]|$)/;
const ITEM_LEAF = /\/(?:c\.html?|[a-z_-]*\d[\w-]*\d{4,}[\w-]*\.s?html?)$/i;

/** Folders whose pages are video or audio players, not text. */
const MEDIA_FOLDER = /^\/?(?:video|videos|vod|podcast|podcasts|live|tv|audio)(?:\/|$)/i;

export function detectFromUrl(rawUrl: string): Detection {
  if (typeof rawUrl !== 'string' || rawUrl.length > 4096) return { kind: 'none', reason: 'not a URL this reader knows' };
  // Links in the wild double a slash ("www.xinhuanet.com//health/2015-02/08/c_….htm"); the sites serve the article there all the same.
  const url = collapseSlashes(rawUrl);
  let m = GUANCHA_WWW.exec(url);
  if (m) {
    if (MEDIA_FOLDER.test(m[1]!)) return { kind: 'none', reason: 'guancha video page' };
    return article('guancha', 'guancha-www', `https://www.guancha.cn/${m[1]}/${m[2]}_s.shtml`);
  }
  m = GUANCHA_M.exec(url);
  if (m) {
    if (MEDIA_FOLDER.test(m[1]!)) return { kind: 'none', reason: 'guancha video page' };
    // The phone page shows the same article as www; one key keeps both visits together.
    return article('guancha', 'guancha-m', `https://www.guancha.cn/${m[1]}/${m[2]}_s.shtml`);
  }
  m = GUANCHA_USER.exec(url);
  if (m) return article('guancha', 'guancha-user', `https://user.guancha.cn/main/content?id=${m[1]}`);

  if (/^https?:\/\/big5\.(?:news\.cn|xinhuanet\.com)\//i.test(url)) {
    return { kind: 'none', reason: 'Xinhua traditional-character gateway: open the simplified page instead' };
  }
  m = XINHUA_NEW.exec(url);
  if (m) {
    if (MEDIA_FOLDER.test(m[3]!)) return { kind: 'none', reason: 'Xinhua video page' };
    const host = xinhuaHost(m[1]!, m[2]!);
    const english = /^english\./i.test(host);
    return article('xinhua', english ? 'xinhua-english' : 'xinhua-2021', `https://${host}/${m[3]!.toLowerCase()}${m[4]!.toLowerCase()}/c.html`, english ? 'en' : 'zh-Hans');
  }
  m = XINHUA_OLD.exec(url);
  if (m) {
    if (MEDIA_FOLDER.test(m[3]!)) return { kind: 'none', reason: 'Xinhua video page' };
    const host = xinhuaHost(m[1]!, m[2]!);
    const english = /^english\./i.test(host);
    // "_2.htm" is page 2 of the same article: the key is page 1's address.
    return article('xinhua', english ? 'xinhua-english' : 'xinhua-2019', `https://${host}/${m[3]!.toLowerCase()}${m[4]}.htm`, english ? 'en' : 'zh-Hans');
  }
  m = XINHUA_CONTENT.exec(url);
  if (m) {
    if (MEDIA_FOLDER.test(m[3]!)) return { kind: 'none', reason: 'Xinhua video page' };
    const host = xinhuaHost(m[1]!, m[2]!);
    const english = /^english\./i.test(host);
    return article('xinhua', 'xinhua-content', `https://${host}/${m[3]!.toLowerCase()}${m[4]}.htm`, english ? 'en' : 'zh-Hans');
  }
  m = XINHUA_APP.exec(url);
  if (m) {
    const host = /^app\./i.test(m[1]!) ? 'app.xinhuanet.com' : m[1]!.toLowerCase();
    return article('xinhua', 'xinhua-app', `https://${host}/news/article.html?articleId=${m[2]!.toLowerCase()}`);
  }
  m = ZAOBAO.exec(url);
  if (m) {
    if (MEDIA_FOLDER.test(m[2]!)) return { kind: 'none', reason: 'zaobao video page' };
    const sg = m[1]!.toLowerCase().endsWith('.sg');
    return article('zaobao', sg ? 'zaobao-sg' : 'zaobao-com', `https://www.${m[1]!.toLowerCase()}${m[2]!.toLowerCase()}/story${m[3]}-${m[4]}`);
  }
  const site = siteOfUrl(url);
  if (site) {
    const shaped = articleShaped(url);
    if (shaped) return article(site, 'generic', shaped);
  }
  return { kind: 'none', reason: site ? `not an article page of ${site}` : 'not a site this reader knows' };
}

/** Runs of slashes in the path (not in "https://") made one; query and fragment untouched. */
function collapseSlashes(url: string): string {
  const m = /^(https?:\/\/[^/?#]+)([^?#]*)(.*)$/i.exec(url);
  return m ? `${m[1]}${m[2]!.replace(/\/{2,}/g, '/')}${m[3]}` : url;
}

/** The canonical address of an article-shaped URL no pattern above knows (scheme https, no query or fragment), or null. */
function articleShaped(url: string): string | null {
  const m = /^https?:\/\/([^/?#]+)(\/[^?#]*)/i.exec(url);
  if (!m) return null;
  const path = m[2]!;
  if (!DATED_PATH.test(path) || !ITEM_LEAF.test(path) || MEDIA_FOLDER.test(path.slice(1))) return null;
  return `https://${m[1]!.toLowerCase()}${path}`;
}

function xinhuaHost(sub: string, domain: string): string {
  const s = sub.toLowerCase();
  return `${s === '' ? 'www.' : s}${domain.toLowerCase()}`;
}

function article(site: SiteId, layoutHint: string, canonicalUrl: string, language: Language = 'zh-Hans'): Detection {
  return { kind: 'article', site, layoutHint, canonicalUrl, language };
}
