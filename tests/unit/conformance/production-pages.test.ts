/**
 * The popup and the library as `npm run package` builds them: no way in that only tests
 * use (the popup's ?tab= override, the library's attribute naming the query on screen),
 * while the same sources built with the hooks keep them (so the check reads real code).
 */
import * as esbuild from 'esbuild';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/build.ts';

async function bundle(entry: string, testHooks: boolean): Promise<string> {
  const built = await esbuild.build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['chrome120', 'firefox128'],
    write: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
    loader: { '.css': 'empty' },
    define: { 'process.env.NODE_ENV': '"production"', __JIEDU_TEST_HOOKS__: JSON.stringify(testHooks) },
  });
  return built.outputFiles[0]!.text;
}

const TAB_OVERRIDE = /\.get\(["']tab["']\)/;
const SHOWN_QUERY = /"data-shown-query":[^v]/;

describe('pages built for release', () => {
  it('the popup describes the active tab only: no ?tab= override', async () => {
    expect(await bundle('src/popup/index.tsx', false)).not.toMatch(TAB_OVERRIDE);
    expect(await bundle('src/popup/index.tsx', true)).toMatch(TAB_OVERRIDE);
  });

  it('the library writes no attribute for the bench', async () => {
    expect(await bundle('src/pages/library/index.tsx', false)).not.toMatch(SHOWN_QUERY);
    expect(await bundle('src/pages/library/index.tsx', true)).toMatch(SHOWN_QUERY);
  });
});
