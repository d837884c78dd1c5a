/**
 * Pinyin in the page, loaded only when the reader asks for it: the pinyin
 * core and its dictionary are too large for the script every page loads.
 */
import { annotateDom, prepareReadings, readingTextsOf, RUN_CLASS, type AnnotationHandle, type ContextLookup } from '../core/pinyin/ruby.ts';
import type { ContextReadings } from '../core/pinyin/context.ts';
import type { AnnotateOptions } from '../core/pinyin/types.ts';
import { contextBatches } from '../messaging/protocol.ts';
import type { PinyinLook } from '../core/settings.ts';
import { annotatedLineHeight, pinyinCss } from '../core/pinyin/ruby-style.ts';
import { isDark, over, parseColor, type Rgba } from '../core/color.ts';
import { copyWithoutPinyin, keepingView } from './view.ts';
import { blockOf, blockTextAt, visibleTextNodes } from './text-at-point.ts';
import { fitsSentence, type PageReading } from '../core/dictionary/page-reading.ts';
import type { LookupContext } from '../messaging/protocol.ts';

const STYLE_ID = 'jiedu-pinyin-style';

export interface Annotator {
  readonly on: boolean;
  readonly words: number;
  /** Words whose reading context changed after they were first drawn (since start). */
  readonly corrected: number;
  /**
   * Annotates what is in view at once and resolves `visible`; the rest follows in short
   * slices until `done`. Readings decided by context that were not known yet are asked
   * for then and drawn over the first ones by `refined`.
   */
  start(root: Element, settings: PinyinLook, also?: Element[]): { visible: Promise<void>; done: Promise<void>; refined: Promise<void> };
  /** Reads the blocks under `root` in idle time, as start() will, without touching the page. */
  prepare(root: Element, settings: PinyinLook, also?: Element[]): Promise<void>;
  stop(): void;
  /**
   * The reading shown over the sentence of a look-up at a character (`node`, `offset`), for the
   * background to rank the card by: only when it is the engine's own (tone marks, dictionary
   * tones, no sandhi) and its context readings are drawn; else null, and the background reads it.
   */
  readingAt(node: Text, offset: number, context: LookupContext): PageReading | null;
}

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, td, th, dd, dt, pre';
/**
 * A slice of work: short enough not to hold up scrolling or typing for long, long
 * enough that the page is not laid out again after every few paragraphs (each
 * layout of a half-annotated page costs more than the annotation itself).
 */
const SLICE_MS = 50;
/**
 * Runs `fn` once the next frame is on screen: the first frame shows the pinyin in view,
 * and the rest of the article follows right after it. A tab that paints no frames
 * (hidden) still goes on, after a short wait.
 */
function afterPaint(fn: () => void): void {
  let ran = false;
  const once = (): void => {
    if (ran) return;
    ran = true;
    fn();
  };
  requestAnimationFrame(() => nextTask(once));
  setTimeout(once, AFTER_PAINT_WAIT_MS);
}
const AFTER_PAINT_WAIT_MS = 100;

/** Runs `fn` as a new task without the 4 ms clamp nested timers get. */
function nextTask(fn: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => fn();
  channel.port2.postMessage(null);
}

/** What the readings depend on: prepare() and start() must agree, or what was read ahead is not found. */
function readingOptions(look: PinyinLook): AnnotateOptions {
  return { tone: look.pinyinTone, sandhi: look.pinyinSandhi, neutral: look.pinyinNeutral };
}

/** Work for when the page is idle (a plain task where requestIdleCallback is missing). */
function idle(fn: (deadline?: IdleDeadline) => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 1000 });
  else setTimeout(fn, 0);
}

