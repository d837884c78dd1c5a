/**
 * Finds glossary terms in running text with one Aho–Corasick automaton built
 * once per glossary, so a page is scanned in a single pass however many terms
 * there are.
 *
 * Results are leftmost-longest: scanning left to right, at each position the
 * longest term starting there wins and the scan resumes after it, so matches
 * never overlap (新时代全面战略合作伙伴关系 beats 全面战略合作伙伴关系 beats
 * 全面战略伙伴 …). Offsets are UTF-16 code units, like String.prototype.slice.
 */
import type { GlossaryEntry } from './types.ts';

export interface TermMatch {
  /** The entry's simplified headword (also when the text used its traditional form). */
  term: string;
  start: number;
  end: number;
}

export interface GlossaryMatcher<E extends GlossaryEntry = GlossaryEntry> {
  scan(text: string): TermMatch[];
  /** The entry for a match's `term`. */
  entry(term: string): E | undefined;
  readonly entries: readonly E[];
}

/**
 * Sources write the same dash, plus and middle dot several ways (中国—中亚,
 * 中国－中亚, 中国-中亚). Folding them to one code unit each keeps offsets
 * unchanged while letting one pattern match every spelling.
 */
const FOLD = new Map<number, number>([
  [0x2d, 0x2014], // -
  [0x2010, 0x2014], // ‐
  [0x2011, 0x2014], // ‑
  [0x2012, 0x2014], // ‒
  [0x2013, 0x2014], // –
  [0x2015, 0x2014], // ―
  [0xfe58, 0x2014], // ﹘
  [0xff0d, 0x2014], // －
  [0xff0b, 0x2b], // ＋
  [0x30fb, 0xb7], // ・
  [0x2027, 0xb7], // ‧
  [0x2022, 0xb7], // •
  [0x2c, 0xff0c], // ,
]);

function foldCode(code: number): number {
  return FOLD.get(code) ?? code;
}

/** The folded form of a string, same length; used wherever terms are compared with text. */
export function foldText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(foldCode(s.charCodeAt(i)));
  return out;
}

export function buildMatcher<E extends GlossaryEntry>(entries: readonly E[]): GlossaryMatcher<E> {
  // Transitions of every node live in one Map keyed by node * 2^16 + code unit:
  // cheaper than a Map per node and no hashing of strings.
  const next = new Map<number, number>();
  const childCodes: number[][] = [[]];
  const depth: number[] = [0];
  const termOf: number[] = [-1];
  const byTerm = new Map<string, E>();

  const add = (pattern: string, index: number): void => {
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const code = foldCode(pattern.charCodeAt(i));
      const key = node * 0x10000 + code;
      let child = next.get(key);
      if (child === undefined) {
        child = depth.length;
        next.set(key, child);
        childCodes[node]?.push(code);
        childCodes.push([]);
        depth.push(depth[node]! + 1);
        termOf.push(-1);
      }
      node = child;
    }
    // The first entry to claim a surface form keeps it; the build rejects such clashes anyway.
    if (termOf[node] === -1) termOf[node] = index;
  };

  entries.forEach((e, i) => {
    if (!byTerm.has(e.simplified)) byTerm.set(e.simplified, e);
    add(e.simplified, i);
    if (e.traditional && e.traditional !== e.simplified) add(e.traditional, i);
  });

  const size = depth.length;
  const fail = new Int32Array(size);
  // Nearest proper suffix node that ends a term, or -1.
  const out = new Int32Array(size).fill(-1);
  const queue: number[] = [];
  for (const code of childCodes[0] ?? []) {
    const child = next.get(code)!;
    fail[child] = 0;
    queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const code of childCodes[node] ?? []) {
      const child = next.get(node * 0x10000 + code)!;
      let f = fail[node]!;
      let target = next.get(f * 0x10000 + code);
      while (target === undefined && f !== 0) {
        f = fail[f]!;
        target = next.get(f * 0x10000 + code);
      }
      const fc = target ?? 0;
      fail[child] = fc;
      out[child] = termOf[fc] !== -1 ? fc : out[fc]!;
      queue.push(child);
    }
  }

  const scan = (text: string): TermMatch[] => {
    const n = text.length;
    // Longest term starting at each position, found from the terms' end positions.
    const bestLen = new Int32Array(n);
    const bestTerm = new Int32Array(n);
    let node = 0;
    for (let i = 0; i < n; i++) {
      const code = foldCode(text.charCodeAt(i));
      let target = next.get(node * 0x10000 + code);
      while (target === undefined && node !== 0) {
        node = fail[node]!;
        target = next.get(node * 0x10000 + code);
      }
      node = target ?? 0;
      for (let o = termOf[node] !== -1 ? node : out[node]!; o > 0; o = out[o]!) {
        const len = depth[o]!;
        const start = i + 1 - len;
        if (len > bestLen[start]!) {
          bestLen[start] = len;
          bestTerm[start] = termOf[o]!;
        }
      }
    }
    const matches: TermMatch[] = [];
    for (let i = 0; i < n;) {
      const len = bestLen[i]!;
      if (len === 0) {
        i++;
        continue;
      }
      matches.push({ term: entries[bestTerm[i]!]!.simplified, start: i, end: i + len });
      i += len;
    }
    return matches;
  };

  return { scan, entry: (term) => byTerm.get(term), entries };
}
