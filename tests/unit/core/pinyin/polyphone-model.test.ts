/**
 * The polyphone model's inference, against the readings g2pM's own Python code gives with
 * the released weights (tests/fixtures/polyphone-model-reference.json, see
 * tests/fixtures/cpp/README.md), and its handling of broken data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PolyphoneModel, PolyphoneModelError, type PolyphoneModelMeta } from '../../../../src/core/pinyin/polyphone-model.ts';
import { loadCliPolyphoneModel } from '../../../../src/cli/polyphone-model.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const reference = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/polyphone-model-reference.json'), 'utf8')) as { line: number; text: string; readings: Record<string, string> }[];
const model = loadCliPolyphoneModel();
const meta = JSON.parse(readFileSync(join(ROOT, 'assets/polyphone-model/model.json'), 'utf8')) as PolyphoneModelMeta;
const bin = readFileSync(join(ROOT, 'assets/polyphone-model/model.bin'));
const weights = (): ArrayBuffer => bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);

describe('polyphone model', () => {
  it('reads every polyphone of 30 CPP dev sentences as g2pM does (192 readings, at most 2 apart)', () => {
    let same = 0;
    let total = 0;
    const apart: string[] = [];
    for (const r of reference) {
      const chars = [...r.text];
      const targets = Object.keys(r.readings).map(Number);
      const got = model.predict(chars, targets);
      targets.forEach((t, k) => {
        const want = r.readings[String(t)] ?? '';
        total++;
        // g2pM picks among all 876 syllables; ours only among the character's own readings.
        if (got[k]?.reading === want || !model.readingsOf(chars[t] ?? '').includes(want)) same++;
        else apart.push(`${r.line}:${chars[t]} ${want} ${got[k]?.reading}`);
      });
    }
    expect(total).toBe(192);
    // The embedding is shipped as int8: a reading on a knife's edge may tip.
    expect(apart.length, apart.join(', ')).toBeLessThanOrEqual(2);
    expect(same).toBeGreaterThanOrEqual(190);
  });

  it('chooses only among the readings the character has', () => {
    const chars = [...'他在银行工作了十年，长大以后成为了一名教师。'];
    const targets = chars.map((_, i) => i);
    const got = model.predict(chars, targets);
    got.forEach((p, i) => {
      const ch = chars[i] ?? '';
      if (!model.covers(ch)) expect(p).toBeNull();
      else {
        expect(model.readingsOf(ch)).toContain(p?.reading);
        expect(p?.p).toBeGreaterThan(0);
        expect(p?.p).toBeLessThanOrEqual(1);
      }
    });
    expect(got[chars.indexOf('了')]?.reading).toBe('le5');
  });

  it('reads the same character differently by context', () => {
    const read = (s: string, ch: string) => model.predict([...s], [[...s].indexOf(ch)])[0]?.reading;
    expect(read('长江是中国最长的河流。', '长')).toBe('chang2');
    expect(read('他是我们的校长。', '长')).toBe('zhang3');
    expect(read('他在银行工作。', '行')).toBe('hang2');
    expect(read('会议将于明天举行。', '行')).toBe('xing2');
  });

  it('gives the same answer for a target whether asked alone or with others', () => {
    const chars = [...'中国银行行长在会上发言，会议于北京举行。'];
    const all = chars.map((_, i) => i).filter((i) => model.covers(chars[i] ?? ''));
    const together = model.predict(chars, all);
    all.forEach((t, k) => expect(model.predict(chars, [t])[0]).toEqual(together[k]));
  });

  it('refuses weights that do not fit the description, with a clear error', () => {
    expect(() => new PolyphoneModel(meta, weights().slice(0, 1000))).toThrow(PolyphoneModelError);
    const wrongShape = { ...meta, tensors: meta.tensors.map((t) => (t.name === 'fc2.b' ? { ...t, shape: [3] } : t)) };
    expect(() => new PolyphoneModel(wrongShape, weights())).toThrow(/fc2\.b/);
    const missing = { ...meta, tensors: meta.tensors.filter((t) => t.name !== 'fw.whh') };
    expect(() => new PolyphoneModel(missing, weights())).toThrow(/fw\.whh/);
    const badCandidate = { ...meta, candidates: { ...meta.candidates, 为: [99999] } };
    expect(() => new PolyphoneModel(badCandidate, weights())).toThrow(PolyphoneModelError);
  });
});
