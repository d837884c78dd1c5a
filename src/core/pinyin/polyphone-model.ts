/**
 * The context model for polyphones: a one-layer bidirectional LSTM over characters with
 * a two-layer classifier on the polyphone's position (the g2pM architecture; weights
 * released by its authors under Apache-2.0, trained on the CPP train split, converted by
 * scripts/convert-polyphone-model.py). Inference is plain TypeScript over typed arrays:
 * no runtime, no WebAssembly, nothing to download.
 *
 * The model only chooses among the readings CC-CEDICT lists for the character (its
 * `candidates`): an unrestricted argmax over all 876 syllables can pick a reading the
 * character never has.
 */

interface TensorInfo {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int8';
  offset: number;
}

/** model.json: everything but the weights. */
export interface PolyphoneModelMeta {
  source: string;
  /** Characters (and special tokens) by id. */
  vocab: string[];
  unk: number;
  bos: number;
  eos: number;
  /** Readings by class id, tone as a digit, neutral tone 5, ü as v (`lv4`). */
  classes: string[];
  /** Each polyphone's candidate classes. */
  candidates: Record<string, number[]>;
  tensors: TensorInfo[];
}

export interface PolyphonePrediction {
  /** Reading with a tone digit, as in `classes` (`wei2`, `de5`, `lv4`). */
  reading: string;
  /** Softmax probability of that reading among the candidates (0…1). */
  p: number;
}

const HIDDEN = 32;
const GATES = 4 * HIDDEN;

/** Broken or foreign data gets one clear error instead of wrong readings later. */
export class PolyphoneModelError extends Error {}

interface Direction {
  wih: Float32Array; // [GATES, EMB]
  whh: Float64Array; // [GATES, HIDDEN], widened once: V8 multiplies doubles without conversions
  bias: Float32Array; // [GATES]
  /** Input projection per character id, filled on first use: Wih·e + b. */
  proj: Float64Array;
  filled: Uint8Array;
}

/**
 * tanh from a table with linear interpolation: the LSTM calls it five times per unit and
 * step (sigmoid(x) = (1 + tanh(x/2)) / 2), and Math.tanh is most of the run time. The
 * table's error (under 1e-6 over [-10, 10], ±1 outside) changes no prediction of the
 * reference set (tests/unit/core/pinyin/polyphone-model.test.ts).
 */
const TANH_RANGE = 10;
const TANH_STEPS = 8192;
const TANH_SCALE = TANH_STEPS / (2 * TANH_RANGE);
const TANH_TABLE = new Float64Array(TANH_STEPS + 2);
for (let i = 0; i <= TANH_STEPS + 1; i++) TANH_TABLE[i] = Math.tanh(i / TANH_SCALE - TANH_RANGE);

function tanh(x: number): number {
  if (x <= -TANH_RANGE) return -1;
  if (x >= TANH_RANGE) return 1;
  const f = (x + TANH_RANGE) * TANH_SCALE;
  const i = f | 0;
  const a = TANH_TABLE[i]!;
  return a + (TANH_TABLE[i + 1]! - a) * (f - i);
}

const sigmoid = (x: number): number => 0.5 + 0.5 * tanh(0.5 * x);

export class PolyphoneModel {
  private readonly ids = new Map<string, number>();
  private readonly candidates = new Map<string, Int32Array>();
  private readonly emb: Int8Array;
  private readonly embScale: Float32Array;
  private readonly embDim: number;
  private readonly fw: Direction;
  private readonly bw: Direction;
  private readonly fc1w: Float32Array;
  private readonly fc1b: Float32Array;
  private readonly fc2w: Float32Array;
  private readonly fc2b: Float32Array;
  private readonly fcHidden: number;

