import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const dir = new URL('../../../assets/_locales/', import.meta.url);
const load = (lang: string) => JSON.parse(readFileSync(new URL(`${lang}/messages.json`, dir), 'utf8')) as Messages;
const en = load('en');
const zh = load('zh_CN');
const placeholdersIn = (m: string) => [...m.matchAll(/\$([A-Z_]+)\$/g)].map((x) => x[1]!.toLowerCase()).sort();

describe('translations', () => {
  it('has English and Chinese only, with the same keys', () => {
    expect(readdirSync(dir).sort()).toEqual(['en', 'zh_CN']);
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('uses key names the browsers accept', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it('declares every placeholder a message uses, the same in both languages', () => {
    for (const [key, { message, placeholders }] of Object.entries(en)) {
      const declared = Object.keys(placeholders ?? {})
        .map((p) => p.toLowerCase())
        .sort();
      expect(placeholdersIn(message), key).toEqual(declared);
      expect(placeholdersIn(zh[key]!.message), `zh_CN ${key}`).toEqual(declared);
    }
  });

  it('translates: a Chinese string differs from its English one unless it is a name', () => {
    const same = Object.keys(en).filter((k) => en[k]!.message === zh[k]!.message && /[a-z]{4,}/.test(en[k]!.message));
    expect(same).toEqual([]);
  });
});
