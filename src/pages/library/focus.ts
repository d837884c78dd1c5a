/** Focus targets in lists that render their rows a moment after the data arrives. */

/** The element `find` returns, once it is there (rows come after a round trip), or null after `timeoutMs`. */
export function whenShown(find: () => HTMLElement | null, timeoutMs = 3000): Promise<HTMLElement | null> {
  const until = performance.now() + timeoutMs;
  return new Promise((resolve) => {
    const step = () => {
      const el = find();
      if (el || performance.now() > until) resolve(el);
      else requestAnimationFrame(step);
    };
    step();
  });
}

/** The first element under `root` matching `selector` whose data attribute `key` is `value`. */
export function byData(root: ParentNode, selector: string, key: string, value: string): HTMLElement | null {
  for (const el of root.querySelectorAll<HTMLElement>(selector)) if (el.dataset[key] === value) return el;
  return null;
}
