/**
 * Which clicks mean "look this word up": a real left click on text, not on a
 * link or a control, not the end of a selection, not one the page handled.
 * Events a page script fires itself are never trusted to open anything.
 */
export function isLookupClick(e: MouseEvent): boolean {
  if (!e.isTrusted || e.button !== 0 || e.defaultPrevented) return false;
  if (!isLookupTarget(e.target)) return false;
  return document.getSelection()?.isCollapsed ?? true;
}

/** Text a click may look up: not inside a link or a control. */
export function isLookupTarget(target: EventTarget | null): boolean {
  return !(target as Element | null)?.closest?.('a, button, input, textarea, select, label, [contenteditable], [role=button]:not(.jiedu-term)');
}
