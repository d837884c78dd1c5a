/** `web-ext lint` of the Firefox build, one line per finding; fails on any error. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DIST, ROOT } from './build.ts';

interface Finding {
  code: string;
  message: string;
  file?: string;
  line?: number;
}
const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', join(DIST, 'firefox'), '--output', 'json'], { cwd: ROOT, encoding: 'utf8' });
let report: { errors: Finding[]; warnings: Finding[]; notices: Finding[] };
try {
  report = JSON.parse(run.stdout) as typeof report;
} catch {
  process.stderr.write(run.stdout + run.stderr);
  process.exit(1);
}
const line = (kind: string, f: Finding) => `${kind} ${f.code} ${f.file ?? ''}${f.line ? `:${f.line}` : ''} — ${f.message}`;
for (const f of report.errors) console.log(line('error  ', f));
for (const f of report.warnings) console.log(line('warning', f));
console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`);
process.exitCode = report.errors.length === 0 ? 0 : 1;
