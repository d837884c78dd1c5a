/**
 * Pinyin over the Chinese in a page, as <ruby> elements, and a way to take it off again.
 *
 * Standard DOM only, so it runs in a content script and under linkedom in tests. The
 * walk is an explicit stack over childNodes rather than a TreeWalker: linkedom's
 * TreeWalker ignores its filter, so FILTER_REJECT could not skip a <script> subtree
 * there, and one code path for both keeps the tests honest.
 *
 * Markup is built with createElement/createTextNode only — page text never reaches an
 * HTML parser.
 */
import { annotate, forgetWordReadings } from './annotate.ts';
import { toneOf } from './syllable.ts';
import { isHanUnit } from './han.ts';
import type { AnnotateOptions, Segment } from './types.ts';
import type { ContextReadings } from './context.ts';
import type { PageReading } from '../dictionary/page-reading.ts';
import { HAN_SCRIPT } from '../han-script.ts';

/** Context readings known for a text (as annotate reads it), if they have come. */
export type ContextLookup = (text: string) => ContextReadings | undefined;

export { RUN_CLASS } from './ruby-names.ts';
import { RUN_CLASS } from './ruby-names.ts';

export interface AnnotateDomOptions extends AnnotateOptions {
  /** Colour each syllable by tone: class jiedu-t1 … jiedu-t5 on an <rt> of one syllable, on a span per syllable in a longer one. */
  toneColors?: boolean;
  /** false: annotate nothing yet; the caller feeds parts through annotateSubtree (visible text first). */
  initial?: boolean;
  /** Context readings already known for a text: drawn at once instead of corrected later. */
  contextFor?: ContextLookup;
  /** Further roots annotated with `root` and taken off with it (an article's headline, outside its body). */
  also?: Element[];
}

export interface AnnotationHandle {
  /** Annotate content added under `node` after the first pass (a MutationObserver's additions). */
  annotateSubtree(node: Node): void;
  /** Put every original text node back where it was and drop the ruby markup. */
  remove(): void;
  /** How many text nodes are currently replaced. */
  readonly count: number;
  /** How many words (ruby elements) are in the page now. */
  readonly words: number;
  /** The texts read so far without context readings (as the readings were asked for them). */
  textsWithoutContext(): string[];
  /**
   * Redraw the readings that context changes, for the texts `contextFor` now knows:
   * only the <rt> of a word whose reading differs is rewritten, the words and the
   * page's text stay as they are. Returns how many words changed.
   */
  applyContext(contextFor: ContextLookup): number;
  /**
   * The reading shown over units [from, to) of the text `texts` hold (a block's text nodes as a
   * reader sees them, in order, readings left out): null unless every Han character there is
   * under ruby drawn by this handle with its context readings.
   */
  shownReading(texts: readonly Text[], from: number, to: number): PageReading | null;
}

/** Elements whose text is not prose to annotate, or is ours already. */
const SKIP_TAGS = new Set(['script', 'style', 'textarea', 'input', 'select', 'option', 'code', 'pre', 'kbd', 'samp', 'noscript', 'template', 'ruby', 'rt', 'rp', 'svg', 'math', 'iframe', 'object']);

function skipElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.localName.toLowerCase())) return true;
  if (el.classList.contains(RUN_CLASS)) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return el.getAttribute('translate')?.toLowerCase() === 'no';
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** By UTF-16 unit, as annotate splits text: this runs over every text node of the page. */
function hasHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isHanUnit(s.charCodeAt(i))) return true;
  return false;
}

/** Text nodes under `node` that should be annotated, in document order. */
function collect(node: Node): Text[] {
  const out: Text[] = [];
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop();
    if (!n) break;
    if (n.nodeType === TEXT_NODE) {
      if (hasHan((n as Text).data)) out.push(n as Text);
      continue;
    }
    if (n.nodeType === ELEMENT_NODE && skipElement(n as Element)) continue;
    const kids = n.childNodes;
    for (let k = kids.length - 1; k >= 0; k--) {
      const kid = kids[k];
      if (kid) stack.push(kid);
    }
  }
  return out;
}

/** Is `node` (or an ancestor up to, not including, `root`) one we must not touch? */
function insideSkipped(node: Node, root: Node): boolean {
  for (let n: Node | null = node.nodeType === ELEMENT_NODE ? node : node.parentNode; n && n !== root; n = n.parentNode) {
    if (n.nodeType === ELEMENT_NODE && skipElement(n as Element)) return true;
  }
  return root.nodeType === ELEMENT_NODE && node !== root && skipElement(root as Element);
}

