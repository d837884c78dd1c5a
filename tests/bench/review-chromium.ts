/**
 * The Review page in Chromium with 10,000 cards and 100,000 review log entries (generated here,
 * not real data): the first card painted after navigation, and the next card painted after a
 * grade, each beside a baseline measured in the same run.
 */
import type { ExtensionBrowser } from '../../scripts/browser.ts';
import type { Row } from '../../scripts/bench.ts';
import { runInDatabase } from '../support/extension-db.ts';

const RUNS = 15;

function med(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** 10,000 saved words, a card each in review (half of them due), and ten grades each in the log. */
const SEED = `async (db) => {
  const now = Date.now();
  const day = 86400000;
  const words = Array.from({ length: 10000 }, (_, i) => {
    const stamp = new Date(now - 60 * day + i * 1000).toISOString();
    return {
      simplified: '复习词' + i, traditional: '復習詞' + i, pinyin: 'fù xí cí', english: ['review word ' + i, 'generated'],
      contexts: [{ sentence: '这是复习词' + i + '的例句，用来测试复习页面。', articleUrl: 'https://www.news.cn/bench/' + (i % 100) + '.htm', articleTitle: '生成的文章 ' + (i % 100), savedAt: stamp }],
      tags: ['bench'], note: '', source: 'dictionary', createdAt: stamp, updatedAt: stamp,
    };
  });
  const cards = words.map((w, i) => {
    const last = new Date(now - 20 * day + (i % 1000) * 60000).toISOString();
    const due = new Date(now + ((i % 2) ? 1 : -1) * ((i % 30) + 1) * day).toISOString();
    return {
      id: 'vocabulary|' + w.simplified + '|recognition', source: 'vocabulary', key: w.simplified, kind: 'recognition', queue: 'review', suspended: false,
      createdAt: w.createdAt, due, stability: 10 + (i % 50), difficulty: 5, elapsedDays: 10, scheduledDays: 20, learningSteps: 0, reps: 10, lapses: i % 3, state: 2, lastReview: last,
    };
  });
  const log = [];
  for (let i = 0; i < 10000; i++) {
    for (let k = 0; k < 10; k++) {
      log.push({ cardId: cards[i].id, grade: 1 + ((i + k) % 4), state: k === 0 ? 0 : 2, review: new Date(now - (30 - k * 3) * day + i * 1000).toISOString(), scheduledDays: k, elapsedDays: k, stability: 5, difficulty: 5, durationMs: 4000 });
    }
  }
  await db.vocabulary.bulkPut(words);
  await db.cards.bulkPut(cards);
  await db.reviewLog.bulkAdd(log);
  return { cards: await db.cards.count(), log: await db.reviewLog.count() };
}`;

const BASELINE = (runs: number) => `async (db) => {
  const med = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
  const times = [];
  for (let r = 0; r < ${runs}; r++) {
    const t0 = performance.now();
    await db.cards.toArray();
    times.push(performance.now() - t0);
  }
  return med(times);
}`;

export async function reviewRows(b: ExtensionBrowser): Promise<Row[]> {
  // The extension's database, opened in its service worker as the extension opens it.
  const inDatabase = (source: string): Promise<unknown> => runInDatabase((expression) => b.worker.evaluate(expression), source);
  const seeded = (await inDatabase(SEED)) as { cards: number; log: number };
  process.stderr.write(`  review: ${seeded.cards} cards, ${seeded.log} log entries\n`);
  const toArray = (await inDatabase(BASELINE(RUNS))) as number;
  const page = await b.context.newPage();
  const url = `chrome-extension://${b.extensionId}/review.html`;
  const firstCard = async (): Promise<number> => {
    await page.goto(url);
    return page.evaluate(`(async () => {
      for (let i = 0; i < 500; i++) {
        const m = performance.getEntriesByName('jiedu-review-first-card')[0];
        if (m) return m.startTime;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error('the review page never showed a card');
    })()`) as Promise<number>;
  };
  await firstCard();
  const firsts: number[] = [];
  for (let i = 0; i < RUNS; i++) firsts.push(await firstCard());

  // Strings, not functions: the TypeScript loader would add helpers the page does not have.
  const next = (await page.evaluate(`(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const card = () => document.querySelector('[data-testid="review-card"]');
    const key = (k) => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    const until = (test) => new Promise((resolve) => {
      if (test()) return resolve();
      const obs = new MutationObserver(() => { if (test()) { obs.disconnect(); resolve(); } });
      obs.observe(document.body, { attributes: true, childList: true, subtree: true });
    });
    const grades = []; const frames = [];
    for (let r = 0; r < ${RUNS * 2}; r++) {
      key(' ');
      await until(() => card()?.getAttribute('data-shown') === 'true');
      await frame();
      // A reader's key comes at any moment of a frame: spread the keys over one frame's 17 ms.
      // (Always 30 ms after a frame, every key fell at one point of the frame's cycle, and the
      // median swung from 1 ms to 16 ms between runs with where that point fell.)
      await new Promise((res) => setTimeout(res, 30 + ((r * 7) % 17)));
      const before = card().getAttribute('data-card-id');
      const t0 = performance.now();
      key(String(2 + (r % 3)));
      await until(() => card() && card().getAttribute('data-card-id') !== before);
      await frame();
      grades.push(performance.now() - t0);
      await new Promise((res) => setTimeout(res, 30));
      const f0 = performance.now();
      await frame();
      frames.push(performance.now() - f0);
    }
    return { grades, frames };
  })()`)) as { grades: number[]; frames: number[] };
  await page.close();

  // Leave the shared browser's database as it was for any later suite.
  await inDatabase(`async (db) => {
    await db.vocabulary.where('simplified').startsWith('复习词').delete();
    await db.cards.clear();
    await db.reviewLog.clear();
  }`);

  return [
    {
      suite: 'review page',
      name: 'first card painted, navigation to the card on screen (10,000 cards, 100,000 log entries)',
      where: 'chromium',
      median: med(firsts),
      unit: 'ms',
      baselineName: 'db.cards.toArray() of the 10,000 cards in the worker',
      baseline: toArray,
      target: '≤ 150 ms',
      runs: RUNS,
    },
    {
      suite: 'review page',
      name: 'next card painted after a grade (key to the next card on screen)',
      where: 'chromium',
      median: med(next.grades),
      unit: 'ms',
      baselineName: 'one animation frame with nothing to draw',
      baseline: med(next.frames),
      target: '≤ 16 ms',
      runs: next.grades.length,
    },
  ];
}
