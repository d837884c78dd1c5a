/**
 * What every page of the three sites loads: content.js, built here as the production
 * build makes it. It must stay small, carry none of the big libraries (they come on
 * demand with the reader, the annotator and the page UI), and no test hook.
 */
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/build.ts';
import { TEST_HOOK_PATTERN, TEST_HOOKS } from '../../../scripts/test-hooks.ts';

const LIMIT_BYTES = 50 * 1024;
const ON_DEMAND_ONLY = ['valibot', 'pinyin-pro', '@mozilla/readability', 'dexie', 'preact', 'dom-chef', 'svg-tag-names', 'linkedom', 'parse5'];

describe('the always-loaded content script', async () => {
  const built = await esbuild.build({
    entryPoints: [join(ROOT, 'src/content/index.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome120', 'firefox128'],
    write: false,
    metafile: true,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"', __JIEDU_TEST_HOOKS__: 'false' },
  });
  const code = built.outputFiles[0]!.text;
  const packages = new Set(Object.keys(built.metafile.inputs).flatMap((path) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? []));

  it(`stays within ${LIMIT_BYTES / 1024} KB minified`, () => {
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(LIMIT_BYTES);
  });

  it('carries none of the libraries that load on demand', () => {
    for (const name of ON_DEMAND_ONLY) expect(packages, name).not.toContain(name);
    // The check reads real inputs: the polyfill is always there.
    expect(packages).toContain('webextension-polyfill');
  });

  it('carries no test hook in a production build', () => {
    expect(code).not.toMatch(TEST_HOOK_PATTERN);
  });

  it('knows every test hook the code sets', () => {
    // Each name on the list is one the sources still use: a hook renamed would leave the checks looking for nothing.
    const sources = execFileSync('git', ['grep', '-h', '-o', '-E', 'jiedu[A-Z][A-Za-z]+', '--', 'src'], { cwd: ROOT, encoding: 'utf8' });
    for (const name of TEST_HOOKS) expect(sources, name).toContain(name);
  });
});
