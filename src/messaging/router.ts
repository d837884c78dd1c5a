/**
 * Dispatches messages to the handler table. Validates every message, refuses
 * content scripts what only extension pages may ask, and always answers:
 * a thrown error becomes `{ ok: false, error, kind }`.
 */
import { FROM_CONTENT_SCRIPT, parseMessage } from './schemas.ts';
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

export type Handlers = {
  [N in keyof BackgroundMessages]: (params: Params<N>, sender: SenderInfo) => Promise<Result<N>>;
};

export function createRouter(handlers: Handlers) {
  return async function route(raw: unknown, sender: SenderInfo): Promise<Reply<unknown>> {
    const parsed = parseMessage(raw);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const name = parsed.name;
    if (!Object.hasOwn(handlers, name)) return { ok: false, error: `${name} is not handled by the background` };
    if (!sender.fromExtensionPage && !FROM_CONTENT_SCRIPT.has(name)) {
      return { ok: false, error: `${name} may not be sent from a web page` };
    }
    try {
      const handler = handlers[name as keyof Handlers] as (p: unknown, s: SenderInfo) => Promise<unknown>;
      return { ok: true, result: await handler(parsed.params, sender) };
    } catch (err) {
      return failure(err);
    }
  };
}
