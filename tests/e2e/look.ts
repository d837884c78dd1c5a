/**
 * Measures how an extension page looks, in Chromium through Playwright: axe-core's
 * violations, horizontal overflow, text boxes that overlap or are cut off, and a
 * pixel comparison against the committed reference screenshots.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { ROOT } from '../../scripts/build.ts';
import { ARTIFACTS } from './context.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: string[];
}

/** axe-core's WCAG 2 A/AA rules and best practices on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol, so the page's CSP (script-src 'self') does not apply.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

export interface LayoutFaults {
  /** How far the page scrolls sideways (0 when it fits its window). */
  horizontalOverflow: number;
  /** Pairs of visible text boxes that overlap by more than 2 px each way. */
  overlaps: string[];
  /** Elements whose text is cut off at their bottom or right edge without an ellipsis. */
  clipped: string[];
}

/** Every visible text box of the page, measured: overlaps, cut-off text and sideways overflow. */
export function layoutFaults(page: Page): Promise<LayoutFaults> {
  return page.evaluate(() => {
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} "${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 24)}"`;
    const boxes: { el: Element; r: DOMRect }[] = [];
    const clipped: string[] = [];
    const visible = (el: Element) => {
      const cs = getComputedStyle(el);
      return cs.visibility !== 'hidden' && cs.display !== 'none' && Number(cs.opacity) > 0;
    };
    // A text box is the range of an element's own text: that is what a reader sees overlapping.
    for (const el of document.body.querySelectorAll('*')) {
      if (!visible(el) || el.closest('.visually-hidden, [aria-hidden=true] option, select, option')) continue;
      const cs = getComputedStyle(el);
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (ownText) {
        const range = document.createRange();
        range.selectNodeContents(el);
        // What a scrolling or clipping box (the element or an ancestor) hides is not on screen: only the part in view counts.
        let view = new DOMRect(-1e6, -1e6, 2e6, 2e6);
        for (let a: Element | null = el; a; a = a.parentElement) {
          if (getComputedStyle(a).overflow === 'visible') continue;
          const ar = a.getBoundingClientRect();
          const left = Math.max(view.left, ar.left);
          const top = Math.max(view.top, ar.top);
          view = new DOMRect(left, top, Math.min(view.right, ar.right) - left, Math.min(view.bottom, ar.bottom) - top);
        }
        for (const r of range.getClientRects()) {
          const left = Math.max(r.left, view.left);
          const top = Math.max(r.top, view.top);
          const shown = new DOMRect(left, top, Math.min(r.right, view.right) - left, Math.min(r.bottom, view.bottom) - top);
          if (shown.width > 0 && shown.height > 0) boxes.push({ el, r: shown });
        }
      }
      const hides = cs.overflowX === 'hidden' || cs.overflowY === 'hidden' || cs.overflow === 'hidden' || cs.overflow === 'clip';
      if (hides && (el.textContent ?? '').trim() !== '' && el.clientHeight > 0) {
        const clamp = cs.webkitLineClamp !== 'none' ? Number(cs.webkitLineClamp) : 0;
        const ellipsis = cs.textOverflow === 'ellipsis' || clamp > 0;
        // A clamped box must show its whole lines: squeezed shorter, it cuts a line in half.
        const clampHeight = clamp > 0 ? Math.min(el.scrollHeight, clamp * parseFloat(cs.lineHeight)) : 0;
        if (clamp > 0 && el.clientHeight + 1 < clampHeight) clipped.push(`${name(el)} ${el.clientHeight}<${clampHeight} of ${clamp} lines`);
        else if (clamp === 0 && el.scrollHeight > el.clientHeight + 1) clipped.push(`${name(el)} ${el.scrollHeight}>${el.clientHeight} tall`);
        else if (el.scrollWidth > el.clientWidth + 1 && !ellipsis) clipped.push(`${name(el)} ${el.scrollWidth}>${el.clientWidth} wide`);
      }
    }
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (x > 2 && y > 2 && !overlaps.includes(`${name(a.el)} × ${name(b.el)}`)) overlaps.push(`${name(a.el)} × ${name(b.el)}`);
      }
    }
    const root = document.scrollingElement ?? document.documentElement;
    return { horizontalOverflow: root.scrollWidth - root.clientWidth, overlaps, clipped };
  });
}

export const REFERENCE_DIR = join(ROOT, 'tests/visual-reference');
/**
 * Pixels allowed to differ (pixelmatch already ignores antialiased edges): two runs on one
 * machine differ by none, while a new link or a control's changed border moves hundreds.
 */
const MAX_DIFF_PIXELS = 40;

/**
 * Compares a screenshot of the page with tests/visual-reference/<name>.png. A missing or
 * different reference fails; JIEDU_UPDATE_VISUAL=1 writes the references instead.
 * Returns a description of the difference, or null when the page looks as it did.
 */
export async function visualDifference(page: Page, name: string): Promise<string | null> {
  const shot = await page.screenshot({ animations: 'disabled', caret: 'hide' });
  writeFileSync(join(ARTIFACTS, `visual-${name}.png`), shot);
  const refPath = join(REFERENCE_DIR, `${name}.png`);
  if (process.env.JIEDU_UPDATE_VISUAL === '1') {
    mkdirSync(REFERENCE_DIR, { recursive: true });
    writeFileSync(refPath, shot);
    return null;
  }
  if (!existsSync(refPath)) return `no reference ${refPath} (JIEDU_UPDATE_VISUAL=1 writes it)`;
  const a = PNG.sync.read(readFileSync(refPath));
  const b = PNG.sync.read(shot);
  if (a.width !== b.width || a.height !== b.height) return `size ${b.width}×${b.height}, reference ${a.width}×${a.height}`;
  const diff = new PNG({ width: a.width, height: a.height });
  const changed = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  if (process.env.JIEDU_VISUAL_LOG === '1') process.stdout.write(`visual ${name}: ${changed} pixels differ\n`);
  if (changed <= MAX_DIFF_PIXELS) return null;
  writeFileSync(join(ARTIFACTS, `visual-${name}-diff.png`), PNG.sync.write(diff));
  return `${changed} pixels differ (${((100 * changed) / (a.width * a.height)).toFixed(2)} %), see tests/artifacts/visual-${name}-diff.png`;
}
