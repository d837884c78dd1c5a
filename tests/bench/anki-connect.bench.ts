/**
 * A sync of 1,000 saved words to Anki through AnkiConnect, against the stand-in on 127.0.0.1
 * over real HTTP: the first sync (every word added, in batches of 100) and a second one
 * (every word found unchanged), beside the plain way, one addNote request per word.
 */
import { ankiNote, httpInvoke, syncWords } from '../../src/core/anki-connect.ts';
import { DEFAULT_ANKI_SETTINGS } from '../../src/core/anki-settings.ts';
import type { VocabularyRecord } from '../../src/core/vocabulary.ts';
import type { Row } from '../../scripts/bench.ts';
import { AnkiConnectStandin } from '../support/anki-connect-standin.ts';

const N = 1_000;
const RUNS = 5;
const settings = { ...DEFAULT_ANKI_SETTINGS, enabled: true };
const words: VocabularyRecord[] = Array.from({ length: N }, (_, i) => ({
  simplified: `词${i}`,
  traditional: `詞${i}`,
  pinyin: 'cí',
  english: [`word number ${i}`],
  contexts: [{ sentence: `这是第${i}个词的例句，来自一篇外交新闻。`, articleUrl: `https://www.guancha.cn/politics/${i}.shtml`, articleTitle: '外交新闻', savedAt: '2026-03-01T08:00:00.000Z' }],
  tags: ['generated'],
  note: '',
  source: 'dictionary',
  createdAt: '2026-03-01T08:00:00.000Z',
  updatedAt: '2026-03-01T08:00:00.000Z',
}));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

async function timed(work: (url: string) => Promise<unknown>, before?: (url: string) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const s = new AnkiConnectStandin();
    const url = await s.listen();
    try {
      await before?.(url);
      const t0 = performance.now();
      await work(url);
      times.push(performance.now() - t0);
    } finally {
      await s.close();
    }
  }
  return median(times);
}

export async function extraRows(): Promise<Row[]> {
  const sync = (url: string) => syncWords(httpInvoke(url), words, settings);
  const oneByOne = async (url: string) => {
    const invoke = httpInvoke(url);
    await syncWords(invoke, words.slice(0, 1), settings); // the note type and deck, as the sync makes them
    for (const w of words.slice(1)) await invoke('addNote', { note: ankiNote(w, settings) });
  };
  const first = await timed(sync);
  const again = await timed(sync, sync);
  const plain = await timed(oneByOne);
  return [
    {
      suite: 'anki',
      name: `AnkiConnect sync of ${N.toLocaleString('en')} new words to the stand-in (batched)`,
      where: 'node',
      median: first,
      unit: 'ms',
      baselineName: 'one addNote request per word',
      baseline: plain,
      target: '≤ 2 s',
      runs: RUNS,
    },
    {
      suite: 'anki',
      name: `AnkiConnect sync of the same ${N.toLocaleString('en')} words again (all unchanged)`,
      where: 'node',
      median: again,
      unit: 'ms',
      baselineName: 'one addNote request per word',
      baseline: plain,
      target: '≤ 2 s',
      runs: RUNS,
    },
  ];
}
