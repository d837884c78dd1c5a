/**
 * What Jiedu adds to the page's text nodes, in one place: glossary marks first, pinyin ruby
 * over them. Both change the same nodes, so every change is made one at a time in the order
 * asked (pinyin asked for while the page marks its terms waits for the marks rather than
 * drawing under them); marking with pinyin on takes the pinyin off, marks and draws it back;
 * and while ruby moves nodes, the marks' observer is paused (the nodes it moves are not new
 * page content). The marks (the page UI) and the annotator are loaded on first use.
 */
import type { LookupContext, PinyinState, TermsState } from '../messaging/protocol.ts';
import type { PageReading } from '../core/dictionary/page-reading.ts';
import type { PinyinLook } from '../core/settings.ts';
import type { Annotator } from './annotator.ts';
import type { PageUi } from './page-ui.ts';
import { notePinyinUsed } from './pinyin-habit.ts';

/** What the additions need of the marks (the page UI). */
type Marks = Pick<PageUi, 'setMarking' | 'whileMarksPaused' | 'marked'>;

export interface TextAdditionsEnv {
  /** The article's body while it is in the page: where terms are marked. */
  body(): Element | null;
  /** The marks, loaded on first use (the page UI). */
  marks(): Promise<Marks>;
  /** A new annotator, loaded on first use; called once. */
  annotator(): Promise<Annotator>;
  /** Where pinyin goes in `look`, and the elements outside it it also goes over (the headline). */
  pinyinTarget(look: PinyinLook): { root: Element; also: Element[] };
  /** The look the settings store, read when needed. */
  storedLook(): Promise<PinyinLook>;
  /** The look as last known, without waiting. */
  knownLook(): PinyinLook;
}

export interface TextAdditions {
  readonly termsOn: boolean;
  readonly pinyinOn: boolean;
  /** Terms marked in the article's body, or not. */
  setTerms(on: boolean): Promise<TermsState>;
  /** Pinyin on (in `look`, else the stored one) or off; `wait` says whether to resolve once the part in view is drawn. */
  setPinyin(on: boolean, look?: PinyinLook, wait?: 'visible' | 'all'): Promise<PinyinState>;
  /**
   * Pinyin on in this look, unless it is on in it already or being drawn in it: the popup
   * redraws with the settings it has just saved, and the page hears of the same save
   * through storage; whichever comes second waits for the first.
   */
  redrawPinyin(look: PinyinLook): Promise<PinyinState>;
  /** Pinyin off when on, on when off: decided once the changes asked before it are made. */
  togglePinyin(look?: PinyinLook): Promise<PinyinState>;
  pinyinState(look?: PinyinLook): PinyinState;
  /** Whether terms are marked and how many, once the changes asked before are made. */
  termsState(): Promise<TermsState>;
  /** Loads the annotator and reads the text ahead in idle time; null when pinyin is on already. */
  preparePinyin(look: PinyinLook): Promise<void> | null;
  /** The reading the ruby shows over a look-up's sentence, while pinyin is on (see Annotator.readingAt). */
  shownReading(node: Text, offset: number, context: LookupContext): PageReading | null;
  /** Settles once the last drawing's context readings are drawn (the bench and the browser tests wait for it). */
  pinyinRefined(): Promise<void>;
  /** Takes the pinyin off at once, without waiting for anything (the extension is gone). */
  letGo(): void;
}

