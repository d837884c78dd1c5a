/**
 * A windowed list with a fixed row height: only the rows in view (and a few
 * either side) are in the DOM, so 10,000 words cost what 20 do.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface VirtualListProps {
  count: number;
  rowHeight: number;
  label: string;
  renderRow: (index: number) => ComponentChildren;
  /** Told which rows are in the window, so the caller can fetch them. */
  onRange?: (start: number, end: number) => void;
  /** Scroll back to the top when this changes (a new search). */
  resetKey?: unknown;
  overscan?: number;
  class?: string;
}

export function VirtualList({ count, rowHeight, label, renderRow, onRange, resetKey, overscan = 4, class: cls }: VirtualListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setHeight(el.clientHeight || 600);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight || 600));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);

  useEffect(() => {
    onRange?.(first, last);
  }, [first, last, count, resetKey]);

  const rows: ComponentChildren[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div role="listitem" class="vrow" key={i} style={{ top: `${i * rowHeight}px`, height: `${rowHeight}px` }} aria-setsize={count} aria-posinset={i + 1}>
        {renderRow(i)}
      </div>,
    );
  }
  return (
    <div ref={box} class={`vlist ${cls ?? ''}`} style={{ height: `${count * rowHeight + 2}px` }} onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}>
      <div role="list" aria-label={label} class="vlist-inner" style={{ height: `${count * rowHeight}px` }}>
        {rows}
      </div>
    </div>
  );
}