  constructor(
    readonly meta: PolyphoneModelMeta,
    weights: ArrayBuffer,
  ) {
    meta.vocab.forEach((ch, i) => this.ids.set(ch, i));
    for (const [ch, list] of Object.entries(meta.candidates)) {
      if (list.some((c) => meta.classes[c] === undefined)) throw new PolyphoneModelError(`candidate of ${ch} is not a class`);
      this.candidates.set(ch, Int32Array.from(list));
    }
    const tensor = <T extends Float32Array | Int8Array>(name: string, size: number, kind: 'float32' | 'int8'): T => {
      const t = meta.tensors.find((x) => x.name === name);
      if (!t || t.dtype !== kind) throw new PolyphoneModelError(`tensor ${name} missing`);
      const n = t.shape.reduce((a, b) => a * b, 1);
      if (n !== size && size !== -1) throw new PolyphoneModelError(`tensor ${name} has shape ${t.shape.join('×')}`);
      const bytes = n * (kind === 'int8' ? 1 : 4);
      if (t.offset + bytes > weights.byteLength || t.offset % 4 !== 0) throw new PolyphoneModelError(`tensor ${name} out of range`);
      return (kind === 'int8' ? new Int8Array(weights, t.offset, n) : new Float32Array(weights, t.offset, n)) as T;
    };
    const embInfo = meta.tensors.find((x) => x.name === 'embedding');
    this.embDim = embInfo?.shape[1] ?? 0;
    const vocab = meta.vocab.length;
    if (embInfo?.shape[0] !== vocab || this.embDim <= 0) throw new PolyphoneModelError('embedding does not match the vocabulary');
    this.emb = tensor<Int8Array>('embedding', vocab * this.embDim, 'int8');
    this.embScale = tensor<Float32Array>('embedding.scale', vocab, 'float32');
    const direction = (d: string): Direction => ({
      wih: tensor<Float32Array>(`${d}.wih`, GATES * this.embDim, 'float32'),
      whh: Float64Array.from(tensor<Float32Array>(`${d}.whh`, GATES * HIDDEN, 'float32')),
      bias: tensor<Float32Array>(`${d}.bias`, GATES, 'float32'),
      proj: new Float64Array(vocab * GATES),
      filled: new Uint8Array(vocab),
    });
    this.fw = direction('fw');
    this.bw = direction('bw');
    this.fc1b = tensor<Float32Array>('fc1.b', -1, 'float32');
    this.fcHidden = this.fc1b.length;
    this.fc1w = tensor<Float32Array>('fc1.w', this.fcHidden * 2 * HIDDEN, 'float32');
    this.fc2w = tensor<Float32Array>('fc2.w', meta.classes.length * this.fcHidden, 'float32');
    this.fc2b = tensor<Float32Array>('fc2.b', meta.classes.length, 'float32');
  }

  /** Is `char` a polyphone the model can decide? */
  covers(char: string): boolean {
    return this.candidates.has(char);
  }

  /** The candidate readings of a polyphone, tone digits (`wei2`, `wei4`). */
  readingsOf(char: string): string[] {
    return [...(this.candidates.get(char) ?? [])].map((c) => this.meta.classes[c] ?? '');
  }

