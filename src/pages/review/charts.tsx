/** A small bar chart in SVG, one bar a day, each with its date and count as a tooltip and for screen readers. */
import type { DayCount } from '../../core/review/stats.ts';
import { t } from '../../platform/i18n.ts';

export function DayBars({ data, label, testid }: { data: DayCount[]; label: string; testid: string }) {
  const width = 300;
  const height = 90;
  const gap = 2;
  const max = Math.max(1, ...data.map((d) => d.count));
  const bar = (width - gap * (data.length - 1)) / Math.max(1, data.length);
  const first = data[0]?.date ?? '';
  const last = data.at(-1)?.date ?? '';
  return (
    <figure class="chart" data-testid={testid}>
      <figcaption>{label}</figcaption>
      <svg viewBox={`0 0 ${width} ${height + 14}`} role="img" aria-label={`${label}: ${data.map((d) => t('reviewChartDay', d.date, d.count)).join(', ')}`} preserveAspectRatio="none">
        <line x1="0" y1={height} x2={width} y2={height} class="axis" />
        {data.map((d, i) => {
          const h = (d.count / max) * (height - 12);
          return (
            <rect key={d.date} x={i * (bar + gap)} y={height - h} width={bar} height={Math.max(h, d.count > 0 ? 1 : 0)} class="bar" data-count={d.count}>
              <title>{t('reviewChartDay', d.date, d.count)}</title>
            </rect>
          );
        })}
        <text x="0" y="9" class="max">
          {max}
        </text>
      </svg>
      <div class="chart-range muted">
        <span>{first.slice(5)}</span>
        <span>{last.slice(5)}</span>
      </div>
    </figure>
  );
}
