/** Typed senders over the message map, for content scripts, the popup and pages. */
import browser, { type Runtime } from 'webextension-polyfill';
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

/** The port the content script answers the popup's requests on (see answerOnPort). */
export const TAB_PORT = 'jiedu-tab';

interface PortRequest { id: number; message: unknown }
interface PortReply { id: number; reply: unknown }
interface Channel { port: Runtime.Port; pending: Map<number, (reply: unknown) => void> }

const channels = new Map<number, Channel>();
let nextRequest = 1;

function channelTo(tabId: number): Channel {
  const open = channels.get(tabId);
  if (open) return open;
  const port = browser.tabs.connect(tabId, { name: TAB_PORT });
  const channel: Channel = { port, pending: new Map() };
  channels.set(tabId, channel);
  port.onMessage.addListener((raw: unknown) => {
    const { id, reply } = raw as PortReply;
    channel.pending.get(id)?.(reply);
    channel.pending.delete(id);
  });
  port.onDisconnect.addListener(() => {
    // Read, so that Chrome does not report "Unchecked runtime.lastError" for a tab without a content script.
    void (globalThis as { chrome?: { runtime?: { lastError?: unknown } } }).chrome?.runtime?.lastError;
    channels.delete(tabId);
    for (const done of channel.pending.values()) done(undefined);
    channel.pending.clear();
  });
  return channel;
}

/**
 * Asks a tab's content script over a port rather than with tabs.sendMessage: when the
 * popup closes with a request still out (the reader switches pinyin and clicks away),
 * its port simply closes, where Firefox reports every message promise the closed page
 * leaves unanswered as an error ("Actor 'Conduits' destroyed before query … was resolved").
 * A tab without a content script closes the port at once: "no answer" (MessageError).
 */
export async function sendToTab<N extends keyof ContentMessages>(tabId: number, name: N, params: Params<N>): Promise<Result<N>> {
  const channel = channelTo(tabId);
  const id = nextRequest++;
  const reply = await new Promise<unknown>((resolve) => {
    channel.pending.set(id, resolve);
    try {
      channel.port.postMessage({ id, message: envelope(name, params) } satisfies PortRequest);
    } catch {
      channels.delete(tabId);
      channel.pending.delete(id);
      resolve(undefined);
    }
  });
  return unwrap<Result<N>>(reply, name);
}

/** The content script's side of sendToTab: each request on the port is answered by `answer`, when it is ready. */
export function answerOnPort(answer: (message: unknown) => Promise<unknown> | undefined): void {
  browser.runtime.onConnect.addListener((port: Runtime.Port) => {
    if (port.name !== TAB_PORT) return;
    port.onMessage.addListener((raw: unknown) => {
      const { id, message } = raw as PortRequest;
      void (answer(message) ?? Promise.resolve(undefined)).then((reply) => {
        try {
          port.postMessage({ id, reply } satisfies PortReply);
        } catch {
          // The popup that asked has closed: nobody waits for the answer.
        }
      });
    });
  });
}
