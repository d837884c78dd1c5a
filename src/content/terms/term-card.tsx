/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
/**
 * A glossary term's card: the term, its reading and meaning, what it means in diplomatic use,
 * then where else it was said (the glossary's citations, the reader's saved articles), loaded
 * from the background once the card is open.
 */
import { Fragment, h } from 'dom-chef';
import type { GlossaryEntry } from '../../core/glossary/types.ts';
import { sentenceAround } from '../../core/sentence.ts';
import { sendToBackground } from '../../messaging/ports.ts';
import { glossaryCategoryName as categoryLabel, t } from '../../platform/i18n.ts';
import { blockOf, visibleTextNodes } from '../text-at-point.ts';
import { closeButton, highlighted, saveButton, speakButton, statusLine, type SaveTarget } from '../cards/card-parts.tsx';

/** The same sentence, whitespace and a trailing mark aside (a citation of the very sentence being read). */
function sameSentence(a: string, b: string): boolean {
  const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '').replace(/[。！？!?；;]+$/u, '');
  const x = squeeze(a);
  const y = squeeze(b);
  return x.length > 0 && (x === y || (y.length >= 12 && x.includes(y)) || (x.length >= 12 && y.includes(x)));
}

/** The sentence a marked term is read in (pinyin left out). */
export function sentenceOfMark(span: Element): string {
  const blockText = visibleTextNodes(blockOf(span))
    .map((n) => n.data)
    .join('');
  const offset = blockText.indexOf(
    visibleTextNodes(span)
      .map((n) => n.data)
      .join(''),
  );
  return sentenceAround(blockText, Math.max(0, offset));
}

type Detail = Awaited<ReturnType<typeof sendToBackground<'glossary/entry'>>>;

/** Where else the term was said: up to two citations ("and N more" opens the rest) and three saved articles. */
function whereSaid(detail: Detail | null, entry: GlossaryEntry, sentence: string, currentUrl: string): DocumentFragment {
  // The sentence being read is no example of itself.
  const cites = (detail?.entry.citations ?? []).filter((c) => !sameSentence(c.sentence, sentence));
  const saved = (detail?.savedArticles ?? []).filter((a) => a.url !== currentUrl);
  const citeOf = (c: (typeof cites)[number]): HTMLElement =>
    (
      <span className="cite" lang="zh-Hans">
        {/* A citation from the title itself needs no title line above it. */}
        {c.sentence !== c.title ? <span className="cite-title">{c.title}</span> : null}
        {highlighted(c.sentence, entry.simplified)}
      </span>
    ) as HTMLElement;
  const more = (): HTMLElement => {
    // "and N more" opens the rest in place, and focus goes to the first of them.
    const button = (
      <button className="link" type="button" aria-expanded="false">
        {t('cardMore', String(cites.length - 2))}
      </button>
    ) as HTMLElement;
    button.addEventListener('click', () => {
      const rest = cites.slice(2).map(citeOf);
      button.replaceWith(...rest);
      rest[0]?.setAttribute('tabindex', '-1');
      rest[0]?.focus();
    });
    return button;
  };
  return (
    <>
      {cites.length === 0 && saved.length === 0 ? <span className="muted">{t('cardNone')}</span> : null}
      {cites.length ? (
        <>
          <span className="section-title">{t('cardSources')}</span>
          {cites.slice(0, 2).map(citeOf)}
          {cites.length > 2 ? more() : null}
        </>
      ) : null}
      {saved.length ? (
        <>
          <span className="section-title">{t('cardLibrary')}</span>
          {saved.slice(0, 3).map((a) => (
            <a className="cite" href={a.url} target="_blank" rel="noreferrer">
              {`${a.title} · ${t('cardTimes', String(a.count))}`}
            </a>
          ))}
        </>
      ) : null}
    </>
  ) as DocumentFragment;
}

/** The card's content for `entry`, read in `sentence`. */
export function termCard(entry: GlossaryEntry, sentence: string, to: SaveTarget, close: () => void): DocumentFragment {
  const where = (
    <div className="section">
      <span className="muted">{t('cardLoading')}</span>
    </div>
  ) as HTMLElement;
  const status = statusLine();
  void sendToBackground('glossary/entry', { term: entry.simplified }).then(
    (detail) => where.replaceChildren(whereSaid(detail, entry, sentence, to.article().url)),
    () => where.replaceChildren(),
  );
  return (
    <>
      <div className="head">
        <span className="word" lang="zh-Hans">
          {entry.simplified}
        </span>
        {entry.traditional ? <span className="trad">{entry.traditional}</span> : null}
        <span className="pinyin">{entry.pinyin}</span>
      </div>
      <span className="english">{entry.english}</span>
      {entry.alternatives.length ? <span className="alt">{t('cardAlso', entry.alternatives.join('; '))}</span> : null}
      <span className="explain">{entry.explanation}</span>
      <span className="chip">{categoryLabel(entry.category)}</span>
      {where}
      <div className="actions sticky">
        {saveButton({
          label: t('cardSaveWord', entry.simplified),
          word: { simplified: entry.simplified, traditional: entry.traditional ?? entry.simplified, pinyin: entry.pinyin, english: [entry.english, ...entry.alternatives] },
          source: 'glossary',
          sentence,
          status,
          to,
        })}
        {speakButton(entry.simplified)}
        {closeButton(close)}
        {status}
      </div>
    </>
  ) as DocumentFragment;
}
