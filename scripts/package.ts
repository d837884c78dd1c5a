/**
 * Zips each browser's production build for its store (run after `build --production`;
 * `npm run package` does both), and the source zip addons.mozilla.org asks for with a
 * minified add-on: the committed tree, from which `npm ci && npm run package` rebuilds
 * dist/firefox (see the README's "Building from the source").
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT } from './build.ts';
import { TEST_HOOK_PATTERN } from './test-hooks.ts';

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const artifacts = join(ROOT, 'web-ext-artifacts');
for (const browser of ['chrome', 'firefox']) {
  const dir = join(DIST, browser);
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no build in ${dir}: run npm run build:prod first`);
  if (readFileSync(join(dir, 'background.js'), 'utf8').includes('sourceMappingURL')) throw new Error(`${dir} is a development build: run npm run build:prod first`);
  // The hooks browser tests and the bench use must not ship (the build leaves them out of production).
  for (const file of ['background.js', 'content.js', 'content-full.js', 'lazy/page-ui.js']) {
    const hook = TEST_HOOK_PATTERN.exec(readFileSync(join(dir, file), 'utf8'));
    if (hook) throw new Error(`${dir}/${file} holds the test hook ${hook[0]}: build with npm run build:prod`);
  }
  const run = spawnSync('npx', ['web-ext', 'build', '--source-dir', dir, '--artifacts-dir', artifacts, '--filename', `jiedu-${browser}-${version}.zip`, '--overwrite-dest'], {
    stdio: 'inherit',
    cwd: ROOT,
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

// The source for AMO's reviewers: every committed file (no node_modules, no build output).
mkdirSync(artifacts, { recursive: true });
const source = join(artifacts, `jiedu-source-${version}.zip`);
const archive = spawnSync('git', ['archive', '--format=zip', `--prefix=jiedu-${version}/`, '-o', source, 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
if (archive.status !== 0) {
  process.stderr.write(archive.stderr);
  throw new Error('git archive failed: the source zip needs a git checkout');
}
const changed = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).stdout.trimEnd();
if (changed) {
  console.warn(`warning: the source zip holds the last commit, but these files differ from it, so the add-on zip may not match:\n${changed}`);
}
console.log(`source for addons.mozilla.org: ${source}`);