export function createTextAdditions(env: TextAdditionsEnv): TextAdditions {
  let termsOn = false;
  let marks: Marks | null = null;
  let annotator: Annotator | null = null;
  let annotatorLoad: Promise<Annotator> | null = null;
  /** The look pinyin was last drawn in (as JSON) and the drawing's outcome. */
  let lastDraw: { look: string; state: Promise<PinyinState> } | null = null;
  /** The look pinyin on the page is drawn in, while it is on. */
  let drawnLook: PinyinLook | null = null;
  let refined: Promise<void> = Promise.resolve();

  const loadAnnotator = (): Promise<Annotator> => {
    annotatorLoad ??= env.annotator().then(
      (a) => (annotator = a),
      (err: unknown) => {
        annotatorLoad = null; // try again next time
        throw err;
      },
    );
    return annotatorLoad;
  };

  /** One change at a time, in the order asked. */
  let drawing: Promise<unknown> = Promise.resolve();
  function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const run = drawing.then(work, work);
    drawing = run.catch(() => undefined);
    return run;
  }

  /** Runs ruby work with the marks' observer paused, when terms are marked. */
  const withMarksPaused = <T>(work: () => Promise<T>): Promise<T> => (termsOn && marks ? marks.whileMarksPaused(work) : work());

  const pinyinState = (look?: PinyinLook): PinyinState => ({ on: annotator?.on ?? false, words: annotator?.words ?? 0, scope: look?.pinyinScope ?? 'article' });

  /** Pinyin on in `look`, remembered as the last drawing (see redrawPinyin) until it fails. */
  function trackDraw(look: PinyinLook, draw: (look: PinyinLook) => Promise<PinyinState>): Promise<PinyinState> {
    const key = JSON.stringify(look);
    const state = draw(look).catch((err: unknown) => {
      if (lastDraw?.look === key) lastDraw = null;
      throw err;
    });
    lastDraw = { look: key, state };
    return state;
  }

  async function drawPinyin(look: PinyinLook, wait: 'visible' | 'all'): Promise<PinyinState> {
    notePinyinUsed();
    const a = await loadAnnotator();
    const { root, also } = env.pinyinTarget(look);
    await withMarksPaused(async () => {
      const progress = a.start(root, look, also);
      refined = progress.refined;
      drawnLook = look;
      await (wait === 'visible' ? progress.visible : progress.done);
    });
    return pinyinState(look);
  }

  /** Marks go under the pinyin: with pinyin on, take it off, mark, and put it back. */
  async function markTerms(on: boolean): Promise<TermsState> {
    const root = on ? env.body() : null;
    if (on && !root) return { on: false, count: 0 };
    const current = annotator;
    const pinyinWasOn = current?.on ?? false;
    if (pinyinWasOn) await withMarksPaused(async () => current?.stop());
    const m = (marks ??= await env.marks());
    const count = await m.setMarking(root);
    termsOn = on && root !== null;
    // Back in the look it was drawn in (the popup's or the command's), not only the stored one.
    if (pinyinWasOn) await trackDraw(drawnLook ?? (await env.storedLook()), (look) => drawPinyin(look, 'all'));
    return { on: termsOn, count };
  }

  async function setPinyin(on: boolean, given?: PinyinLook, wait: 'visible' | 'all' = 'all'): Promise<PinyinState> {
    if (!on) {
      lastDraw = null;
      // Switching off needs no settings: no round trip before the page comes back.
      return oneAtATime(async () => {
        const current = annotator;
        drawnLook = null;
        if (current?.on) await withMarksPaused(async () => current.stop());
        return pinyinState(given ?? env.knownLook());
      });
    }
    const look = given ?? (await env.storedLook());
    return trackDraw(look, (l) => oneAtATime(() => drawPinyin(l, wait)));
  }

  return {
    get termsOn() {
      return termsOn;
    },
    get pinyinOn() {
      return annotator?.on ?? false;
    },
    setTerms: (on) => oneAtATime(() => markTerms(on)),
    setPinyin,
    redrawPinyin(look) {
      const key = JSON.stringify(look);
      if (lastDraw?.look === key) return lastDraw.state;
      return setPinyin(true, look);
    },
    togglePinyin: (look) => drawing.then(() => setPinyin(!(annotator?.on ?? false), look)),
    pinyinState,
    async termsState() {
      await drawing;
      return { on: termsOn, count: termsOn && marks ? marks.marked : 0 };
    },
    preparePinyin(look) {
      if (annotator?.on) return null;
      return loadAnnotator()
        .then((a) => {
          const { root, also } = env.pinyinTarget(look);
          return a.prepare(root, look, also);
        })
        .catch(() => undefined);
    },
    shownReading: (node, offset, context) => (annotator?.on ? annotator.readingAt(node, offset, context) : null),
    pinyinRefined: () => refined,
    letGo() {
      lastDraw = null;
      annotator?.stop();
    },
  };
}