/** The innermost text blocks under `root`, in document order. */
function blocksOf(root: Element): Element[] {
  return [...root.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
}

/**
 * The blocks that will be in view once pinyin is on, read from the layout before: those
 * across the window's top, and those below whose top stays inside the window after the
 * blocks above them have grown by GROWTH (pinyin adds height to every line, and the text
 * at the top of the window stays where it is). Only these are drawn before the first
 * frame, so that frame lays out no more than the reader sees. Records each block's height.
 */
function blocksInView(blocks: Element[], heights: Map<Element, number>, pinyinSize: number): Element[] {
  const out: Element[] = [];
  let grown = 0;
  for (const el of blocks) {
    const r = el.getBoundingClientRect();
    heights.set(el, r.height);
    if (r.width === 0 && r.height === 0) continue;
    if (r.bottom <= -ABOVE_VIEW_PX || r.top + grown >= innerHeight) continue;
    out.push(el);
    grown += (r.bottom - Math.max(0, r.top)) * (growthOf(el, pinyinSize) - 1);
  }
  return out;
}

/** Only part of a block's estimated growth counts: lines with no Chinese keep their height. */
const GROWTH_COUNTED = 0.75;
/** A little above the window too: when the text at its top cannot be held in place (a fixed header there), lines above slide in. */
const ABOVE_VIEW_PX = 100;
/**
 * How much taller a block's lines get with pinyin, from its own line height: the least it
 * can be, so that a block that will still be in view is never left out of the first frame.
 */
function growthOf(el: Element, pinyinSize: number): number {
  const style = getComputedStyle(el);
  const font = parseFloat(style.fontSize) || 16;
  // 'normal' is the font's own line: about 1.45 em with the CJK fonts (the most it can be, so the least growth).
  const line = parseFloat(style.lineHeight) || font * 1.45;
  return 1 + Math.max(0, Math.min(2, (annotatedLineHeight(pinyinSize / 100) * font) / line - 1)) * GROWTH_COUNTED;
}

/**
 * How much taller a block grows with pinyin over its lines (the run's line height is 2.2
 * against the 1.5–1.8 pages use): the size a block out of view is given until it is laid out.
 */
const GROWTH = 1.4;

/** Blocks whose layout waits until they come near the view, with the style attribute each had. */
let deferred: { el: HTMLElement; style: string | null }[] = [];

/**
 * Blocks out of view skip layout and paint until the reader scrolls near them
 * (`content-visibility: auto`), so the first frame with pinyin lays out what is in view,
 * not the whole article. Each keeps an estimate of its height meanwhile, so the scroll bar
 * hardly moves; the browser remembers the real one once it has laid the block out.
 */
function deferLayout(blocks: Element[], heights: Map<Element, number>): void {
  restoreLayout();
  for (const el of blocks) {
    // Paragraphs only: containment on list items, cells or menus could clip what they show.
    if (!(el instanceof HTMLElement) || !DEFERRABLE.has(el.localName) || !(heights.get(el) ?? 0)) continue;
    deferred.push({ el, style: el.getAttribute('style') });
    el.style.setProperty('content-visibility', 'auto');
    // The block size only: the inline size stays the one the page gives the block.
    el.style.setProperty('contain-intrinsic-block-size', `auto ${Math.round((heights.get(el) ?? 0) * GROWTH)}px`);
  }
}

const DEFERRABLE = new Set(['p', 'blockquote']);

/** Every deferred block's style attribute back exactly as it was (or absent again). */
function restoreLayout(): void {
  for (const { el, style } of deferred) {
    el.style.removeProperty('content-visibility');
    el.style.removeProperty('contain-intrinsic-block-size');
    // Chromium writes the inline style back to the attribute lazily: read it first, or removing the
    // attribute now can leave an empty style="" behind once the pending write lands.
    const now = el.getAttribute('style');
    if (style === null) {
      if (!now?.trim()) el.removeAttribute('style');
    } else if (sameStyle(style, el)) {
      // The page's own text back exactly; a style the page changed meanwhile is left as it is now.
      el.setAttribute('style', style);
    }
  }
  deferred = [];
}

function sameStyle(original: string, el: HTMLElement): boolean {
  const probe = el.ownerDocument.createElement('p');
  probe.setAttribute('style', original);
  return probe.style.cssText === el.style.cssText;
}

/**
 * The colour the page paints under `el`: its own background or the nearest ancestor's
 * (translucent ones composited), white where none paints one, as browsers draw a page.
 */
export function backgroundOf(el: Element): Rgba {
  const layers: Rgba[] = [];
  for (let e: Element | null = el; e; e = e.parentElement) {
    const c = parseColor(getComputedStyle(e).backgroundColor);
    if (!c || c.a === 0) continue;
    layers.push(c);
    if (c.a === 1) break;
  }
  let color: Rgba = { r: 255, g: 255, b: 255, a: 1 };
  for (let i = layers.length - 1; i >= 0; i--) color = over(layers[i]!, color);
  return color;
}

function isOurs(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return !!el?.closest(`span.${RUN_CLASS}`);
}

/** Asks the background for context readings: per text, [offset, reading] pairs. */
export type ContextSource = (texts: string[]) => Promise<[number, string][][]>;

/** About a few dozen articles' worth of text (characters); the map is dropped whole past it. */
const KNOWN_MAX_CHARS = 2_000_000;
const RETRY_MS = 30_000;

export function createAnnotator(contextSource?: ContextSource): Annotator {
  /** Context readings per text, as they came from the background. */
  const known = new Map<string, ContextReadings>();
  let knownChars = 0;
  const contextFor: ContextLookup = (text) => known.get(text);
  let corrected = 0;

  /** Fetches what is not known yet; a failure (no background, a stopped worker) leaves the first readings. */
  let failedAt = -Infinity;
  const fetchContext = async (texts: string[]): Promise<void> => {
    // After a failure (no model, a worker that cannot start) the page waits before asking again,
    // rather than at every paragraph the site adds.
    if (!contextSource || performance.now() - failedAt < RETRY_MS) return;
    const wanted = [...new Set(texts)].filter((t) => !known.has(t));
    for (const batch of contextBatches(wanted)) {
      const answer = await contextSource(batch).catch(() => null);
      if (!answer) {
        failedAt = performance.now();
        return;
      }
      const chars = batch.reduce((n, t) => n + t.length, 0);
      if (knownChars + chars > KNOWN_MAX_CHARS) {
        known.clear();
        knownChars = 0;
      }
      batch.forEach((t, i) => known.set(t, new Map(answer[i] ?? [])));
      knownChars += chars;
    }
  };

  let handle: AnnotationHandle | null = null;
  /** The look the page is drawn in. */
  let look: PinyinLook | null = null;
  let root: Element | null = null;
  let observer: MutationObserver | null = null;
  let pending = new Set<Node>();
  let run = 0;

  /** Draws the context readings of what `h` has annotated without them. */
  const refine = async (h: AnnotationHandle, target: Element): Promise<void> => {
    const texts = h.textsWithoutContext();
    // Everything was drawn with its context readings (read ahead, or known from before): nothing to
    // redraw, and no layout to force in the task that annotated the page.
    if (texts.length === 0) return;
    await fetchContext(texts);
    // Drawn in a task of its own once the page has painted the first readings, so the reader sees
    // pinyin at once and the few corrections never hold up that first frame.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (handle !== h) return;
    keepingView(target, () => {
      corrected += h.applyContext(contextFor);
    });
  };

  // Content added later (an expanded section, a body swapped in) is annotated in one batch per task.
  const flush = () => {
    const nodes = [...pending];
    pending = new Set();
    if (!handle || !root) return;
    for (const n of nodes) if (n.isConnected && !isOurs(n)) handle.annotateSubtree(n);
    void refine(handle, root);
  };

  return {
    get on() {
      return handle !== null;
    },
    get words() {
      return handle?.words ?? 0;
    },
    get corrected() {
      return corrected;
    },
    start(target, settings, also = []) {
      if (handle) this.stop();
      const mine = ++run;
      root = target;
      let style = document.getElementById(STYLE_ID);
      if (!style) {
        style = document.createElement('style');
        style.id = STYLE_ID;
        (document.head ?? document.documentElement).appendChild(style);
      }
      style.textContent = pinyinCss(settings, isDark(backgroundOf(target)) ? 'dark' : 'light');
      // Which blocks are in view is read while the page is still laid out as it was.
      const blocks = blocksOf(target);
      const heights = new Map<Element, number>();
      const visible = blocksInView(blocks, heights, settings.pinyinSize);
      const shown = new Set(visible);
      const later = blocks.filter((b) => !shown.has(b));
      corrected = 0;
      deferLayout(later, heights);
      look = settings;
      const h = annotateDom(target, { ...readingOptions(settings), toneColors: settings.pinyinToneColors !== 'off', initial: false, contextFor, also });
      handle = h;
      observer = new MutationObserver((records) => {
        const first = pending.size === 0;
        for (const r of records) for (const n of r.addedNodes) if (!isOurs(n)) pending.add(n);
        if (first && pending.size > 0) setTimeout(flush, 0);
      });
      document.addEventListener('copy', copyWithoutPinyin, true);
      // What is in view first, alone, so the first frame lays out and paints only that; the
      // rest once that frame is on screen, in short slices, so the page never stops answering
      // for long. Blocks out of view skip layout until they come near (deferLayout).
      let markVisible = (): void => undefined;
      const visibleDone = new Promise<void>((resolve) => (markVisible = resolve));
      const done = new Promise<void>((resolve) => {
        const step = (first: boolean): void => {
          if (mine !== run || handle !== h) {
            markVisible();
            return resolve();
          }
          if (first) {
            keepingView(target, () => {
              for (const b of [...also, ...visible]) h.annotateSubtree(b);
              if (later.length === 0) h.annotateSubtree(target); // text outside the blocks (loose text, captions in divs)
            });
            observer?.observe(target, { childList: true, subtree: true });
            markVisible();
          } else {
            const until = performance.now() + SLICE_MS;
            // Blocks above the view grow too: the text the reader is looking at stays where it is.
            keepingView(target, () => {
              while (later.length > 0 && performance.now() < until) h.annotateSubtree(later.shift()!);
              if (later.length === 0) h.annotateSubtree(target);
            });
          }
          if (later.length > 0) (first ? afterPaint : nextTask)(() => step(false));
          else resolve();
        };
        step(true);
      });
      return { visible: visibleDone, done, refined: done.then(() => refine(h, target)) };
    },
    prepare(target, settings, also = []) {
      const blocks = [...also, ...blocksOf(target)];
      const read = [...blocks];
      const opts = readingOptions(settings);
      const mine = run;
      const texts: string[] = [];
      // Once the context readings have come, the blocks they change are read with them too, so the
      // switch finds every reading it will draw already made.
      const withContext = async (): Promise<void> => {
        await fetchContext(texts);
        if (handle || mine !== run) return;
        for (const block of read) prepareReadings(block, opts, contextFor);
      };
      return new Promise<void>((resolve) => {
        const step = (deadline?: IdleDeadline): void => {
          // Switched on meanwhile: start() reads what is left itself.
          if (handle || mine !== run) return resolve();
          const until = performance.now() + Math.min(deadline?.timeRemaining() ?? SLICE_MS, SLICE_MS);
          while (blocks.length > 0 && performance.now() < until) {
            const block = blocks.shift()!;
            prepareReadings(block, opts);
            texts.push(...readingTextsOf(block));
          }
          if (blocks.length === 0) return resolve(withContext());
          idle(step);
        };
        idle(step);
      });
    },
    readingAt(node, offset, context) {
      if (!handle || !look || look.pinyinTone !== 'mark' || look.pinyinSandhi || look.pinyinNeutral !== 'dictionary') return null;
      const block = blockOf(node);
      const texts = visibleTextNodes(block);
      const { full, at } = blockTextAt(block, node, offset, texts);
      const from = at - context.offset;
      if (from < 0 || full.slice(from, from + context.sentence.length) !== context.sentence) return null;
      const reading = handle.shownReading(texts, from, from + context.sentence.length);
      return reading && fitsSentence(context.sentence, reading) ? reading : null;
    },
    stop() {
      look = null;
      run++;
      observer?.disconnect();
      observer = null;
      pending = new Set();
      const h = handle;
      if (h && root)
        keepingView(root, () => {
          h.remove();
          restoreLayout();
        });
      else restoreLayout();
      handle = null;
      document.getElementById(STYLE_ID)?.remove();
      document.removeEventListener('copy', copyWithoutPinyin, true);
    },
  };
}

/** For the bench only: raw pinyin-pro as its baseline, and the DOM layer on its own; both are in this module's bundle anyway. */
export { pinyin as rawPinyin } from 'pinyin-pro';
export { annotateDom } from '../core/pinyin/ruby.ts';
export { forgetReadings, keptTexts } from '../core/pinyin/ruby.ts';
