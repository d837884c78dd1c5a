/** Choosing an export format, and the file it makes. */
import { useState } from 'preact/hooks';
import { EXPORT_FORMATS, type ExportFile, type ExportFormat } from '../../messaging/protocol.ts';
import { errorText, t } from '../../platform/i18n.ts';
import browser from 'webextension-polyfill';
import { downloadText } from './download.ts';

/** The packer and sql.js load only when a package is asked for. */
// eslint-disable-next-line no-unsanitized/method -- the extension's own file, by its packaged URL
const packer = () => import(/* @vite-ignore */ browser.runtime.getURL('lazy/apkg-pack.js')) as Promise<typeof import('../shared/apkg-pack.ts')>;

const FORMAT_KEYS: Record<ExportFormat, string> = { apkg: 'libFormatApkg', anki: 'libFormatAnki', pleco: 'libFormatPleco', csv: 'libFormatCsv', tsv: 'libFormatTsv' };

export interface ExportAction {
  label: string;
  disabled?: boolean;
  testId?: string;
  run: (format: ExportFormat) => Promise<ExportFile>;
}

export function ExportControls({ id, actions }: { id: string; actions: ExportAction[] }) {
  const [format, setFormat] = useState<ExportFormat>('anki');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const go = async (action: ExportAction) => {
    setBusy(true);
    setStatus(null);
    try {
      const file = await action.run(format);
      downloadText(file.package ? await (await packer()).packApkg(file.package) : file.text, file.filename, file.mime);
      setStatus({ ok: true, text: file.count === 1 ? t('libExportedOne', file.filename) : t('libExported', String(file.count), file.filename) });
    } catch (err) {
      setStatus({ ok: false, text: t('errorPrefix', errorText(err)) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="export-controls" role="group" aria-label={t('libExport')}>
      <label class="field-inline" for={`${id}-format`}>
        {t('libExportFormat')}
      </label>
      <select id={`${id}-format`} value={format} onChange={(e) => setFormat((e.currentTarget as HTMLSelectElement).value as ExportFormat)}>
        {EXPORT_FORMATS.map((f) => (
          <option value={f} key={f}>
            {t(FORMAT_KEYS[f])}
          </option>
        ))}
      </select>
      {actions.map((a) => (
        <button type="button" key={a.label} disabled={busy || a.disabled} data-testid={a.testId} onClick={() => void go(a)}>
          {a.label}
        </button>
      ))}
      {status ? (
        <span class={status.ok ? 'ok small' : 'warn small'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </span>
      ) : null}
    </div>
  );
}
