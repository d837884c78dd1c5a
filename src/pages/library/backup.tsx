/** The JSON backup: download everything, or merge a backup file into the library. */
import { useState } from 'preact/hooks';
import type { BackupImportResult } from '../../messaging/protocol.ts';
import { errorText, t } from '../../platform/i18n.ts';
import { sendToBackground } from '../../messaging/ports.ts';
import { downloadText } from './download.ts';

type Outcome = { kind: 'imported'; result: BackupImportResult } | { kind: 'exported'; filename: string } | { kind: 'error'; message: string };

export function BackupPanel({ onImported }: { onImported: () => void }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [restoreSettings, setRestoreSettings] = useState(false);

  const download = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const { text, filename } = await sendToBackground('backup/export', {});
      downloadText(text, filename, 'application/json');
      setOutcome({ kind: 'exported', filename });
    } catch (err) {
      setOutcome({ kind: 'error', message: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      const result = await sendToBackground('backup/import', { text: await file.text(), restoreSettings });
      setOutcome({ kind: 'imported', result });
      onImported();
    } catch (err) {
      setOutcome({ kind: 'error', message: errorText(err) });
    } finally {
      input.value = '';
      setBusy(false);
    }
  };

  return (
    <section class="card backup" aria-labelledby="lib-backup">
      <h2 id="lib-backup">{t('libBackup')}</h2>
      <p class="muted small">{t('libBackupHelp')}</p>
      <div class="row-actions">
        <button type="button" onClick={() => void download()} disabled={busy} data-testid="backup-download">
          {t('libBackupDownload')}
        </button>
        <label class="button file-button">
          {t('libBackupImport')}
          <input type="file" accept=".json,application/json" class="visually-hidden" disabled={busy} data-testid="backup-file" onChange={(e) => void importFile(e.currentTarget as HTMLInputElement)} />
        </label>
      </div>
      <label class="check small">
        <input type="checkbox" checked={restoreSettings} disabled={busy} data-testid="backup-restore-settings" onChange={(e) => setRestoreSettings(e.currentTarget.checked)} />
        {t('libBackupRestoreSettings')}
      </label>
      <div aria-live="polite">
        {outcome?.kind === 'exported' ? <p class="ok small">{t('libBackupSaved', outcome.filename)}</p> : null}
        {outcome?.kind === 'imported' ? (
          <>
            <p class="ok" data-testid="backup-result">
              {t(
                'libBackupImported',
                String(outcome.result.added.articles),
                String(outcome.result.added.vocabulary),
                String(outcome.result.updated.articles),
                String(outcome.result.updated.vocabulary),
              )}
            </p>
            <p class="ok" data-testid="backup-result-review">
              {t('libBackupImportedReview', String(outcome.result.review.cardsAdded), String(outcome.result.review.cardsUpdated), String(outcome.result.review.logAdded))}
            </p>
            {outcome.result.settingsRestored ? (
              <p class="ok" data-testid="backup-result-settings">
                {t('libBackupSettingsRestored')}
              </p>
            ) : null}
          </>
        ) : null}
      </div>
      {outcome?.kind === 'error' ? (
        <p class="warn" role="alert" data-testid="backup-error">
          {t('libBackupFailed', outcome.message)}
        </p>
      ) : null}
    </section>
  );
}