  /**
   * The reading of each polyphone at `targets` (indices into `chars`, one character per
   * code point) in the context of the whole sequence. Targets the model does not cover
   * get null.
   */
  predict(chars: readonly string[], targets: readonly number[]): (PolyphonePrediction | null)[] {
    const wanted = targets.filter((t) => this.covers(chars[t] ?? ''));
    if (wanted.length === 0) return targets.map(() => null);
    const n = chars.length + 2;
    const seq = new Int32Array(n);
    seq[0] = this.meta.bos;
    for (let i = 0; i < chars.length; i++) seq[i + 1] = this.ids.get(chars[i] ?? '') ?? this.meta.unk;
    seq[n - 1] = this.meta.eos;
    // Forward states are needed up to the last target, backward ones down to the first.
    const last = Math.max(...wanted) + 1;
    const first = Math.min(...wanted) + 1;
    const fwH = new Float32Array(n * HIDDEN);
    const bwH = new Float32Array(n * HIDDEN);
    this.run(this.fw, seq, fwH, 0, last, 1);
    this.run(this.bw, seq, bwH, n - 1, first, -1);
    const out = new Float32Array(2 * HIDDEN);
    const hidden = new Float32Array(this.fcHidden);
    return targets.map((t) => {
      const cands = this.candidates.get(chars[t] ?? '');
      if (!cands) return null;
      const pos = t + 1;
      out.set(fwH.subarray(pos * HIDDEN, pos * HIDDEN + HIDDEN), 0);
      out.set(bwH.subarray(pos * HIDDEN, pos * HIDDEN + HIDDEN), HIDDEN);
      for (let j = 0; j < this.fcHidden; j++) {
        let s = this.fc1b[j] ?? 0;
        const row = j * 2 * HIDDEN;
        for (let k = 0; k < 2 * HIDDEN; k++) s += (this.fc1w[row + k] ?? 0) * (out[k] ?? 0);
        hidden[j] = s > 0 ? s : 0;
      }
      let best = -1;
      let bestLogit = -Infinity;
      const logits = new Float64Array(cands.length);
      for (let c = 0; c < cands.length; c++) {
        const cls = cands[c] ?? 0;
        let s = this.fc2b[cls] ?? 0;
        const row = cls * this.fcHidden;
        for (let k = 0; k < this.fcHidden; k++) s += (this.fc2w[row + k] ?? 0) * (hidden[k] ?? 0);
        logits[c] = s;
        if (s > bestLogit) {
          bestLogit = s;
          best = cls;
        }
      }
      let sum = 0;
      for (const l of logits) sum += Math.exp(l - bestLogit);
      return { reading: this.meta.classes[best] ?? '', p: 1 / sum };
    });
  }

  /** Run one direction from `from` to `to` (inclusive), writing each step's h. */
  private run(d: Direction, seq: Int32Array, hs: Float32Array, from: number, to: number, step: 1 | -1): void {
    const h = new Float64Array(HIDDEN);
    const c = new Float64Array(HIDDEN);
    const g = new Float64Array(GATES);
    const whh = d.whh;
    for (let t = from; step > 0 ? t <= to : t >= to; t += step) {
      const id = seq[t] ?? 0;
      const proj = this.projection(d, id);
      const base = id * GATES;
      for (let r = 0; r < GATES; r++) {
        let s = proj[base + r]!;
        const row = r * HIDDEN;
        for (let k = 0; k < HIDDEN; k++) s += whh[row + k]! * h[k]!;
        g[r] = s;
      }
      // PyTorch's gate order: input, forget, cell, output.
      for (let k = 0; k < HIDDEN; k++) {
        const i = sigmoid(g[k]!);
        const f = sigmoid(g[HIDDEN + k]!);
        const cell = tanh(g[2 * HIDDEN + k]!);
        const o = sigmoid(g[3 * HIDDEN + k]!);
        const ck = f * c[k]! + i * cell;
        c[k] = ck;
        h[k] = o * tanh(ck);
      }
      hs.set(h, t * HIDDEN);
    }
  }

  /** Wih·embedding(id) + bias, computed once per character and direction. */
  private projection(d: Direction, id: number): Float64Array {
    if (d.filled[id]) return d.proj;
    const dim = this.embDim;
    const scale = this.embScale[id] ?? 0;
    const e = this.emb.subarray(id * dim, id * dim + dim);
    for (let r = 0; r < GATES; r++) {
      let s = d.bias[r] ?? 0;
      const row = r * dim;
      for (let k = 0; k < dim; k++) s += (d.wih[row + k] ?? 0) * (e[k] ?? 0) * scale;
      d.proj[id * GATES + r] = s;
    }
    d.filled[id] = 1;
    return d.proj;
  }
}
