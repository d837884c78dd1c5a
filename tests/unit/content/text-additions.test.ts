import { describe, expect, it, vi } from 'vitest';
import type { PinyinLook } from '../../../src/core/settings.ts';
import { DEFAULT_SETTINGS, pinyinLook } from '../../../src/core/settings.ts';
import type { Annotator } from '../../../src/content/annotator.ts';

vi.mock('../../../src/content/pinyin-habit.ts', () => ({ notePinyinUsed: () => undefined }));
const { createTextAdditions } = await import('../../../src/content/text-additions.ts');

const STORED: PinyinLook = pinyinLook(DEFAULT_SETTINGS);
const POPUP: PinyinLook = { ...STORED, pinyinTone: 'number' };

/** A page of one body: the marks and the annotator write what they do to `log`, in order. */
function page(opts: { marking?: Promise<void>; failDraws?: number; noBody?: boolean } = {}) {
  const log: string[] = [];
  const body = { name: 'body' } as unknown as Element;
  let marked = 0;
  let failDraws = opts.failDraws ?? 0;
  let paused = false;
  const annotator: Annotator = {
    on: false,
    words: 0,
    corrected: 0,
    start(_root, look) {
      if (failDraws > 0) {
        failDraws--;
        throw new Error('draw failed');
      }
      log.push(`ruby on ${look.pinyinTone}${paused ? ' (marks paused)' : ''}`);
      (annotator as { on: boolean }).on = true;
      (annotator as { words: number }).words = 12;
      return { visible: Promise.resolve(), done: Promise.resolve(), refined: Promise.resolve() };
    },
    async prepare() {
      log.push('read ahead');
    },
    stop() {
      log.push(`ruby off${paused ? ' (marks paused)' : ''}`);
      (annotator as { on: boolean }).on = false;
    },
    readingAt: () => ({ syllables: ['zhōng', 'guó'], words: [[0, 2]] }),
  };
  const marks = {
    async setMarking(root: Element | null) {
      await opts.marking;
      marked = root ? 3 : 0;
      log.push(root ? 'marks on' : 'marks off');
      return marked;
    },
    async whileMarksPaused<T>(work: () => Promise<T>): Promise<T> {
      paused = true;
      try {
        return await work();
      } finally {
        paused = false;
      }
    },
    get marked() {
      return marked;
    },
  };
  const loads = { marks: 0, annotator: 0 };
  const additions = createTextAdditions({
    body: () => (opts.noBody ? null : body),
    marks: async () => {
      loads.marks++;
      return marks;
    },
    annotator: async () => {
      loads.annotator++;
      return annotator;
    },
    pinyinTarget: () => ({ root: body, also: [] }),
    storedLook: async () => STORED,
    knownLook: () => STORED,
  });
  return { additions, log, loads };
}

describe('what Jiedu adds to a text node (marks, then ruby)', () => {
  it('draws pinyin asked for while the terms are being marked only after the marks, over them', async () => {
    let release!: () => void;
    const { additions, log } = page({ marking: new Promise<void>((r) => (release = r)) });
    const terms = additions.setTerms(true);
    const pinyin = additions.setPinyin(true);
    await new Promise((r) => setTimeout(r, 10));
    expect(log).toEqual([]);
    release();
    expect(await terms).toEqual({ on: true, count: 3 });
    expect(await pinyin).toEqual({ on: true, words: 12, scope: 'article' });
    expect(log).toEqual(['marks on', 'ruby on mark (marks paused)']);
  });

  it('marks under pinyin that is on: takes the ruby off, marks, and draws it back in the look it was drawn in', async () => {
    const { additions, log } = page();
    await additions.setPinyin(true, POPUP);
    await additions.setTerms(true);
    expect(log).toEqual(['ruby on number', 'ruby off', 'marks on', 'ruby on number (marks paused)']);
    expect(additions.termsOn).toBe(true);
    expect(additions.pinyinOn).toBe(true);
  });

  it('pauses the marks while ruby comes off, and not when no term is marked', async () => {
    const { additions, log } = page();
    await additions.setTerms(true);
    await additions.setPinyin(true);
    await additions.setPinyin(false);
    await additions.setTerms(false);
    await additions.setPinyin(true);
    expect(log).toEqual(['marks on', 'ruby on mark (marks paused)', 'ruby off (marks paused)', 'marks off', 'ruby on mark']);
  });

  it('draws once for the same look asked twice (the popup and the storage change), and again after a failed draw', async () => {
    const { additions, log } = page({ failDraws: 1 });
    await expect(additions.redrawPinyin(POPUP)).rejects.toThrow('draw failed');
    const [a, b] = await Promise.all([additions.redrawPinyin(POPUP), additions.redrawPinyin(POPUP)]);
    expect(a).toBe(b);
    expect(log).toEqual(['ruby on number']);
  });

  it('decides a toggle once the changes asked before it are made, and counts the marks after them', async () => {
    const { additions, log } = page();
    void additions.setPinyin(true, POPUP);
    void additions.setTerms(true);
    expect(await additions.togglePinyin()).toMatchObject({ on: false });
    expect(await additions.termsState()).toEqual({ on: true, count: 3 });
    expect(log).toEqual(['ruby on number', 'ruby off', 'marks on', 'ruby on number (marks paused)', 'ruby off (marks paused)']);
  });

  it('marks nothing while the article has no body in the page, and does not load the marks for it', async () => {
    const { additions, loads, log } = page({ noBody: true });
    expect(await additions.setTerms(true)).toEqual({ on: false, count: 0 });
    expect(await additions.termsState()).toEqual({ on: false, count: 0 });
    expect(loads.marks).toBe(0);
    expect(log).toEqual([]);
  });

  it('takes marks off, reads ahead, and loads the marks and the annotator once each', async () => {
    const { additions, loads, log } = page();
    expect(await additions.setTerms(false)).toEqual({ on: false, count: 0 });
    await additions.preparePinyin(STORED);
    await additions.setPinyin(true);
    expect(additions.preparePinyin(STORED)).toBeNull();
    await additions.setTerms(true);
    additions.letGo();
    expect(additions.pinyinOn).toBe(false);
    expect(loads).toEqual({ marks: 1, annotator: 1 });
    expect(log).toEqual(['marks off', 'read ahead', 'ruby on mark', 'ruby off', 'marks on', 'ruby on mark (marks paused)', 'ruby off']);
  });

  it('gives a look-up the reading the ruby shows only while pinyin is on', async () => {
    const { additions } = page();
    const at = [{} as Text, 0, { sentence: '中国', at: 0 }] as unknown as Parameters<typeof additions.shownReading>;
    expect(additions.shownReading(...at)).toBeNull();
    await additions.setPinyin(true);
    expect(additions.shownReading(...at)).not.toBeNull();
    await additions.pinyinRefined();
    await additions.setPinyin(false);
    expect(additions.shownReading(...at)).toBeNull();
  });
});
