/**
 * A row of tabs as the ARIA tabs pattern wants it: one Tab stop (the chosen tab), the
 * arrow keys move to the next or previous tab and choose it, Home and End go to the
 * first and last. Each tab controls the panel `panel-<id>`, which its page draws.
 */
export interface TabListProps<T extends string> {
  tabs: readonly { id: T; label: string }[];
  current: T;
  onChoose: (id: T) => void;
  /** What the tabs are, for screen readers. */
  label?: string;
  class?: string;
}

export function TabList<T extends string>({ tabs, current, onChoose, label, class: extra }: TabListProps<T>) {
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((x) => x.id === current);
    const next = { ArrowRight: (i + 1) % tabs.length, ArrowLeft: (i + tabs.length - 1) % tabs.length, Home: 0, End: tabs.length - 1 }[e.key];
    const target = next === undefined ? undefined : tabs[next];
    if (!target) return;
    e.preventDefault();
    onChoose(target.id);
    document.getElementById(`tab-${target.id}`)?.focus();
  };
  return (
    <div role="tablist" class={extra ? `tabs ${extra}` : 'tabs'} aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((x) => (
        <button
          type="button"
          role="tab"
          id={`tab-${x.id}`}
          key={x.id}
          aria-selected={current === x.id}
          aria-controls={`panel-${x.id}`}
          tabIndex={current === x.id ? 0 : -1}
          onClick={() => onChoose(x.id)}
        >
          {x.label}
        </button>
      ))}
    </div>
  );
}