/** Joins text nodes for one reading; not Han, and not found in page text. */
const SEPARATOR = '\u0000';

/** Splits the segments of texts joined by SEPARATOR back into each text's segments. */
function splitAt(segments: Segment[], count: number): Segment[][] {
  const out: Segment[][] = [[]];
  for (const seg of segments) {
    if (seg.pinyin || !seg.text.includes(SEPARATOR)) {
      out[out.length - 1]!.push(seg);
      continue;
    }
    seg.text.split(SEPARATOR).forEach((piece, k) => {
      if (k > 0) out.push([]);
      if (piece) out[out.length - 1]!.push({ text: piece, pinyin: '' });
    });
  }
  while (out.length < count) out.push([]);
  return out;
}

/**
 * Readings of texts already annotated, by options and text: switching pinyin off and on
 * again, or a site re-rendering a paragraph, costs only the DOM. Bounded by characters
 * held, so a long session's memory stays small.
 */
const kept = new Map<string, Segment[]>();
let keptSegments = 0;
/** About a hundred articles' worth; each segment costs an object and its strings (~100 bytes). */
const KEPT_MAX_SEGMENTS = 300_000;

function readingsOf(text: string, opts: AnnotateOptions, context?: ContextReadings): Segment[] {
  const withContext = context !== undefined && context.size > 0;
  const key = `${opts.tone ?? 'mark'}${opts.sandhi ? 1 : 0}${opts.neutral === 'citation' ? 'n' : ''}${opts.segmenter ?? 'auto'}${withContext ? 'c' : ''}\u0001${text}`;
  let segments = kept.get(key);
  if (!segments) {
    segments = annotate(text, withContext ? { ...opts, context } : opts);
    if (keptSegments + segments.length > KEPT_MAX_SEGMENTS) forgetReadings();
    kept.set(key, segments);
    keptSegments += segments.length;
  }
  return segments;
}

/** Drops every kept reading (and the word readings behind them): the bench starts each measurement cold with it. */
export function forgetReadings(): void {
  kept.clear();
  keptSegments = 0;
  forgetWordReadings();
}

/**
 * One reading of all of a subtree's text nodes, joined by a separator that is never Han:
 * words never span two nodes, but the cost per call is paid once, not per node.
 */
function readingsPerNode(texts: Text[], opts: AnnotateOptions, contextFor?: ContextLookup): Segment[][] {
  if (texts.length === 0) return [];
  if (texts.some((t) => t.data.includes(SEPARATOR))) return texts.map((t) => readingsOf(t.data, opts, contextFor?.(t.data)));
  const joined = joinTexts(texts);
  return splitAt(readingsOf(joined, opts, contextFor?.(joined)), texts.length);
}

/** The text(s) one reading is asked for: the nodes joined, or each alone if one holds the separator. */
function joinTexts(texts: Text[]): string {
  return texts.map((t) => t.data).join(SEPARATOR);
}

function readingTexts(texts: Text[]): string[] {
  if (texts.length === 0) return [];
  return texts.some((t) => t.data.includes(SEPARATOR)) ? texts.map((t) => t.data) : [joinTexts(texts)];
}

/** The texts annotateSubtree(node) or prepareReadings(node) asks readings for: what context is asked for. */
export function readingTextsOf(node: Element): string[] {
  return skipElement(node) ? [] : readingTexts(collect(node));
}

/**
 * Reads the text under `node` as annotateSubtree(node) will, without touching the page:
 * done ahead (while the reader opens the popup), switching on then only builds the DOM.
 */
export function prepareReadings(node: Element, opts: AnnotateOptions, contextFor?: ContextLookup): void {
  if (skipElement(node)) return;
  readingsPerNode(collect(node), opts, contextFor);
}

/** How many texts' readings are kept (for tests of prepareReadings). */
export function keptTexts(): number {
  return kept.size;
}

interface Replacement {
  original: Text;
  run: Element;
  words: number;
}

/** The text nodes of one reading, with what replaced each, so context can redraw them. */
interface Group {
  texts: Text[];
  /** What each text node held when it was read: a page may change a node it owns afterwards. */
  data: string[];
  runs: (Replacement | null)[];
  /** Context readings are drawn (or there were none to draw). */
  settled: boolean;
}

/**
 * How a word is laid out as ruby: one base and one reading per character when the
 * reading has one syllable per character (mono-ruby, as good ruby layout aligns it:
 * each character stays under its own syllable, and a syllable wider than its
 * character does not spread the word's other characters apart), else the word and
 * its whole reading as one pair. All pairs of a word share one <ruby>.
 */
