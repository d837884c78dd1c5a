/**
 * A windowed list with a fixed row height: only the rows in view (and a few
 * either side) are in the DOM, so 10,000 words cost what 20 do. A list narrower
 * than NARROW_LIST gets the class `narrow` and its taller row height, where rows
 * stack what sits side by side on a wide screen.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Below this width (px) a list lays its rows out for a narrow window. */
const NARROW_LIST = 640;

interface RowHeights {
  wide: number;
  narrow: number;
}

export interface VirtualListProps {
  count: number;
  rowHeight: RowHeights;
  label: string;
  renderRow: (index: number) => ComponentChildren;
  /** Told which rows are in the window, so the caller can fetch them. */
  onRange?: (start: number, end: number) => void;
  /** Scroll back to the top when this changes (a new search). */
  resetKey?: unknown;
  overscan?: number;
  class?: string;
  /** Rows with nothing to focus: the list itself takes focus, so the keyboard can scroll it. */
  focusable?: boolean;
}

export function VirtualList({ count, rowHeight: heights, label, renderRow, onRange, resetKey, overscan = 4, class: cls, focusable = false }: VirtualListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [narrow, setNarrow] = useState(false);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      setHeight(el.clientHeight || 600);
      setNarrow(el.clientWidth > 0 && el.clientWidth < NARROW_LIST);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const rowHeight = narrow ? heights.narrow : heights.wide;

  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);

  useEffect(() => {
    onRange?.(first, last);
  }, [first, last, count, resetKey, narrow]);

  const rows: ComponentChildren[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div role="listitem" class="vrow" key={i} style={{ top: `${i * rowHeight}px`, height: `${rowHeight}px` }} aria-setsize={count} aria-posinset={i + 1}>
        {renderRow(i)}
      </div>,
    );
  }
  return (
    <div
      ref={box}
      {...(focusable ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}
      class={`vlist ${narrow ? 'narrow' : ''} ${cls ?? ''}`}
      style={{ height: `${count * rowHeight + 2}px` }}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
    >
      <div role="list" aria-label={label} class="vlist-inner" style={{ height: `${count * rowHeight}px` }}>
        {rows}
      </div>
    </div>
  );
}
