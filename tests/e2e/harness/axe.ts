/** axe-core in a tab of either browser. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Tab } from './types.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  nodes: string[];
}

/** axe-core into the page's world: as the source of a function, which a page's CSP does not govern (eval would be). */
export function injectAxe(tab: Pick<Tab, 'evaluate'>): Promise<string> {
  return tab.evaluate(new Function(`${AXE_SOURCE}\n;return typeof window.axe;`) as () => string);
}

/** axe's WCAG 2 A/AA rules and best practices, over the nodes `include` selects (the whole page when null). */
export function runAxe(tab: Pick<Tab, 'evaluate'>, include: string[] | null = null): Promise<Violation[]> {
  return tab.evaluate(async (sel) => {
    type Result = { violations: { id: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: object): Promise<Result> } }).axe;
    const context = sel ? { include: sel.filter((s) => document.querySelector(s)).map((s) => [s]) } : document;
    const r = await axe.run(context, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, include);
}
