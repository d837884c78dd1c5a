/** The name at the top of the popup and of every page: Jiedu 解读, and what the page is. */
export function Brand({ sub }: { sub?: string }) {
  return (
    <h1 class="brand">
      <span>Jiedu</span>
      <span class="zh" lang="zh-Hans">
        解读
      </span>
      {sub ? <span class="muted sub">{sub}</span> : null}
    </h1>
  );
}
