/**
 * The study session, keyboard first: Space shows the answer, 1–4 grade (Again, Hard, Good, Easy),
 * U undoes the last grade, E edits the note, S suspends the card. Every key has its button.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { GRADES, type ReviewGrade } from '../../core/review/card.ts';
import { checkPinyin, type PinyinCheck } from '../../core/review/pinyin-check.ts';
import type { DueCount, DueCounts, ReviewItem, ReviewQueue } from '../../core/review/queue.ts';
import type { StudyWord } from '../../core/review/content.ts';
import type { ReviewSettings } from '../../core/review/settings.ts';
import { errorText, t } from '../../platform/i18n.ts';
import { sendToBackground } from '../../messaging/ports.ts';
import browser from 'webextension-polyfill';
import { ankiProblemText } from '../../ui/anki-reply.ts';
import { CardView } from './card-view.tsx';
import { SessionCards } from './session.ts';
import { speak, useChineseVoice } from './speech.ts';

/** FSRS (ts-fsrs) is needed only for the grades' previews: it loads after the first card is shown. */
type Scheduling = typeof import('../../core/review/schedule.ts');
// eslint-disable-next-line no-unsanitized/method -- the extension's own file, by its packaged URL
const loadScheduling = () => import(/* @vite-ignore */ browser.runtime.getURL('lazy/review-schedule.js')) as Promise<Scheduling>;

export const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const BATCH = 50;
export const askQueue = (limit = BATCH) => sendToBackground('review/queue', { timeZone: TIME_ZONE, limit });
const askCount = () => sendToBackground('review/count', { timeZone: TIME_ZONE });
const GRADE_KEYS: Record<ReviewGrade, string> = { 1: 'reviewAgain', 2: 'reviewHard', 3: 'reviewGood', 4: 'reviewEasy' };

function interval(ms: number): string {
  const min = Math.max(1, Math.round(ms / 60_000));
  if (min < 60) return t('reviewMinutes', min);
  if (min < 60 * 24) return t('reviewHours', Math.round(min / 60));
  return t('reviewDays', Math.round(min / 1440));
}

const wordKey = (c: { source: string; key: string }) => `${c.source}|${c.key}`;

/** The counts less a card that left the session (graded or suspended), until the background counts again. */
const less =
  (item: ReviewItem) =>
  (c: DueCount | null): DueCount | null => {
    const queue = item.card.queue as keyof DueCounts;
    if (!c || !(queue in c) || c[queue] === 0) return c;
    return { ...c, [queue]: c[queue] - 1, total: c.total - 1 };
  };

export interface Notice {
  message: string;
  action?: { label: string; run: () => void };
}

