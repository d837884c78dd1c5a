/**
 * The glossary's pinyin against the annotator in src/core/pinyin: same
 * syllables and tone marks, word spacing and capitals ignored. Both are meant
 * to give dictionary forms, so any difference is a bug in one of them unless
 * it is listed, with a reason, in ANNOTATE_EXCEPTIONS.
 */
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { alignPinyin } from '../../../../src/core/glossary/pinyin-form.ts';
import { annotate } from '../../../../src/core/pinyin/index.ts';
import { ANNOTATE_EXCEPTIONS, PINYIN_PRO_EXCEPTIONS } from './exceptions.ts';
import { loadEntries } from './fixtures.ts';

const entries = loadEntries();

describe('glossary pinyin agrees with annotate()', () => {
  it.each(entries.map((e) => [e.simplified, e] as const))('%s', (_name, e) => {
    const extra = (char: string): string[] => PINYIN_PRO_EXCEPTIONS.filter((x) => x.term === e.simplified && x.char === char).map((x) => x.reading);
    const aligned = alignPinyin(e.simplified, e.pinyin, (c) => [...pinyin(c, { multiple: true, type: 'array' }), ...extra(c)]);
    expect(aligned).not.toBeNull();
    const ours = (aligned?.syllables ?? []).map((s) => s.toLowerCase());
    const theirs = annotate(e.simplified).flatMap((seg) => (seg.pinyin ? seg.pinyin.split(' ') : []));
    const hans = Array.from(e.simplified).filter((ch) => /\p{Script=Han}/u.test(ch));
    const allowed = ANNOTATE_EXCEPTIONS.filter((x) => x.term === e.simplified);
    hans.forEach((ch, i) => {
      if (ours[i] === theirs[i]) return;
      const ok = allowed.some((x) => x.char === ch && x.reading === ours[i]);
      expect(ok, `${ch}: glossary ${ours[i]}, annotate ${theirs[i]}`).toBe(true);
    });
    expect(theirs).toHaveLength(hans.length);
  });
});
