/** Typed senders over the message map, for content scripts, the popup and pages. */
import browser from 'webextension-polyfill';
import { envelope, type BackgroundMessages, type ContentMessages, type Params, type Reply, type Result } from '../core/messages.ts';

export class MessageError extends Error {}

function unwrap<R>(reply: unknown, name: string): R {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    throw new MessageError(`no answer to ${name}`);
  }
  const r = reply as Reply<R>;
  if (!r.ok) throw new MessageError(r.error);
  return r.result;
}

/** A stopped service worker is restarted by the next message; these errors mean "try again". */
function isTransient(err: unknown): boolean {
  const msg = err instanceof Error ? err.message : String(err);
  return /Receiving end does not exist|Could not establish connection|message port closed|context invalidated/i.test(msg);
}

export async function sendToBackground<N extends keyof BackgroundMessages>(name: N, params: Params<N>, tries = 3): Promise<Result<N>> {
  for (let attempt = 1; ; attempt++) {
    try {
      const reply: unknown = await browser.runtime.sendMessage(envelope(name, params));
      return unwrap<Result<N>>(reply, name);
    } catch (err) {
      if (attempt >= tries || !isTransient(err)) throw err;
      await new Promise((r) => setTimeout(r, 150 * attempt));
    }
  }
}

export async function sendToTab<N extends keyof ContentMessages>(tabId: number, name: N, params: Params<N>): Promise<Result<N>> {
  const reply: unknown = await browser.tabs.sendMessage(tabId, envelope(name, params));
  return unwrap<Result<N>>(reply, name);
}
