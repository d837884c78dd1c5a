/**
 * What went wrong, as a kind the UI can put in the reader's language, beside the English
 * message for logs and for kinds that are the code's own fault. A failure crosses between
 * contexts as `{ ok: false, error, kind }` (see messaging/protocol.ts).
 *
 * No imports: the always-loaded content script uses this, and must not pull in the
 * validator the backup module needs (a BackupError is known by its name and kind).
 */

const ERROR_KINDS = [
  /** The browser refused to store more (the storage quota). */
  'quota',
  /** A backup file: not JSON, not Jiedu's, from a newer version, or with a record that does not read. */
  'backup-corrupt',
  'backup-foreign',
  'backup-version',
  'backup-invalid',
  /** No answer: the background did not start or the page went away. */
  'unavailable',
  /** Everything else: a message refused, a bug. Shown with its own message. */
  'internal',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

const KINDS: ReadonlySet<string> = new Set(ERROR_KINDS);

export const isErrorKind = (x: unknown): x is ErrorKind => typeof x === 'string' && KINDS.has(x);

/** An error that says its kind itself. */
export class KindedError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'KindedError';
  }
}

/**
 * The browser's QuotaExceededError, as it is or as Dexie wraps it: as the inner error of a
 * failed transaction, or (Firefox refuses single requests of a bulk write) among the
 * failures of a BulkError.
 */
function isQuota(err: unknown): boolean {
  const o = err as { name?: unknown; inner?: { name?: unknown }; failures?: unknown } | null;
  const quota = (e: unknown) => (e as { name?: unknown } | null)?.name === 'QuotaExceededError';
  return quota(o) || quota(o?.inner) || (Array.isArray(o?.failures) && o.failures.some(quota));
}

export function errorKind(err: unknown): ErrorKind {
  if (isQuota(err)) return 'quota';
  const o = err as { name?: unknown; kind?: unknown } | null;
  const kind = o?.name === 'BackupError' ? `backup-${String(o.kind)}` : o?.kind;
  return isErrorKind(kind) ? kind : 'internal';
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A failure as it crosses to another context. */
export function failure(err: unknown): { ok: false; error: string; kind: ErrorKind } {
  return { ok: false, error: errorMessage(err), kind: errorKind(err) };
}
