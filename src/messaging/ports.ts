/** Typed senders over the message map, for content scripts, the popup and pages. */
import browser, { type Runtime } from 'webextension-polyfill';
import { isErrorKind, KindedError } from '../core/errors.ts';
import { BACKGROUND_PORT, envelope, TAB_PORT, type BackgroundMessages, type ContentMessages, type Params, type Reply, type Result } from './protocol.ts';

/** A request that failed in the context that answered it, or got no answer; `kind` says how (see core/errors.ts). */
class MessageError extends KindedError {}

function unwrap<R>(reply: unknown, name: string): R {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    throw new MessageError('unavailable', `no answer to ${name}`);
  }
  const r = reply as Reply<R>;
  if (!r.ok) throw new MessageError(isErrorKind(r.kind) ? r.kind : 'internal', r.error);
  return r.result;
}

interface PortRequest {
  id: number;
  message: unknown;
}
interface PortReply {
  id: number;
  reply: unknown;
}

/**
 * Requests and answers over one port. An extension page asks this way rather than with
 * sendMessage: when the page closes with a request still out (the reader switches
 * pinyin and clicks away), its port simply closes, where Firefox reports every message
 * promise the closed page leaves unanswered as an error ("Actor 'Conduits' destroyed
 * before query … was resolved"). A port that closes before answering answers undefined.
 */
class PortChannel {
  private port: Runtime.Port | null = null;
  private readonly pending = new Map<number, (reply: unknown) => void>();
  private next = 1;
  constructor(private readonly connect: () => Runtime.Port) {}

  private open(): Runtime.Port {
    if (this.port) return this.port;
    const port = this.connect();
    this.port = port;
    port.onMessage.addListener((raw: unknown) => {
      const { id, reply } = raw as PortReply;
      this.pending.get(id)?.(reply);
      this.pending.delete(id);
    });
    port.onDisconnect.addListener(() => {
      // Read, so that Chrome does not report "Unchecked runtime.lastError" when nothing listens at the other end.
      void (globalThis as { chrome?: { runtime?: { lastError?: unknown } } }).chrome?.runtime?.lastError;
      if (this.port === port) this.port = null;
      for (const done of this.pending.values()) done(undefined);
      this.pending.clear();
    });
    return port;
  }

  request(message: unknown): Promise<unknown> {
    return new Promise((resolve) => {
      const id = this.next++;
      this.pending.set(id, resolve);
      try {
        this.open().postMessage({ id, message } satisfies PortRequest);
      } catch {
        this.port = null;
        this.pending.delete(id);
        resolve(undefined);
      }
    });
  }
}

const tabChannels = new Map<number, PortChannel>();
let backgroundChannel: PortChannel | null = null;

/**
 * Asks the background over a port, from the extension's pages and from content scripts
 * alike: a page that closes (or a tab that is closed) with a request out just drops its port.
 */
export async function sendToBackground<N extends keyof BackgroundMessages>(name: N, params: Params<N>): Promise<Result<N>> {
  backgroundChannel ??= new PortChannel(() => browser.runtime.connect({ name: BACKGROUND_PORT }));
  const channel = backgroundChannel;
  // A stopped service worker closes the port; the next port starts it again.
  let reply = await channel.request(envelope(name, params));
  for (let attempt = 1; attempt < 3 && reply === undefined; attempt++) {
    await new Promise((r) => setTimeout(r, 150 * attempt));
    reply = await channel.request(envelope(name, params));
  }
  return unwrap<Result<N>>(reply, name);
}

/** Asks a tab's content script (from an extension page). A tab without one closes the port at once: "no answer" (MessageError). */
export async function sendToTab<N extends keyof ContentMessages>(tabId: number, name: N, params: Params<N>): Promise<Result<N>> {
  let channel = tabChannels.get(tabId);
  if (!channel) {
    channel = new PortChannel(() => browser.tabs.connect(tabId, { name: TAB_PORT }));
    tabChannels.set(tabId, channel);
  }
  return unwrap<Result<N>>(await channel.request(envelope(name, params)), name);
}

/**
 * The answering side of the ports: each request on a port named `name` is answered by
 * `answer` (given the port's sender), when it is ready.
 */
export function answerOnPort(name: string, answer: (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined): void {
  browser.runtime.onConnect.addListener((port: Runtime.Port) => {
    if (port.name !== name) return;
    port.onMessage.addListener((raw: unknown) => {
      const { id, message } = raw as PortRequest;
      void (answer(message, port.sender ?? {}) ?? Promise.resolve(undefined)).then((reply) => {
        try {
          port.postMessage({ id, reply } satisfies PortReply);
        } catch {
          // The page that asked has closed: nobody waits for the answer.
        }
      });
    });
  });
}
