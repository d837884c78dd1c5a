/** Statistics: what comes due in the next 30 days, reviews per day, and how much was remembered. */
import { useEffect, useState } from 'preact/hooks';
import type { ReviewStats } from '../../core/review/stats.ts';
import { t } from '../../platform/i18n.ts';
import { sendToBackground } from '../../messaging/ports.ts';
import { DayBars } from './charts.tsx';
import { TIME_ZONE } from './study.tsx';

export function StatsPanel({ version }: { version: number }) {
  const [stats, setStats] = useState<ReviewStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    sendToBackground('review/stats', { timeZone: TIME_ZONE }).then(setStats, (err: unknown) => setError(String(err)));
  }, [version]);
  if (error)
    return (
      <p class="warn" role="alert">
        {t('reviewError', error)}
      </p>
    );
  if (!stats) return null;
  const c = stats.cards;
  return (
    <section class="stats" aria-label={t('reviewTabStats')}>
      <p data-testid="stats-cards">{t('reviewStatsCards', c.total, c.new, c.learning, c.review, c.suspended)}</p>
      <div class="charts">
        <DayBars data={stats.forecast} label={t('reviewStatsForecast')} testid="chart-forecast" />
        <DayBars data={stats.reviewsPerDay} label={t('reviewStatsPerDay')} testid="chart-per-day" />
        <figure class="chart retention" data-testid="stats-retention">
          <figcaption>{t('reviewStatsRetention')}</figcaption>
          {stats.retention === null ? (
            <p class="muted">{t('reviewStatsNoRetention')}</p>
          ) : (
            <>
              <svg viewBox="0 0 100 12" role="img" aria-label={`${Math.round(stats.retention * 100)} %`}>
                <rect x="0" y="0" width="100" height="12" class="track" rx="3" />
                <rect x="0" y="0" width={stats.retention * 100} height="12" class="bar" rx="3" />
              </svg>
              <p>{t('reviewStatsRetentionValue', `${Math.round(stats.retention * 100)} %`, stats.retentionOf)}</p>
            </>
          )}
        </figure>
      </div>
    </section>
  );
}
