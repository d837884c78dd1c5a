/**
 * Jiedu's readings as Firefox makes them. The engine is the same code in every browser
 * but for one part it takes from the runtime: Intl.Segmenter, whose word cuts differ
 * between Firefox and Chromium (or Node). This records Firefox's cuts for every sentence
 * given (in a headless Firefox ESR), then reads them again with a segmenter answering with
 * Firefox's cuts in place of Node's; a process of its own, so the rest of the bench keeps
 * Node's. Prints, for each sentence file, the reading of each checked character as JSON,
 * and how many of the texts segmented Firefox cuts differently from Node, and Chromium
 * (where installed), whose cuts the other rows take to be Node's.
 */
import { existsSync, readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import type { CppItem } from '../support/cpp.ts';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, FIREFOX_PATH } from '../../scripts/browser.ts';

const sets = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Record<string, CppItem[]>;
if (!existsSync(FIREFOX_PATH)) throw new Error(`Firefox not found at ${FIREFOX_PATH}`);

/** Every text the engine asks the segmenter about, and Firefox's cuts once recorded. */
const asked = new Set<string>();
const cuts = new Map<string, number[]>();
const NodeSegmenter = Intl.Segmenter;
/** Node's segmenter, noting each text (first pass), or Firefox's recorded cuts (second pass). */
class SwitchedSegmenter {
  private readonly node = new NodeSegmenter('zh', { granularity: 'word' });
  segment(text: string): { index: number; segment: string; input: string }[] {
    const at = cuts.get(text);
    if (cuts.size > 0 && !at) throw new Error(`no Firefox cuts recorded for ${text.slice(0, 20)}…`);
    if (!at) {
      asked.add(text);
      return [...this.node.segment(text)];
    }
    return at.map((index, i) => ({ index, segment: text.slice(index, at[i + 1] ?? text.length), input: text }));
  }
}
(Intl as unknown as { Segmenter: unknown }).Segmenter = SwitchedSegmenter;

const { analyse, forgetWordReadings } = await import('../../src/core/pinyin/annotate.ts');
const { contextReadings } = await import('../../src/core/pinyin/context.ts');
const { loadCliContextSources } = await import('../../src/cli/polyphone-model.ts');
const sources = await loadCliContextSources();

function readingAt(item: CppItem): string {
  for (const w of analyse(item.text, { context: contextReadings(item.text, sources) }))
    if (w.han && item.at >= w.start && item.at < w.start + w.text.length) return w.syllables[item.at - w.start] ?? '';
  return '';
}
const readAll = () => Object.fromEntries(Object.entries(sets).map(([name, items]) => [name, items.map(readingAt)]));

readAll();
const texts = [...asked];
const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true });
let recorded: number[][];
let version: string;
try {
  const page = await browser.newPage();
  recorded = await page.evaluate((all: string[]) => {
    const seg = new Intl.Segmenter('zh', { granularity: 'word' });
    return all.map((t) => [...seg.segment(t)].map((s) => s.index));
  }, texts);
  version = await browser.version();
} finally {
  await browser.close();
}
const node = new NodeSegmenter('zh', { granularity: 'word' });
const nodeCuts = texts.map((t) => [...node.segment(t)].map((s) => s.index).join());
const differ = texts.filter((_, i) => nodeCuts[i] !== recorded[i]!.join()).length;
let chromiumDiffer: number | null = null;
if (existsSync(CHROMIUM_PATH)) {
  const cr = await chromium.launch({ executablePath: CHROMIUM_PATH });
  try {
    const page = await cr.newPage();
    const inChromium = await page.evaluate((all: string[]) => {
      const seg = new Intl.Segmenter('zh', { granularity: 'word' });
      return all.map((t) => [...seg.segment(t)].map((s) => s.index).join());
    }, texts);
    chromiumDiffer = inChromium.filter((c, i) => c !== nodeCuts[i]).length;
  } finally {
    await cr.close();
  }
}
texts.forEach((t, i) => cuts.set(t, recorded[i]!));
// Readings remembered from the first pass were made from Node's cuts.
forgetWordReadings();
process.stdout.write(JSON.stringify({ readings: readAll(), version, texts: texts.length, differ, chromiumDiffer }));
