/**
 * Every message in the map has exactly one handler: the background's table (read here from the
 * real background, started against a stand-in extension API) or the content script's. And each
 * background handler's sender policy is what a web page may reach, no more.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { envelope, parseContentRequest, type ContentMessages, type MessageName } from '../../../src/messaging/protocol.ts';
import { PARAM_SCHEMAS } from '../../../src/messaging/schemas.ts';
import { DEFAULT_SETTINGS, pinyinLook } from '../../../src/core/settings.ts';

type Listener = (...args: unknown[]) => unknown;
const api = vi.hoisted(() => {
  const listeners = new Map<string, Listener[]>();
  const event = (name: string) => ({
    addListener: (f: Listener) => listeners.set(name, [...(listeners.get(name) ?? []), f]),
    removeListener: () => undefined,
    hasListener: () => false,
  });
  const area = () => {
    const items: Record<string, unknown> = {};
    return {
      get: async (keys?: string | string[] | null) =>
        keys == null
          ? { ...items }
          : Object.fromEntries(
              [keys]
                .flat()
                .filter((k) => k in items)
                .map((k) => [k, items[k]]),
            ),
      set: async (values: Record<string, unknown>) => void Object.assign(items, values),
      remove: async (keys: string | string[]) => [keys].flat().forEach((k) => delete items[k]),
    };
  };
  const browser = {
    runtime: {
      id: 'jiedu@test',
      // Node's URL gives chrome-extension: no origin, so the stand-in's pages are served from an https host.
      getURL: (path: string) => `https://jiedu.extension.test/${path.replace(/^\//, '')}`,
      getManifest: () => ({ optional_permissions: ['contextMenus'] }),
      onMessage: event('message'),
      onConnect: event('connect'),
      onInstalled: event('installed'),
    },
    storage: { local: area(), onChanged: event('storage') },
    commands: { onCommand: event('command') },
    permissions: { contains: async () => false, onAdded: event('permission-added'), onRemoved: event('permission-removed') },
    i18n: { getMessage: () => '' },
  };
  return { listeners, browser };
});
vi.mock('webextension-polyfill', () => ({ default: api.browser }));

const page = { id: 'jiedu@test', url: 'https://jiedu.extension.test/library.html' };
const MESSAGE_NAMES = Object.keys(PARAM_SCHEMAS) as MessageName[];
const webPage = { id: 'jiedu@test', url: 'https://www.guancha.cn/internation/2024_01_01_1.shtml', tab: { id: 3 } };
/** Params no message accepts: a handler that exists refuses them as invalid, after the sender's check. */
const probe = (name: MessageName) => ({ jiedu: 1, name, params: { '\u0000probe': 1 } });

let ask: (raw: unknown, sender: object) => Promise<{ ok: boolean; error?: string }>;
beforeAll(async () => {
  await import('../../../src/background/index.ts');
  const [answer] = api.listeners.get('message') ?? [];
  expect(answer).toBeTypeOf('function');
  ask = answer as typeof ask;
});

/** What the content script answers: a request of each of its messages, with params it accepts. */
const look = pinyinLook(DEFAULT_SETTINGS);
const CONTENT_SAMPLES: { [N in keyof ContentMessages]: ContentMessages[N]['params'] } = {
  'page/state': {},
  'page/save': {},
  'pinyin/toggle': {},
  'pinyin/set': { on: true, look },
  'pinyin/state': {},
  'pinyin/prepare': { look },
  'terms/set': { on: false },
  'terms/state': {},
  'page/selection': {},
};

/** What a content script may ask of the background; anything added here widens what a web page can reach. */
const OPEN_TO_CONTENT = ['anki/add', 'article/get', 'article/save', 'dict/lookup', 'dict/prepare', 'glossary/entry', 'library/stats', 'pinyin/context', 'vocab/save'];

describe('every message has one handler', () => {
  it('is answered by the background or by the content script, never both, never neither', async () => {
    const inBackground: string[] = [];
    const inContent: string[] = [];
    for (const name of MESSAGE_NAMES) {
      const reply = await ask(probe(name), page);
      expect(reply.ok, name).toBe(false);
      if (reply.error === `${name} is not handled by the background`) inContent.push(name);
      else {
        expect(reply.error, name).toMatch(new RegExp(`^invalid ${name}: `));
        inBackground.push(name);
      }
    }
    expect(inContent.sort()).toEqual(Object.keys(CONTENT_SAMPLES).sort());
    for (const name of inContent) {
      const request = parseContentRequest(envelope(name as keyof ContentMessages, CONTENT_SAMPLES[name as keyof ContentMessages]));
      expect(request?.name, name).toBe(name);
    }
    for (const name of inBackground) expect(parseContentRequest({ jiedu: 1, name, params: {} }), name).toBeNull();
    expect(inBackground.length).toBeGreaterThan(30);
  });

  it('lets a content script reach only the handlers open to it', async () => {
    const open: string[] = [];
    for (const name of MESSAGE_NAMES) {
      const reply = await ask(probe(name), webPage);
      if (reply.error === `${name} may not be sent from a web page`) continue;
      if (reply.error === `${name} is not handled by the background`) continue;
      expect(reply.error, name).toMatch(new RegExp(`^invalid ${name}: `));
      open.push(name);
    }
    expect(open.sort()).toEqual(OPEN_TO_CONTENT);
  });
});
