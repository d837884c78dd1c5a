/** What an AnkiConnect answer says to a person, in their language. */
import type { AnkiProblem } from '../core/anki-connect.ts';
import type { AnkiReply } from '../messaging/protocol.ts';
import { t } from '../platform/i18n.ts';

const PROBLEM_KEYS: Record<Exclude<AnkiProblem, 'forbidden' | 'other'>, string> = {
  unreachable: 'ankiProblemUnreachable',
  'not-ankiconnect': 'ankiProblemNotAnkiconnect',
  'old-version': 'ankiProblemOldVersion',
  'no-collection': 'ankiProblemNoCollection',
};

export function ankiProblemText(reply: Extract<AnkiReply<object>, { ok: false }>): string {
  if (reply.problem === 'forbidden') return t('ankiProblemForbidden', reply.origin);
  if (reply.problem === 'other') return t('ankiProblemOther', reply.detail);
  return t(PROBLEM_KEYS[reply.problem]);
}
