/** Typed senders over the message map, for content scripts, the popup and pages. */
import browser from 'webextension-polyfill';
import { retryTransient } from '../core/retry.ts';
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

export async function sendToBackground<N extends keyof BackgroundMessages>(name: N, params: Params<N>): Promise<Result<N>> {
  const reply: unknown = await retryTransient(() => browser.runtime.sendMessage(envelope(name, params)));
  return unwrap<Result<N>>(reply, name);
}

export async function sendToTab<N extends keyof ContentMessages>(tabId: number, name: N, params: Params<N>): Promise<Result<N>> {
  const reply: unknown = await browser.tabs.sendMessage(tabId, envelope(name, params));
  return unwrap<Result<N>>(reply, name);
}
