/**
 * Dispatches messages to the handler table. Each handler says who may ask for it; the
 * router refuses content scripts what only extension pages may ask, validates every
 * message before its handler sees it, and always answers: a thrown error becomes
 * `{ ok: false, error, kind }`.
 */
import { parseEnvelope, parseParams } from './schemas.ts';
import type { BackgroundMessages, Params, Reply, Result } from './protocol.ts';
import { failure } from '../core/errors.ts';

export interface SenderInfo {
  /** The tab a content script runs in; absent for extension pages. */
  tabId: number | null;
  /** URL of the sending document. */
  url: string | null;
  /** True when the sender is one of the extension's own pages. */
  fromExtensionPage: boolean;
}

/**
 * Who may ask: `content`, content scripts (which run beside a web page's own code, so
 * they reach only what they need) as well as the extension's pages; `pages`, the
 * extension's own pages alone.
 */
type SenderPolicy = 'content' | 'pages';

export interface Handler<P, R> {
  from: SenderPolicy;
  handle: (params: P, sender: SenderInfo) => Promise<R>;
}

export type Handlers = {
  [N in keyof BackgroundMessages]: Handler<Params<N>, Result<N>>;
};

/** A handler content scripts may reach, as well as the extension's pages. */
export function fromContent<P, R>(handle: (params: P, sender: SenderInfo) => Promise<R>): Handler<P, R> {
  return { from: 'content', handle };
}

/** A handler only the extension's own pages may reach. */
export function fromPages<P, R>(handle: (params: P, sender: SenderInfo) => Promise<R>): Handler<P, R> {
  return { from: 'pages', handle };
}

export function createRouter(handlers: Handlers) {
  return async function route(raw: unknown, sender: SenderInfo): Promise<Reply<unknown>> {
    const envelope = parseEnvelope(raw);
    if (!envelope.ok) return { ok: false, error: envelope.error };
    const name = envelope.name;
    if (!Object.hasOwn(handlers, name)) return { ok: false, error: `${name} is not handled by the background` };
    const handler = handlers[name as keyof Handlers] as Handler<unknown, unknown>;
    // Refused before its params are read: a web page learns nothing of what it may not ask.
    if (!sender.fromExtensionPage && handler.from !== 'content') {
      return { ok: false, error: `${name} may not be sent from a web page` };
    }
    const parsed = parseParams(name, envelope.params);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    try {
      return { ok: true, result: await handler.handle(parsed.params, sender) };
    } catch (err) {
      return failure(err);
    }
  };
}
