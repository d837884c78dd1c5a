/**
 * The catalogue of pages served at their real URLs, offline: the real pages
 * (tests/fixtures/real-pages) and the seeds rendered into each layout's markup
 * (tests/fixtures/built). Used by `npm start`, the browser tests and the bench.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHtml } from '../src/core/extract/charset.ts';
import { ROOT } from './build.ts';

export interface DemoPage {
  url: string;
  file: string;
  /** "real" pages are kept byte for byte; "built" ones were generated from a seed. */
  kind: 'real' | 'built';
  layout: string;
  seed?: string;
  label: string;
}

interface Catalogue {
  pages: { file: string; url: string; layout: string; seed?: string; title?: string }[];
}

function read(dir: string, kind: DemoPage['kind']): DemoPage[] {
  const index = join(ROOT, dir, 'index.json');
  if (!existsSync(index)) return [];
  const raw = JSON.parse(readFileSync(index, 'utf8')) as Catalogue | Catalogue['pages'];
  const pages = Array.isArray(raw) ? raw : raw.pages;
  return pages.map((p) => ({
    url: p.url,
    file: join(ROOT, dir, p.file),
    kind,
    layout: p.layout,
    ...(p.seed !== undefined ? { seed: p.seed } : {}),
    label: `${p.layout}${p.seed !== undefined ? ` (seed ${p.seed})` : ''}: ${p.file}`,
  }));
}

/** A page built from a seed, as tests/fixtures/built/index.json lists it, with the title it must be stored under. */
export interface BuiltPage {
  file: string;
  url: string;
  seed: string;
  layout: string;
  expect: { title: string };
}

/** The built pages' own list (tests/fixtures/built/index.json), with what each must extract to. */
export function builtPages(): BuiltPage[] {
  return JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/built/index.json'), 'utf8')) as BuiltPage[];
}

export function demoPages(): DemoPage[] {
  return [...read('tests/fixtures/real-pages', 'real'), ...read('tests/fixtures/built', 'built')];
}

/** A real page of one of the three sites that is not an article (home, channel, live, search, video): it must be refused. */
export interface NotArticlePage {
  url: string;
  file: string;
  site: 'guancha' | 'xinhua' | 'zaobao';
  what: string;
}

export function realNotArticles(): NotArticlePage[] {
  const raw = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/real-pages/index.json'), 'utf8')) as { notArticles?: NotArticlePage[] };
  return (raw.notArticles ?? []).map((p) => ({ ...p, file: join(ROOT, 'tests/fixtures/real-pages', p.file) }));
}

/** The page's text: real pages are kept as bytes in their own encoding (some are GB2312) and served as UTF-8. */
export function pageHtml(page: Pick<DemoPage, 'file'>): string {
  return decodeHtml(readFileSync(page.file));
}
