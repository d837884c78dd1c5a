/** "Add to Anki" for the selection (one word is added; several are synced) and a sync of all words. */
import { useEffect, useState } from 'preact/hooks';
import type { AnkiReply } from '../../messaging/protocol.ts';
import { sendToBackground } from '../../messaging/ports.ts';
import { t } from '../../platform/i18n.ts';
import { ankiProblemText } from '../../ui/anki-reply.ts';

export function AnkiControls({ selected, total }: { selected: string[]; total: number }) {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    sendToBackground('anki/settings', {}).then(
      (s) => setEnabled(s.enabled),
      () => setEnabled(false),
    );
  }, []);
  if (enabled === null) return null;
  if (!enabled) return <p class="muted small">{t('ankiOffHint')}</p>;
  const run = async (work: () => Promise<AnkiReply<object>>, ok: (r: Record<string, unknown>) => string) => {
    setBusy(true);
    setStatus({ ok: true, text: t('ankiWorking') });
    try {
      const r = await work();
      setStatus(r.ok ? { ok: true, text: ok(r as Record<string, unknown>) } : { ok: false, text: ankiProblemText(r) });
    } catch (err) {
      setStatus({ ok: false, text: t('errorPrefix', err instanceof Error ? err.message : String(err)) });
    } finally {
      setBusy(false);
    }
  };
  const synced = (r: Record<string, unknown>) => t('ankiSynced', String(r['added']), String(r['updated']), String(r['unchanged']), String(r['skipped']));
  const addSelected = () =>
    selected.length === 1
      ? run(
          () => sendToBackground('anki/add', { key: selected[0]! }),
          (r) => (r['status'] === 'added' ? t('ankiAdded') : t('ankiDuplicate')),
        )
      : run(() => sendToBackground('anki/sync', { keys: selected }), synced);
  return (
    <div class="export-controls" role="group" aria-label="Anki">
      <button type="button" disabled={busy || selected.length === 0} onClick={() => void addSelected()} data-testid="anki-add">
        {t('ankiAdd', String(selected.length))}
      </button>
      <button type="button" disabled={busy || total === 0} onClick={() => void run(() => sendToBackground('anki/sync', { keys: null }), synced)} data-testid="anki-sync-all">
        {t('ankiSyncAll')}
      </button>
      {status ? (
        <span class={status.ok ? 'ok small' : 'warn small'} role={status.ok ? 'status' : 'alert'} data-testid="anki-status">
          {status.text}
        </span>
      ) : null}
    </div>
  );
}
