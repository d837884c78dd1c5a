/**
 * `npm run bench`: runs every suite in tests/bench (Node in this process,
 * Chromium through the browser harness), prints one table of medians with the
 * machine noted, and writes it to tests/bench/results.md.
 * Each figure stands beside a baseline measured in the same run, as a ratio.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, totalmem, platform, release } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { ROOT } from './build.ts';
import { CHROMIUM_PATH } from './browser.ts';
import type { NodeBenchSuite } from '../tests/bench/types.ts';

export interface Row {
  suite: string;
  name: string;
  where: 'node' | 'chromium';
  median: number;
  unit: 'ms' | 'KB' | '%' | 'score';
  baselineName?: string;
  baseline?: number;
  target?: string;
  runs: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Times `fn` `runs` times after a few warm-up calls; returns the median in ms. */
export function timeMedian(fn: () => unknown, runs: number): number {
  for (let i = 0; i < Math.min(5, runs); i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function fmt(n: number, unit: Row['unit']): string {
  if (unit === 'KB') return `${n.toFixed(1)} KB`;
  if (unit === '%') return `${n.toFixed(2)} %`;
  if (unit === 'score') return n.toFixed(4);
  return n >= 100 ? `${n.toFixed(0)} ms` : n >= 1 ? `${n.toFixed(2)} ms` : `${(n * 1000).toFixed(1)} µs`;
}

function machine(): string {
  let chromium = 'not found';
  try {
    chromium = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    /* reported as not found */
  }
  const cpu = cpus();
  return `${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, Node ${process.version}, ${chromium}`;
}

export function table(rows: Row[]): string {
  const head = '| suite | measurement | where | median | baseline (same run) | baseline median | ratio | target | runs |\n|---|---|---|---|---|---|---|---|---|';
  const body = rows.map((r) => {
    const ratio = r.baseline !== undefined && r.baseline > 0 ? `${(r.median / r.baseline).toPrecision(2)}×` : '';
    return `| ${r.suite} | ${r.name} | ${r.where} | ${fmt(r.median, r.unit)} | ${r.baselineName ?? ''} | ${r.baseline !== undefined ? fmt(r.baseline, r.unit) : ''} | ${ratio} | ${r.target ?? ''} | ${r.runs} |`;
  });
  return [head, ...body].join('\n');
}

async function nodeSuites(filter: string | undefined): Promise<Row[]> {
  const dir = join(ROOT, 'tests/bench');
  const rows: Row[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()) {
    if (filter && !file.includes(filter)) continue;
    // eslint-disable-next-line no-unsanitized/method -- the bench's own suite files
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { suite?: NodeBenchSuite; extraRows?: () => Promise<Row[]> | Row[] };
    if (mod.suite) {
      for (const c of mod.suite.cases) {
        await c.setup?.();
        const runs = c.runs ?? 30;
        const row: Row = { suite: mod.suite.suite, name: c.name, where: 'node', median: timeMedian(c.fn, runs), unit: 'ms', runs, ...(c.target ? { target: c.target } : {}) };
        if (c.baseline) {
          row.baselineName = c.baseline.name;
          row.baseline = timeMedian(c.baseline.fn, runs);
        }
        rows.push(row);
        process.stderr.write(`  ${row.suite}: ${row.name}: ${fmt(row.median, 'ms')}\n`);
      }
    }
    if (mod.extraRows) rows.push(...(await mod.extraRows()));
  }
  return rows;
}

// `npm run bench -- <name>`: the Node suites whose file name contains it, and Chromium when it is part of "chromium".
// `review` and `library` run only that page's suite in Chromium, `extraction` only detection and extraction on the real pages,
// `lookup` only the look-up card's click to paint.
const filter = process.argv[2];
const pageSuite = filter === 'review' || filter === 'library' || filter === 'extraction' || filter === 'lookup' ? filter : undefined;
process.stderr.write('running Node benchmarks…\n');
const rows = filter === 'extraction' || filter === 'lookup' ? [] : await nodeSuites(filter);
if (!filter || 'chromium'.includes(filter) || pageSuite) {
  process.stderr.write('running Chromium benchmarks…\n');
  const { chromiumRows } = await import('../tests/bench/chromium.ts');
  rows.push(...(await chromiumRows(pageSuite)));
}
const md = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine()}.`,
  '',
  'Medians over the number of runs shown; every baseline was measured in the same run on the same input; ratio = ours ÷ baseline.',
  '',
  table(rows),
  '',
].join('\n');
// Only a full run replaces the recorded results.
if (!filter) writeFileSync(join(ROOT, 'tests/bench/results.md'), md);
process.stdout.write(md);
