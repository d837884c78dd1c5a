/**
 * Jiedu's AnkiConnect client against the stand-in over real HTTP: the note type made when
 * missing, a word added then reported as a duplicate, a sync that adds and updates in
 * batches, and each failure as the problem a person can act on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AnkiError, SYNC_BATCH, addWord, ankiNote, httpInvoke, syncWords } from '../../../src/core/anki-connect.ts';
import { DEFAULT_ANKI_SETTINGS, type AnkiSettings } from '../../../src/core/anki-settings.ts';
import { JIEDU_NOTETYPE_NAME } from '../../../src/core/export/apkg.ts';
import { NOTE_FIELDS, stableGuid } from '../../../src/core/export/index.ts';
import type { VocabularyRecord } from '../../../src/core/vocabulary.ts';
import { AnkiConnectStandin, type StandinOptions } from '../../support/anki-connect-standin.ts';
import { GOLDEN_WORDS } from './export/words.ts';

const running: AnkiConnectStandin[] = [];
async function standin(opts: StandinOptions = {}) {
  const s = new AnkiConnectStandin(opts);
  running.push(s);
  return { s, invoke: httpInvoke(await s.listen()) };
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

const S: AnkiSettings = { ...DEFAULT_ANKI_SETTINGS, enabled: true };
const problem = (p: Promise<unknown>) =>
  p.then(
    () => 'none',
    (e: unknown) => (e instanceof AnkiError ? e.problem : `not AnkiError: ${String(e)}`),
  );

describe('AnkiConnect', () => {
  it("creates Jiedu's note type and deck, adds a word, and reports it as a duplicate the second time", async () => {
    const { s, invoke } = await standin();
    expect(await addWord(invoke, GOLDEN_WORDS[0]!, S)).toMatchObject({ status: 'added' });
    expect(s.models.get(JIEDU_NOTETYPE_NAME)).toEqual([...NOTE_FIELDS]);
    expect(s.decks.has('Jiedu')).toBe(true);
    const create = s.requests.find((r) => r.action === 'createModel')!;
    expect((create.params!['cardTemplates'] as { Name: string }[]).map((t) => t.Name)).toEqual(['Recognition', 'Recall', 'Listening']);
    expect(s.templates.get(JIEDU_NOTETYPE_NAME)!['Listening']!.Front).toBe('{{#Listening}}<div class="listen">{{tts zh_CN:Simplified}}</div>{{/Listening}}');
    const add = s.requests.find((r) => r.action === 'addNote')!;
    expect(add.version).toBe(6);
    expect(add.params!['note']).toEqual(ankiNote(GOLDEN_WORDS[0]!, S));
    expect(s.notes[0]!.fields['JieduId']).toBe(stableGuid('外交'));
    expect(s.notes[0]!.fields['Listening']).toBe('');
    expect(s.notes[0]!.tags).toEqual(['jiedu', 'diplomacy']);
    expect(await addWord(invoke, GOLDEN_WORDS[0]!, S)).toEqual({ status: 'duplicate' });
    expect(s.notes).toHaveLength(1);
    expect(s.requests.filter((r) => r.action === 'createModel')).toHaveLength(1);
  });

  it("maps fields into another note type by the user's mapping", async () => {
    const { s, invoke } = await standin();
    const basic: AnkiSettings = {
      ...S,
      model: 'Basic',
      fieldMap: {
        ...S.fieldMap,
        Simplified: 'Front',
        Traditional: '',
        Pinyin: 'Back',
        Meaning: 'Back',
        Sentence: '',
        SentencePinyin: '',
        Article: '',
        Note: '',
        JieduTags: '',
        JieduId: '',
        Listening: 'Back',
      },
      listening: true,
    };
    await addWord(invoke, GOLDEN_WORDS[1]!, basic);
    // Listening is never sent into another note type, even mapped and on: it would be a bare "y" there.
    expect(s.notes[0]!.fields).toEqual({ Front: '外长', Back: 'wài zhǎng<br>foreign minister' });
    expect(s.models.has(JIEDU_NOTETYPE_NAME)).toBe(false);
  });

  it('syncs: adds the new words, updates the changed ones, leaves the rest, in batches', async () => {
    const { s, invoke } = await standin();
    const words: VocabularyRecord[] = Array.from({ length: 250 }, (_, i) => ({ ...GOLDEN_WORDS[0]!, simplified: `词${i}`, traditional: `詞${i}` }));
    expect(await syncWords(invoke, words, S)).toEqual({ added: 250, updated: 0, unchanged: 0, skipped: 0 });
    expect(s.requests.filter((r) => r.action === 'addNotes')).toHaveLength(Math.ceil(250 / SYNC_BATCH));
    s.notes[0]!.tags.push('leech');
    const changed = words.map((w, i) => (i % 50 === 0 ? { ...w, note: 'changed' } : w));
    const more = [...changed, { ...GOLDEN_WORDS[0]!, simplified: '新词' }];
    expect(await syncWords(invoke, more, S)).toEqual({ added: 1, updated: 5, unchanged: 245, skipped: 0 });
    expect(s.notes).toHaveLength(251);
    expect(s.notes[0]!.fields['Note']).toBe('changed');
    // Updating fields leaves the tags a note got in Anki.
    expect(s.notes[0]!.tags).toContain('leech');
  });

  it('says what is wrong: Anki closed, not AnkiConnect, origin refused, old version, no collection', async () => {
    const closed = new AnkiConnectStandin();
    const url = await closed.listen();
    await closed.close();
    expect(await problem(addWord(httpInvoke(url), GOLDEN_WORDS[0]!, S))).toBe('unreachable');
    expect(
      await problem(
        addWord(
          httpInvoke('http://127.0.0.1:1', async () => new Response('<html>hello</html>')),
          GOLDEN_WORDS[0]!,
          S,
        ),
      ),
    ).toBe('not-ankiconnect');
    const forbidding = await standin({ allowedOrigins: ['http://localhost'] });
    const withOrigin: typeof fetch = (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), Origin: 'chrome-extension://abc' } });
    expect(await problem(addWord(httpInvoke(forbidding.s.url, withOrigin), GOLDEN_WORDS[0]!, S))).toBe('forbidden');
    expect(await httpInvoke(forbidding.s.url, withOrigin)('requestPermission')).toEqual({ permission: 'denied' });
    expect(await problem(addWord((await standin({ apiVersion: 5 })).invoke, GOLDEN_WORDS[0]!, S))).toBe('old-version');
    expect(await problem(addWord((await standin({ noCollection: true })).invoke, GOLDEN_WORDS[0]!, S))).toBe('no-collection');
  });

  it('fills the Listening field when listening cards are asked for', async () => {
    const { s, invoke } = await standin();
    await addWord(invoke, GOLDEN_WORDS[0]!, { ...S, listening: true }, { listening: true });
    expect(s.notes[0]!.fields['Listening']).toBe('y');
  });

  it("gives Jiedu's note type made without the listening card its field and card once listening cards are on", async () => {
    const { s, invoke } = await standin();
    // As an earlier Jiedu made it: ten fields, two cards.
    s.models.set(
      JIEDU_NOTETYPE_NAME,
      NOTE_FIELDS.filter((f) => f !== 'Listening'),
    );
    s.templates.set(JIEDU_NOTETYPE_NAME, { Recognition: { Front: '{{Simplified}}', Back: '' }, Recall: { Front: '{{Meaning}}', Back: '' } });
    const words = GOLDEN_WORDS.slice(0, 3);
    expect(await syncWords(invoke, words, S)).toMatchObject({ added: 3 });
    // Off: the note type is left as it is, and the field it lacks is no change on the next sync.
    expect(s.requests.filter((r) => r.action === 'modelFieldAdd' || r.action === 'modelTemplateAdd')).toEqual([]);
    expect(await syncWords(invoke, words, S)).toEqual({ added: 0, updated: 0, unchanged: 3, skipped: 0 });
    // On: the field and the card are added, and the sync fills the field of every note.
    const on = { ...S, listening: true };
    expect(await syncWords(invoke, words, on, { listening: true })).toEqual({ added: 0, updated: 3, unchanged: 0, skipped: 0 });
    expect(s.models.get(JIEDU_NOTETYPE_NAME)).toEqual([...NOTE_FIELDS]);
    expect(Object.keys(s.templates.get(JIEDU_NOTETYPE_NAME)!)).toEqual(['Recognition', 'Recall', 'Listening']);
    expect(s.templates.get(JIEDU_NOTETYPE_NAME)!['Listening']!.Front).toContain('{{tts zh_CN:Simplified}}');
    expect(s.notes.map((n) => n.fields['Listening'])).toEqual(['y', 'y', 'y']);
    expect(s.requests.filter((r) => r.action === 'modelFieldAdd')).toHaveLength(1);
    expect(await syncWords(invoke, words, on, { listening: true })).toEqual({ added: 0, updated: 0, unchanged: 3, skipped: 0 });
    expect(s.requests.filter((r) => r.action === 'modelFieldAdd')).toHaveLength(1);
    // An AnkiConnect that cannot change a note type is named as too old.
    const old = await standin({ noModelEditing: true });
    old.s.models.set(
      JIEDU_NOTETYPE_NAME,
      NOTE_FIELDS.filter((f) => f !== 'Listening'),
    );
    old.s.templates.set(JIEDU_NOTETYPE_NAME, {});
    expect(await problem(addWord(old.invoke, GOLDEN_WORDS[0]!, on, { listening: true }))).toBe('old-version');
  });

  it("reports a note type that is not in Anki, other than Jiedu's", async () => {
    const { invoke } = await standin();
    await expect(addWord(invoke, GOLDEN_WORDS[0]!, { ...S, model: 'Chinese (advanced)' })).rejects.toThrow('model was not found: Chinese (advanced)');
  });
});
