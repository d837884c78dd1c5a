/**
 * Checking typed pinyin against a word's reading, syllable by syllable. The reader may type tone
 * marks (wàijiāo), tone numbers (wai4jiao1, wai4 jiao1) or mix them; syllables need no spaces
 * (they are found with the table of Mandarin syllables). A syllable with the right letters and
 * the wrong tone is a tone error, shown as such, not a wrong syllable.
 */
import { stripTone, toneOf } from '../pinyin/syllable.ts';

const SYLLABLES = new Set(
  `a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo
cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo
e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo
ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun
ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lü lüe
ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nü nüe
o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun
ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng si song sou su suan sui sun suo
sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo
wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun
za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo
m n ng hm hng r`.split(/\s+/),
);
const LONGEST = 6;

type Tone = 1 | 2 | 3 | 4 | 5;
/** A typed syllable: its letters and its tone, or null when none was typed. */
export interface TypedSyllable {
  letters: string;
  tone: Tone | null;
}

/** Letters as the table writes them: lower case, ü for v and u:. */
function normalizeLetters(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/u:/g, 'ü').replace(/v/g, 'ü');
}

/**
 * Cuts letters into table syllables, preferring `want` syllables when the letters allow it
 * (xian against 西安 is xi an), else the fewest. Null when they cannot be cut.
 */
function cut(letters: string, want: number | null): string[] | null {
  // best[i]: for each syllable count, one way of cutting letters[i..].
  const memo = new Map<number, Map<number, string[]>>();
  const from = (i: number): Map<number, string[]> => {
    const seen = memo.get(i);
    if (seen) return seen;
    const ways = new Map<number, string[]>();
    if (i === letters.length) ways.set(0, []);
    for (let len = Math.min(LONGEST, letters.length - i); len >= 1; len--) {
      const s = letters.slice(i, i + len);
      if (!SYLLABLES.has(s)) continue;
      for (const [n, rest] of from(i + len)) if (!ways.has(n + 1)) ways.set(n + 1, [s, ...rest]);
    }
    memo.set(i, ways);
    return ways;
  };
  const ways = from(0);
  if (ways.size === 0) return null;
  if (want !== null && ways.has(want)) return ways.get(want)!;
  return ways.get(Math.min(...ways.keys()))!;
}

/** The letters cut as the expected syllables from index `from` cut them, when they are exactly those. */
function followHint(letters: string, hint: readonly string[], from: number): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (let e = from; e < hint.length && i < letters.length; e++) {
    const h = hint[e]!;
    if (!letters.startsWith(h, i)) return null;
    out.push(h);
    i += h.length;
  }
  return i === letters.length && out.length > 0 ? out : null;
}

/** What the reader typed, as syllables with the tones typed (marks or numbers). Unknown letters stay one syllable. */
export function parseTyped(input: string, want: number | null = null, hint: readonly string[] = []): TypedSyllable[] {
  // Chunks end at a separator or after a tone number.
  const chunks = normalizeLetters(input).match(/[^\s'’\-·.,，0-9]+[0-5]?|[0-5]/g) ?? [];
  const letterGroups: { marked: string; digit: Tone | null }[] = chunks
    .map((c) => {
      const m = /^(.*?)([0-5])?$/.exec(c)!;
      const d = m[2];
      return { marked: m[1] ?? '', digit: d === undefined ? null : d === '0' ? 5 : (Number(d) as Tone) };
    })
    .filter((g) => g.marked.length > 0);
  const out: TypedSyllable[] = [];
  letterGroups.forEach((g, gi) => {
    // Tone marks sit on letters: note which base letter carried which tone, then cut the bare letters.
    const bare: string[] = [];
    const marks: (Tone | null)[] = [];
    for (const ch of g.marked) {
      const b = stripTone(ch);
      const tone = b !== ch ? toneOf(ch) : null;
      bare.push(b);
      marks.push(tone);
    }
    const letters = bare.join('');
    const remainingWant = want === null ? null : Math.max(1, want - out.length - (letterGroups.length - gi - 1));
    const syllables = followHint(letters, hint, out.length) ?? cut(letters, remainingWant) ?? [letters];
    let at = 0;
    syllables.forEach((s, k) => {
      const marked = marks.slice(at, at + s.length).find((x) => x !== null) ?? null;
      const digit = k === syllables.length - 1 ? g.digit : null;
      out.push({ letters: s, tone: digit ?? marked });
      at += s.length;
    });
  });
  return out;
}

export type SyllableVerdict = 'right' | 'tone' | 'wrong' | 'missing' | 'extra';
interface SyllableCheck {
  /** The expected syllable as stored (its tone style), or '' for an extra one typed. */
  expected: string;
  /** What was typed in its place ('' when nothing was). */
  typed: string;
  verdict: SyllableVerdict;
}

export interface PinyinCheck {
  correct: boolean;
  syllables: SyllableCheck[];
  /** Syllables right but for the tone. */
  toneErrors: number;
}

function show(s: TypedSyllable): string {
  return s.tone === null ? s.letters : `${s.letters}${s.tone}`;
}

/**
 * Checks `input` against `expected` (the saved form: one syllable per character, separated by
 * spaces, in any tone style). When the expected pinyin carries no tones, tones are not checked;
 * a neutral tone may be typed as 5, 0 or nothing.
 */
export function checkPinyin(expected: string, input: string): PinyinCheck {
  const want = expected.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  const wantParsed = want.map((s) => ({ letters: normalizeLetters(stripTone(s)), tone: toneOf(s), raw: s }));
  const tonesKnown = want.some((s) => /[0-5]$/.test(s) || stripTone(s) !== s);
  const typed = parseTyped(
    input,
    want.length,
    wantParsed.map((w) => w.letters),
  );
  const syllables: SyllableCheck[] = [];
  let toneErrors = 0;
  for (let k = 0; k < Math.max(want.length, typed.length); k++) {
    const w = wantParsed[k];
    const t = typed[k];
    if (!w) {
      syllables.push({ expected: '', typed: t ? show(t) : '', verdict: 'extra' });
      continue;
    }
    if (!t) {
      syllables.push({ expected: w.raw, typed: '', verdict: 'missing' });
      continue;
    }
    let verdict: SyllableVerdict = 'right';
    if (t.letters !== w.letters) verdict = 'wrong';
    else if (tonesKnown && (t.tone ?? 5) !== w.tone) {
      verdict = 'tone';
      toneErrors++;
    }
    syllables.push({ expected: w.raw, typed: show(t), verdict });
  }
  return { correct: syllables.every((s) => s.verdict === 'right'), syllables, toneErrors };
}
