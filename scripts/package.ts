/** Zips each browser's production build for its store (run after `build --production`; `npm run package` does both). */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT } from './build.ts';

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
for (const browser of ['chrome', 'firefox']) {
  const dir = join(DIST, browser);
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no build in ${dir}: run npm run build:prod first`);
  if (readFileSync(join(dir, 'background.js'), 'utf8').includes('sourceMappingURL')) throw new Error(`${dir} is a development build: run npm run build:prod first`);
  const run = spawnSync(
    'npx',
    ['web-ext', 'build', '--source-dir', dir, '--artifacts-dir', join(ROOT, 'web-ext-artifacts'), '--filename', `jiedu-${browser}-${version}.zip`, '--overwrite-dest'],
    { stdio: 'inherit', cwd: ROOT },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
}
