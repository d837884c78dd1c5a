/**
 * The one message map between the extension's contexts. Each name maps to its
 * params and result; the background registers a handler per name in one table.
 * Params are validated at runtime before a handler sees them (a content script
 * runs beside page code and its messages are untrusted), and a failure comes
 * back as `{ ok: false, error }` — never silence, never a hang.
 */
import * as v from 'valibot';
import type { ArticleRecord, SiteId, StoredArticle } from './article.ts';
import { ArticleRecordSchema } from './article-schema.ts';
import { SITES } from './article.ts';
import { SettingsPatchSchema, type Settings, type SettingsPatch } from './settings.ts';

export type SaveStatus = 'added' | 'updated' | 'unchanged';

export interface SaveResult {
  status: SaveStatus;
  id: number;
  firstSavedAt: string;
  libraryCount: number;
}

export interface LibraryStats {
  articles: number;
  vocabulary: number;
}

/** What the content script knows about its page; the popup asks the tab for it. */
export type PageState =
  | { kind: 'not-article'; url: string; reason: string }
  | { kind: 'pending'; url: string; site: SiteId }
  | { kind: 'unreadable'; url: string; site: SiteId | null; message: string }
  | { kind: 'detected'; url: string; article: Pick<ArticleRecord, 'url' | 'site' | 'title' | 'publishedAt' | 'layout' | 'charCount' | 'partial'>; notices: string[]; save: { status: SaveStatus | 'not-saved'; firstSavedAt: string | null } }
  | { kind: 'error'; url: string; message: string };

/** Messages handled by the background. */
export interface BackgroundMessages {
  'article/save': { params: { article: ArticleRecord; trigger: 'auto' | 'manual' }; result: SaveResult };
  'article/get': { params: { url: string }; result: StoredArticle | null };
  'article/list': { params: { limit: number; offset: number }; result: StoredArticle[] };
  'article/delete': { params: { url: string }; result: { deleted: boolean } };
  'library/stats': { params: Record<string, never>; result: LibraryStats };
  'settings/get': { params: Record<string, never>; result: Settings };
  'settings/set': { params: SettingsPatch; result: Settings };
}

/** Messages handled by a content script (sent to a tab). */
export interface ContentMessages {
  'page/state': { params: Record<string, never>; result: PageState };
  'page/save': { params: Record<string, never>; result: PageState };
  'pinyin/toggle': { params: Record<string, never>; result: { on: boolean } };
}

export type MessageMap = BackgroundMessages & ContentMessages;
export type MessageName = keyof MessageMap;
export type Params<N extends MessageName> = MessageMap[N]['params'];
export type Result<N extends MessageName> = MessageMap[N]['result'];

export interface Envelope<N extends MessageName = MessageName> {
  jiedu: 1;
  name: N;
  params: Params<N>;
}

export type Reply<R> = { ok: true; result: R } | { ok: false; error: string };

const empty = v.strictObject({});

/** Runtime schemas for every message's params. */
export const PARAM_SCHEMAS: { [N in MessageName]: v.GenericSchema<unknown, Params<N>> } = {
  'article/save': v.strictObject({ article: ArticleRecordSchema, trigger: v.picklist(['auto', 'manual']) }),
  'article/get': v.strictObject({ url: v.pipe(v.string(), v.maxLength(4096)) }),
  'article/list': v.strictObject({
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
    offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  'article/delete': v.strictObject({ url: v.pipe(v.string(), v.maxLength(4096)) }),
  'library/stats': empty,
  'settings/get': empty,
  'settings/set': SettingsPatchSchema,
  'page/state': empty,
  'page/save': empty,
  'pinyin/toggle': empty,
};

/** Who may send a message to the background: content scripts only reach what they need. */
export const FROM_CONTENT_SCRIPT: ReadonlySet<MessageName> = new Set<MessageName>([
  'article/save',
  'article/get',
  'library/stats',
  'settings/get',
]);

export const MESSAGE_NAMES = Object.keys(PARAM_SCHEMAS) as MessageName[];

export function envelope<N extends MessageName>(name: N, params: Params<N>): Envelope<N> {
  return { jiedu: 1, name, params };
}

export type Parsed = { ok: true; name: MessageName; params: unknown } | { ok: false; error: string };

/** Checks the envelope and the params of a message; says what is wrong in one line. */
export function parseMessage(raw: unknown): Parsed {
  if (typeof raw !== 'object' || raw === null) return { ok: false, error: 'message is not an object' };
  const msg = raw as Record<string, unknown>;
  if (msg.jiedu !== 1) return { ok: false, error: 'not a Jiedu message' };
  const name = msg.name;
  if (typeof name !== 'string' || !(name in PARAM_SCHEMAS)) {
    return { ok: false, error: `unknown message ${JSON.stringify(String(name)).slice(0, 80)}` };
  }
  const schema = PARAM_SCHEMAS[name as MessageName];
  const result = v.safeParse(schema, msg.params);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue ? v.getDotPath(issue) : null;
    return { ok: false, error: `invalid ${name}: ${path ? `${path}: ` : ''}${issue?.message ?? 'bad params'}` };
  }
  return { ok: true, name: name as MessageName, params: result.output };
}

export { SITES };
