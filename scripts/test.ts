/**
 * `npm test`: typecheck, lint (ESLint, knip), unit tests, build, browser tests in headless Chromium and
 * headless Firefox, and web-ext lint of the Firefox build. Runs every step even after
 * a failure, then prints one summary line (counting both browsers) and exits non-zero
 * if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './build.ts';

interface Step {
  name: string;
  cmd: string[];
  env?: Record<string, string>;
  /** Vitest JSON report to count tests from; a step without one counts as one check. */
  report?: string;
}

const reports = join(ROOT, 'tests/artifacts/reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const vitest = (config: string, name: string): string[] => ['npx', 'vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, `${name}.json`)}`];

const steps: Step[] = [
  { name: 'typecheck', cmd: ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint', cmd: ['npx', 'eslint', '.'] },
  // Files, exports and dependencies nothing uses, from the build's entries (knip.jsonc).
  { name: 'knip', cmd: ['npx', 'knip'] },
  // The code's layout, as Prettier writes it (.prettierrc.json; npm run format rewrites it).
  { name: 'format', cmd: ['npx', 'prettier', '--check', '.'] },
  { name: 'unit', cmd: vitest('vitest.config.ts', 'unit'), report: join(reports, 'unit.json') },
  { name: 'build', cmd: ['npx', 'tsx', 'scripts/build.ts'] },
  // Every browser test file in Chromium; the scenarios written for both browsers (tests/e2e/both) in Firefox too.
  { name: 'browser (chromium)', cmd: vitest('vitest.e2e.config.ts', 'chromium'), env: { JIEDU_BROWSERS: 'chromium' }, report: join(reports, 'chromium.json') },
  { name: 'browser (firefox)', cmd: [...vitest('vitest.e2e.config.ts', 'firefox'), 'tests/e2e/both'], env: { JIEDU_BROWSERS: 'firefox' }, report: join(reports, 'firefox.json') },
  { name: 'firefox-lint', cmd: ['npx', 'tsx', 'scripts/lint-firefox.ts'] },
];

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTotalTests: number;
  testResults?: { name: string; assertionResults?: { fullName: string; status: string }[] }[];
}

let passed = 0;
let failed = 0;
const lines: string[] = [];
const browsers: string[] = [];
const failures: string[] = [];
for (const step of steps) {
  const envText = Object.entries(step.env ?? {})
    .map(([k, v]) => `${k}=${v} `)
    .join('');
  process.stdout.write(`\n=== ${step.name}: ${envText}${step.cmd.join(' ')}\n`);
  const started = Date.now();
  const run = spawnSync(step.cmd[0]!, step.cmd.slice(1), { cwd: ROOT, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0', ...step.env } });
  const ok = run.status === 0;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (step.report && existsSync(step.report)) {
    const r = JSON.parse(readFileSync(step.report, 'utf8')) as VitestReport;
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    // A runner that failed without a failing test (a crash, a file that did not load) still fails the run.
    if (!ok && r.numFailedTests === 0) failed += 1;
    if (r.numTotalTests === 0) failed += 1;
    lines.push(`${ok ? 'ok  ' : 'FAIL'} ${step.name}: ${r.numPassedTests}/${r.numTotalTests} tests${r.numPendingTests ? `, ${r.numPendingTests} skipped` : ''} (${secs} s)`);
    // The failing tests' names go into the summary too: CI may keep only the end of the output.
    for (const file of r.testResults ?? []) {
      for (const t of file.assertionResults ?? []) {
        if (t.status === 'failed') failures.push(`  ${step.name}: ${relative(ROOT, file.name)} › ${t.fullName}`);
      }
    }
    if (step.name.startsWith('browser')) browsers.push(`${step.name.replace(/^browser \((.*)\)$/, '$1')} ${r.numPassedTests}/${r.numTotalTests}`);
  } else {
    if (ok) passed += 1;
    else failed += 1;
    lines.push(`${ok ? 'ok  ' : 'FAIL'} ${step.name} (${secs} s)`);
  }
}
process.stdout.write(`\n${lines.join('\n')}\n`);
if (failures.length > 0) process.stdout.write(`failed:\n${failures.join('\n')}\n`);
process.stdout.write(`jiedu: ${passed} passed, ${failed} failed (browser tests: ${browsers.join(', ') || 'none ran'})\n`);
process.exitCode = failed === 0 ? 0 : 1;