function rubyPairs(word: string, pinyin: string): [string, string][] {
  // Most words are one character: no splitting to do.
  if (word.length < 2) return [[word, pinyin]];
  const syllables = pinyin.split(' ');
  // Han characters are one UTF-16 unit each here (runs are BMP), so length counts characters.
  if (syllables.length !== word.length) return [[word, pinyin]];
  const out: [string, string][] = new Array<[string, string]>(word.length);
  for (let i = 0; i < word.length; i++) {
    if (!isHanUnit(word.charCodeAt(i))) return [[word, pinyin]];
    out[i] = [word[i]!, syllables[i]!];
  }
  return out;
}

/** The characters of one of our <ruby> elements, without its readings. */
export function rubyWord(ruby: Element): string {
  let out = '';
  for (const n of ruby.childNodes) if (n.nodeType === TEXT_NODE) out += (n as Text).data;
  return out;
}

/** The reading of one of our <ruby> elements, syllables separated by single spaces. */
export function rubyPinyin(ruby: Element): string {
  return [...ruby.children]
    .filter((c) => c.localName === 'rt')
    .map((rt) => (rt.textContent ?? '').trim())
    .join(' ');
}

export function annotateDom(root: Element, opts: AnnotateDomOptions = {}): AnnotationHandle {
  const doc = root.ownerDocument;
  const done: Replacement[] = [];

  // Strings passed to append() become text nodes without a createTextNode call each: the
  // cheapest way to build thousands of small elements (about half the time in Chromium).
  const rtFor = (pinyin: string): Element => {
    const rt = doc.createElement('rt');
    if (opts.toneColors && !pinyin.includes(' ')) {
      // One syllable (the usual case: one reading per character): the <rt> carries its tone
      // itself, two layout objects fewer per character than a span inside it.
      rt.className = `jiedu-t${toneOf(pinyin)}`;
      rt.append(pinyin);
    } else if (opts.toneColors) {
      pinyin.split(' ').forEach((syllable, k) => {
        if (k > 0) rt.append(' ');
        const span = doc.createElement('span');
        span.className = `jiedu-t${toneOf(syllable)}`;
        span.append(syllable);
        rt.append(span);
      });
    } else {
      rt.append(pinyin);
    }
    return rt;
  };
  const rubyFor = (word: string, pinyin: string): Element => {
    const ruby = doc.createElement('ruby');
    const pairs = rubyPairs(word, pinyin);
    // One append for the whole word: each call costs more than the nodes it inserts.
    const parts: (string | Element)[] = new Array<string | Element>(pairs.length * 2);
    for (let i = 0; i < pairs.length; i++) {
      parts[2 * i] = pairs[i]![0];
      parts[2 * i + 1] = rtFor(pairs[i]![1]);
    }
    ruby.append(...parts);
    return ruby;
  };

  const groups: Group[] = [];

  const replace = (text: Text, segments: Segment[]): Replacement | null => {
    const parent = text.parentNode;
    if (!parent || !segments.some((seg) => seg.pinyin)) return null;
    // One element per text node: one insertion now and one replacement to undo it, not one per word.
    const run = doc.createElement('span');
    run.className = RUN_CLASS;
    let rubies = 0;
    run.append(
      ...segments.map((seg) => {
        if (!seg.pinyin) return seg.text;
        rubies++;
        return rubyFor(seg.text, seg.pinyin);
      }),
    );
    parent.replaceChild(run, text);
    const r = { original: text, run, words: rubies };
    done.push(r);
    return r;
  };

  const roots = [root, ...(opts.also ?? [])];
  const annotateSubtree = (node: Node) => {
    const home = roots.find((r) => r === node || r.contains(node));
    if (!home || (node !== home && insideSkipped(node, home))) return;
    if (node === home && skipElement(home)) return;
    const texts = collect(node);
    if (texts.length === 0) return;
    const perNode = readingsPerNode(texts, opts, opts.contextFor);
    const runs = texts.map((text, i) => replace(text, perNode[i] ?? []));
    const settled = readingTexts(texts).every((t) => opts.contextFor?.(t) !== undefined);
    groups.push({ texts, data: texts.map((t) => t.data), runs, settled });
  };

  /** Rewrites the <rt> of each word whose reading changed; the ruby elements and their text stay. */
  const redraw = (r: Replacement, segments: Segment[]): number => {
    let changed = 0;
    let k = 0;
    const rubies = r.run.children;
    for (const seg of segments) {
      if (!seg.pinyin) continue;
      const ruby = rubies[k++];
      if (!ruby || ruby.localName !== 'ruby') continue;
      // Only over the very word it was read for: anything else in the run means the page changed it.
      if (rubyWord(ruby) !== seg.text) continue;
      if (rubyPinyin(ruby) === seg.pinyin) continue;
      // The <rt>s alone are rewritten: the characters, and so the page's text nodes, stay.
      const olds = [...ruby.children].filter((c) => c.localName === 'rt');
      const pairs = rubyPairs(seg.text, seg.pinyin);
      if (olds.length === pairs.length) pairs.forEach(([, reading], i) => ruby.replaceChild(rtFor(reading), olds[i]!));
      else r.run.replaceChild(rubyFor(seg.text, seg.pinyin), ruby);
      changed++;
    }
    return changed;
  };

  if (opts.initial !== false) for (const r of roots) annotateSubtree(r);

  return {
    annotateSubtree,
    get count() {
      return done.length;
    },
    get words() {
      // The page may have removed annotated text since (a paragraph re-rendered): count what is still there.
      let n = 0;
      for (const r of done) if (r.run.isConnected) n += r.words;
      return n;
    },
    textsWithoutContext() {
      // Groups the page has since removed or rewritten are dropped: nothing to redraw there.
      for (let k = groups.length - 1; k >= 0; k--) {
        const g = groups[k] as Group;
        if (g.runs.every((r) => !r?.run.isConnected) || g.texts.some((t, i) => t.data !== g.data[i])) groups.splice(k, 1);
      }
      return groups.filter((g) => !g.settled).flatMap((g) => readingTexts(g.texts));
    },
    applyContext(contextFor) {
      let changed = 0;
      for (const g of groups) {
        if (g.settled) continue;
        if (g.texts.some((t, i) => t.data !== g.data[i])) {
          g.settled = true;
          continue;
        }
        const wanted = readingTexts(g.texts);
        if (!wanted.every((t) => contextFor(t) !== undefined)) continue;
        g.settled = true;
        const perNode = readingsPerNode(g.texts, opts, contextFor);
        g.runs.forEach((r, i) => {
          if (r && r.run.isConnected) changed += redraw(r, perNode[i] ?? []);
        });
      }
      return changed;
    },
    shownReading(texts, from, to) {
      const syllables = new Array<string | null>(to - from).fill(null);
      const words: [number, number][] = [];
      const runs = new Set<Element>();
      let lastRuby: Element | null = null;
      let at = 0;
      for (const t of texts) {
        const start = at;
        at += t.data.length;
        if (at <= from) continue;
        if (start >= to) break;
        const parent = t.parentElement;
        const ruby = parent?.localName === 'ruby' && parent.parentElement?.classList.contains(RUN_CLASS) ? parent : null;
        const run = ruby ? ruby.parentElement! : parent?.classList.contains(RUN_CLASS) ? parent : null;
        const lo = Math.max(start, from);
        const hi = Math.min(at, to);
        if (!ruby) {
          // Text the annotator left without ruby is read nowhere: fine unless it holds Han it should have read.
          if (!run && HAN_SCRIPT.test(t.data.slice(lo - start, hi - start))) return null;
          if (run) runs.add(run);
          lastRuby = null;
          continue;
        }
        runs.add(run!);
        const rt = t.nextSibling;
        const shown = rt?.nodeType === ELEMENT_NODE && (rt as Element).localName === 'rt' ? (rt.textContent ?? '').trim().split(/\s+/) : [];
        if (shown.length !== t.data.length) return null;
        for (let i = lo; i < hi; i++) syllables[i - from] = shown[i - start]!;
        const last = words[words.length - 1];
        if (ruby === lastRuby && last) last[1] = hi - from;
        else words.push([lo - from, hi - from]);
        lastRuby = ruby;
      }
      if (at < to) return null;
      // Every run there must be in a group whose context readings are drawn.
      for (const r of runs) if (!groups.some((g) => g.settled && g.runs.some((x) => x?.run === r))) return null;
      return { syllables, words };
    },
    remove() {
      groups.length = 0;
      // Newest first, so a node annotated inside content added later comes back before its container's record is undone.
      for (let k = done.length - 1; k >= 0; k--) {
        const { original, run } = done[k] as Replacement;
        run.parentNode?.replaceChild(original, run);
      }
      done.length = 0;
    },
  };
}
