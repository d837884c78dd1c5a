import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'jiedu@example' } } }));
const { startSession } = await import('../../../src/content/session.ts');

/** The window and the document as the session listens to them. */
const win = new EventTarget();
const doc = new EventTarget();
const g = globalThis as unknown as Record<string, unknown>;
g.addEventListener = win.addEventListener.bind(win);
g.removeEventListener = win.removeEventListener.bind(win);
g.document = doc;

afterEach(() => vi.restoreAllMocks());

describe('the content script session', () => {
  it('lives while the extension is there, and ends at the next action once it is gone, once', () => {
    let gone = false;
    const probe = vi.fn(() => gone);
    const session = startSession(probe);
    const ended = vi.fn();
    session.onEnd(ended);
    win.dispatchEvent(new Event('click'));
    win.dispatchEvent(new Event('keydown'));
    expect(probe).toHaveBeenCalledTimes(2);
    expect(session.signal.aborted).toBe(false);

    gone = true;
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(session.signal.aborted).toBe(true);
    expect(ended).toHaveBeenCalledTimes(1);
    // Its own listeners went with it: no more checks.
    win.dispatchEvent(new Event('click'));
    expect(probe).toHaveBeenCalledTimes(3);
    expect(ended).toHaveBeenCalledTimes(1);
    const late = vi.fn();
    session.onEnd(late);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('asks the extension itself by default: its runtime id', async () => {
    const browser = (await import('webextension-polyfill')).default as unknown as { runtime: { id?: string } };
    const session = startSession();
    expect(session.check()).toBe(false);
    browser.runtime.id = undefined;
    expect(session.check()).toBe(true);
  });
});