/** `firstQueue`: the first card, asked for as the page loaded, so that it waits for nothing else (the rest of the session and the counts follow it). */
export function Study({
  settings,
  active,
  firstQueue,
  onNotice,
  onChanged,
}: {
  settings: ReviewSettings;
  active: boolean;
  firstQueue?: Promise<ReviewQueue>;
  onNotice: (n: Notice) => void;
  onChanged: () => void;
}) {
  const cards = useRef(new SessionCards()).current;
  /** Words of the cards seen, so that an undone card shows again without a round trip. */
  const words = useRef(new Map<string, StudyWord>()).current;
  const [current, setCurrent] = useState<ReviewItem | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [shown, setShown] = useState(false);
  const [typed, setTyped] = useState('');
  const [check, setCheck] = useState<PinyinCheck | null>(null);
  // Null until the background has counted (which takes longer than finding the first card).
  const [counts, setCounts] = useState<DueCount | null>(null);
  const [nextLearningAt, setNextLearningAt] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const shownAt = useRef(performance.now());
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const currentRef = useRef<ReviewItem | null>(null);
  currentRef.current = current;
  const voice = useChineseVoice();
  const cardRef = useRef<HTMLDivElement>(null);

  const fail = (err: unknown) => onNotice({ message: t('reviewError', errorText(err)) });
  /** Mutations reach the background one after another, in the order the reader made them. */
  const inOrder = <R,>(task: () => Promise<R>): Promise<R> => {
    const run = chain.current.then(task);
    chain.current = run.catch(() => undefined);
    return run;
  };

  const show = (item: ReviewItem | null) => {
    setCurrent(item);
    setShown(false);
    setTyped('');
    setCheck(null);
    setEditing(null);
    shownAt.current = performance.now();
  };

  const take = (q: ReviewQueue) => {
    for (const i of q.items) words.set(wordKey(i.card), i.word);
    cards.accept(q.items, currentRef.current?.card.id ?? null);
    setNextLearningAt(q.nextLearningAt);
    if (!currentRef.current) show(cards.next());
  };

  /** The session's next cards, then the counts (asked for together, shown as each comes). */
  const refresh = async () => {
    const counted = askCount();
    counted.catch(() => undefined);
    take(await askQueue());
    setCounts(await counted);
    setLoaded(true);
  };

  useEffect(() => {
    const first = firstQueue ?? askQueue(1);
    first.then(take).then(refresh).catch(fail);
  }, []);

  // With nothing due, wait for the next learning step, then look again.
  useEffect(() => {
    if (current || !nextLearningAt) return;
    const wait = Math.max(0, Date.parse(nextLearningAt) - Date.now()) + 500;
    const timer = setTimeout(() => void refresh().catch(fail), Math.min(wait, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [current, nextLearningAt]);

  // The first card painted, for the bench (npm run bench).
  const marked = useRef(false);
  useEffect(() => {
    if (!current || marked.current) return;
    marked.current = true;
    requestAnimationFrame(() => performance.mark('jiedu-review-first-card'));
  }, [current]);

  // Focus follows the card: the pinyin input when there is one to type in, else the card.
  useEffect(() => {
    if (!active || !current) return;
    const input = cardRef.current?.querySelector<HTMLInputElement>('[data-testid="pinyin-input"]');
    if (input && !shown) input.focus();
    else if (!cardRef.current?.contains(document.activeElement) || document.activeElement?.tagName === 'INPUT') cardRef.current?.focus();
  }, [current?.card.id, shown, active]);

  const reveal = () => {
    if (!current || shown) return;
    if (current.card.kind === 'pinyin') setCheck(checkPinyin(current.word.pinyin, typed));
    setShown(true);
  };

  const grade = (g: ReviewGrade) => {
    const item = current;
    if (!item || !shown || editing !== null) return;
    const durationMs = Math.round(performance.now() - shownAt.current);
    cards.markGraded(item);
    setCounts(less(item));
    show(cards.next());
    void inOrder(() => sendToBackground('review/grade', { cardId: item.card.id, grade: g, durationMs }))
      .then((r) => {
        onChanged();
        // A card still learning comes back within the session; a short list is topped up.
        if (r.card.queue === 'learning' || cards.length < 5) return refresh();
        return undefined;
      })
      .catch(fail);
  };

  const undo = () => {
    void inOrder(() => sendToBackground('review/undo', {}))
      .then((r) => {
        if (!r) {
          onNotice({ message: t('reviewNothingToUndo') });
          return undefined;
        }
        cards.restore(r.card.id);
        const word = words.get(wordKey(r.card));
        const on = currentRef.current;
        // The card graded last comes back first, its answer hidden again.
        if (on && on.card.id !== r.card.id) cards.putFirst(on);
        if (word) show({ card: r.card, word });
        onChanged();
        onNotice({ message: t('reviewUndone') });
        return refresh();
      })
      .catch(fail);
  };

  const suspend = () => {
    const item = current;
    if (!item) return;
    cards.drop(item.card.id);
    setCounts(less(item));
    show(cards.next());
    void inOrder(() => sendToBackground('review/suspend', { cardId: item.card.id, suspended: true }))
      .then(() => {
        onChanged();
        onNotice({
          message: t('reviewSuspended'),
          action: {
            label: t('reviewUnsuspend'),
            run: () =>
              void inOrder(() => sendToBackground('review/suspend', { cardId: item.card.id, suspended: false }))
                .then(() => {
                  cards.restore(item.card.id);
                  onChanged();
                  return refresh();
                })
                .catch(fail),
          },
        });
        if (cards.length < 5) return refresh();
        return undefined;
      })
      .catch(fail);
  };

  // "Add to Anki" when it is on in the options (AnkiConnect), as in the look-up card and the vocabulary list.
  const [anki, setAnki] = useState(false);
  const [ankiBusy, setAnkiBusy] = useState(false);
  useEffect(() => {
    sendToBackground('anki/settings', {}).then(
      (s) => setAnki(s.enabled),
      () => setAnki(false),
    );
  }, []);
  /** A glossary entry is saved as a word first: Anki's note is made from the saved word. */
  const saveGlossaryWord = async (item: ReviewItem) => {
    if (item.card.source !== 'glossary') return;
    const w = item.word;
    await sendToBackground('vocab/save', { word: { simplified: w.simplified, traditional: w.traditional, pinyin: w.pinyin, english: w.english, source: 'glossary' }, context: null });
  };
  const addToAnki = async () => {
    const item = current;
    if (!item || ankiBusy) return;
    setAnkiBusy(true);
    try {
      await saveGlossaryWord(item);
      const r = await sendToBackground('anki/add', { key: item.card.key });
      onNotice({ message: r.ok ? t(r.status === 'added' ? 'ankiAdded' : 'ankiDuplicate') : ankiProblemText(r) });
    } catch (err) {
      fail(err);
    } finally {
      setAnkiBusy(false);
    }
  };

  const saveNote = async () => {
    const item = current;
    if (!item || editing === null) return;
    const note = editing;
    try {
      // A glossary entry's note is kept with the entry saved as a word.
      await saveGlossaryWord(item);
      await sendToBackground('vocab/update', { simplified: item.card.key, note });
      const updated = { ...item, word: { ...item.word, note } };
      setCurrent(updated);
      words.set(wordKey(item.card), updated.word);
      setEditing(null);
      cardRef.current?.focus();
      onNotice({ message: t('reviewNoteSaved') });
    } catch (err) {
      fail(err);
    }
  };

  // Keys, for the whole page while the study tab is open (never while typing in a field).
  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);
  keys.current = (e: KeyboardEvent) => {
    if (!active || e.ctrlKey || e.altKey || e.metaKey) return;
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return;
    const k = e.key.toLowerCase();
    if (e.key === ' ' || e.key === 'Spacebar') {
      if (current && !shown) {
        e.preventDefault();
        reveal();
      }
      return;
    }
    if (k === '1' || k === '2' || k === '3' || k === '4') {
      e.preventDefault();
      grade(Number(k) as ReviewGrade);
    } else if (k === 'u') {
      e.preventDefault();
      undo();
    } else if (k === 'e' && current) {
      e.preventDefault();
      setEditing(current.word.note);
    } else if (k === 's' && current) {
      e.preventDefault();
      suspend();
    } else if (k === 'a' && current && anki && !ankiBusy) {
      e.preventDefault();
      void addToAnki();
    }
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keys.current(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  // What each grade would give now, shown under its button.
  const [scheduling, setScheduling] = useState<Scheduling | null>(null);
  useEffect(() => {
    if (current && !scheduling) loadScheduling().then(setScheduling, fail);
  }, [current !== null]);
  const scheduler = useMemo(() => scheduling?.schedulerFor(settings) ?? null, [settings, scheduling]);
  const previews = useMemo(() => {
    if (!current || !shown || !scheduling || !scheduler) return null;
    const ms = scheduling.gradeIntervals(scheduler, current.card, new Date());
    return Object.fromEntries(GRADES.map((g) => [g, interval(ms[g])])) as Record<ReviewGrade, string>;
  }, [current?.card.id, shown, scheduler]);

  return (
    <section class="study" aria-labelledby="study-heading">
      <h2 id="study-heading" class="visually-hidden">
        {t('reviewTabStudy')}
      </h2>
      <p class="counts" data-testid="review-counts" data-due={counts?.total ?? ''}>
        {counts ? t('reviewDueCounts', counts.new, counts.learning, counts.review) : '\u00a0'}
      </p>
      {current ? (
        <div ref={cardRef} tabIndex={-1} class="card-host">
          <CardView
            item={current}
            shown={shown}
            typed={typed}
            onType={setTyped}
            onCheck={reveal}
            check={check}
            speakButton={
              voice ? (
                <button type="button" class="speak" onClick={() => speak(current.word.simplified, voice)} aria-label={`${t('reviewSpeak')} ${current.word.simplified}`}>
                  🔊 {t('reviewSpeak')}
                </button>
              ) : null
            }
          />
          {editing !== null ? (
            <form
              class="note-form"
              onSubmit={(e) => {
                e.preventDefault();
                void saveNote();
              }}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  setEditing(null);
                  cardRef.current?.focus();
                }
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  void saveNote();
                }
              }}
            >
              <label>
                <span>{t('reviewNote')}</span>
                <textarea value={editing} rows={3} data-testid="note-input" ref={(el) => el?.focus()} onInput={(e) => setEditing((e.currentTarget as HTMLTextAreaElement).value)} />
              </label>
              <div class="row">
                <button type="submit" class="primary">
                  {t('reviewSaveNote')}
                </button>
                <button type="button" onClick={() => setEditing(null)}>
                  {t('reviewCancel')}
                </button>
              </div>
            </form>
          ) : null}
          <div class="controls">
            {!shown ? (
              <button type="button" class="primary show" onClick={reveal} data-testid="show-answer">
                {t('reviewShowAnswer')} <kbd>Space</kbd>
              </button>
            ) : (
              <div class="grades" role="group" aria-label={t('reviewShowAnswer')}>
                {GRADES.map((g) => (
                  <button type="button" key={g} class={`grade g${g}`} onClick={() => grade(g)} data-testid={`grade-${g}`}>
                    <span class="label">
                      {t(GRADE_KEYS[g])} <kbd>{g}</kbd>
                    </span>
                    {previews ? <span class="next muted">{previews[g]}</span> : null}
                  </button>
                ))}
              </div>
            )}
            <div class="row secondary">
              <button type="button" onClick={undo}>
                {t('reviewUndo')} <kbd>U</kbd>
              </button>
              <button type="button" onClick={() => setEditing(current.word.note)}>
                {t('reviewEditNote')} <kbd>E</kbd>
              </button>
              <button type="button" onClick={suspend}>
                {t('reviewSuspend')} <kbd>S</kbd>
              </button>
              {anki ? (
                <button type="button" aria-disabled={ankiBusy} onClick={() => void addToAnki()} data-testid="review-anki-add">
                  {t('ankiAddOne')} <kbd>A</kbd>
                </button>
              ) : null}
            </div>
          </div>
        </div>
      ) : loaded ? (
        <div class="empty" data-testid="review-empty">
          <p>{counts?.cards === 0 ? t('reviewEmpty') : t('reviewDone')}</p>
          {nextLearningAt ? <p class="muted">{t('reviewNextAt', new Date(nextLearningAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }))}</p> : null}
          <div class="row secondary">
            <button type="button" onClick={undo}>
              {t('reviewUndo')} <kbd>U</kbd>
            </button>
          </div>
        </div>
      ) : null}
      <p class="muted hint">
        {t('reviewKeysHint')}
        {anki ? ` ${t('reviewKeysHintAnki')}` : null}
      </p>
    </section>
  );
}
