/**
 * One notice at a time at the bottom of the page. A notice with Undo takes focus (the
 * deleted row is gone, so focus has nowhere else to be), answers Ctrl+Z (⌘Z) from
 * anywhere outside a text field, and stays while it has focus or the pointer: it
 * closes by itself 8 s after the reader has left it. When it closes with focus
 * inside, focus goes where the caller says (the restored row after Undo).
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../platform/i18n.ts';

export interface ToastState {
  id: number;
  message: string;
  /** Runs the undo; resolves to the element that should have focus afterwards. */
  undo?: () => Promise<HTMLElement | null | void> | HTMLElement | null | void;
  /** Where focus goes when the notice is dismissed while focused. */
  returnFocus?: () => HTMLElement | null;
}

const TOAST_MS = 8000;

function isTextField(el: EventTarget | null): boolean {
  return (
    el instanceof HTMLElement &&
    (el.isContentEditable || el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'range'].includes(el.type)))
  );
}

export function Toast({ toast, onClose }: { toast: ToastState | null; onClose: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const held = useRef({ focus: false, pointer: false });

  const stopTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  const startTimer = () => {
    stopTimer();
    if (!held.current.focus && !held.current.pointer) timer.current = setTimeout(onClose, TOAST_MS);
  };

  const close = (then?: HTMLElement | null) => {
    const hadFocus = box.current?.contains(document.activeElement) ?? false;
    onClose();
    if (hadFocus) (then ?? toast?.returnFocus?.() ?? null)?.focus();
  };
  const undo = async () => {
    if (!toast?.undo) return;
    const run = toast.undo;
    const hadFocus = box.current?.contains(document.activeElement) ?? false;
    onClose();
    const target = await run();
    if (hadFocus || document.activeElement === document.body) (target ?? toast.returnFocus?.() ?? null)?.focus();
  };

  useEffect(() => {
    if (!toast) return;
    held.current = { focus: false, pointer: false };
    if (toast.undo) {
      undoButton.current?.focus();
      held.current.focus = true;
    }
    startTimer();
    const onKey = (e: KeyboardEvent) => {
      if (toast.undo && (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z' && !isTextField(e.target)) {
        e.preventDefault();
        void undo();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      stopTimer();
      document.removeEventListener('keydown', onKey);
    };
  }, [toast?.id]);

  const hold = (what: 'focus' | 'pointer', on: boolean) => {
    held.current[what] = on;
    if (on) stopTimer();
    else startTimer();
  };

  return (
    <div class="toast-host" role="status" aria-live="polite">
      {toast ? (
        <div
          class="toast"
          data-testid="toast"
          ref={box}
          onFocusIn={() => hold('focus', true)}
          onFocusOut={(e) => {
            if (!box.current?.contains(e.relatedTarget as Node | null)) hold('focus', false);
          }}
          onMouseEnter={() => hold('pointer', true)}
          onMouseLeave={() => hold('pointer', false)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            }
          }}
        >
          <span>{toast.message}</span>
          {toast.undo ? (
            <button type="button" ref={undoButton} onClick={() => void undo()} aria-keyshortcuts="Control+Z" title={t('libUndoHint')}>
              {t('undo')}
            </button>
          ) : null}
          <button type="button" class="toast-close" aria-label={t('libDismiss')} onClick={() => close()}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
