/** One notice at a time at the bottom of the page, with an Undo button for 8 seconds. */
import { useEffect } from 'preact/hooks';
import { t } from '../../platform/i18n.ts';

export interface ToastState {
  id: number;
  message: string;
  undo?: () => Promise<void> | void;
}

export const TOAST_MS = 8000;

export function Toast({ toast, onClose }: { toast: ToastState | null; onClose: () => void }) {
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onClose, TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast?.id]);
  return (
    <div class="toast-host" role="status" aria-live="polite">
      {toast ? (
        <div class="toast" data-testid="toast">
          <span>{toast.message}</span>
          {toast.undo ? (
            <button
              type="button"
              onClick={() => {
                const undo = toast.undo;
                onClose();
                void undo?.();
              }}
            >
              {t('undo')}
            </button>
          ) : null}
          <button type="button" class="toast-close" aria-label={t('libDismiss')} onClick={onClose}>×</button>
        </div>
      ) : null}
    </div>
  );
}
