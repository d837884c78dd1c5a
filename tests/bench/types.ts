/**
 * A benchmark case. Node cases run in this process; Chromium cases run through the
 * same browser harness as the end-to-end tests (see tests/bench/browser.ts).
 * Each case is measured beside its baseline in the same run and reported as a ratio.
 */
export interface NodeBenchCase {
  /** Row label in the results table, e.g. "pinyin: annotate seed 001". */
  name: string;
  /** Target, shown beside the figure, e.g. "≤ 1 ms". */
  target?: string;
  /** Runs once before timing. */
  setup?: () => unknown | Promise<unknown>;
  /** The work measured; timed per call, median over runs. */
  fn: () => unknown;
  /** What the same job costs done the plain way, measured in the same run. */
  baseline?: { name: string; fn: () => unknown };
  runs?: number;
}

export interface NodeBenchSuite {
  suite: string;
  cases: NodeBenchCase[];
}
