/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
/**
 * The dictionary card: for each word found at the point (longest first), its forms, the
 * glossary's meaning when it is a term of art, and one block per pronunciation with the
 * reading in this sentence first; Save keeps the entry that fits the sentence.
 */
import { Fragment, h } from 'dom-chef';
import type { LookupMatch } from '../../messaging/protocol.ts';
import { entryKind } from '../../core/dictionary/rank.ts';
import { pinyinInStyle } from '../../core/dictionary/pinyin-format.ts';
import type { Settings } from '../../core/settings.ts';
import { t } from '../../platform/i18n.ts';
import { closeButton, saveButton, speakButton, statusLine, type SaveTarget } from '../cards/card-parts.tsx';

function hanText(text: string, lang: 'zh-Hans' | 'zh-Hant'): HTMLElement {
  return (
    <span className="trad" lang={lang}>
      {text}
    </span>
  ) as HTMLElement;
}

type Group = LookupMatch['groups'][number];
type Entry = LookupMatch['entries'][number];

/**
 * One pronunciation of a word: the first open, the others folded to a line each (pinyin and
 * first sense) and opened on demand, so Save stays near the top.
 */
function reading(g: Group, k: number, m: LookupMatch, keep: Entry, tone: Settings['pinyinTone']): HTMLElement {
  const forms = [...new Set(g.entries.map((e) => e.traditional).filter((f) => f !== m.word && f !== keep.traditional))];
  const line = [
    <span className="pinyin">{pinyinInStyle(g.pinyin, tone)}</span>,
    forms.length ? hanText(forms.join(' '), 'zh-Hant') : null,
    g.inContext ? <span className="chip">{t('cardInContext')}</span> : null,
    k > 0 ? <span className="gist">{(g.entries.find((e) => entryKind(e) === 'main') ?? g.entries[0]!).english[0] ?? ''}</span> : null,
  ];
  const senses = g.entries.flatMap((e) => {
    const quiet = entryKind(e) !== 'main';
    return e.english.slice(0, 6).map((gloss) => {
      const text = e.traditional !== keep.traditional && g.entries.length > 1 ? `${e.traditional}: ${gloss}` : gloss;
      return quiet ? <li className="quiet">{text}</li> : <li>{text}</li>;
    });
  });
  return (
    k === 0 ? (
      <div className="reading">
        <div className="head">{line}</div>
        <ol>{senses}</ol>
      </div>
    ) : (
      <details className="reading">
        <summary className="head">{line}</summary>
        <ol>{senses}</ol>
      </details>
    )
  ) as HTMLElement;
}

function match(m: LookupMatch, sentence: string, status: HTMLElement, tone: Settings['pinyinTone'], to: SaveTarget): HTMLElement {
  // What Save keeps: the entry that fits the sentence (the best-ranked one when no sentence was sent).
  const keep = m.save ?? m.entries[0]!;
  // One block per pronunciation, the reading in this sentence first (as Pleco and Yomitan group them).
  // A glossary term the dictionary lacks has only the glossary's own entry, shown above.
  const groups = m.glossary && m.entries.every((e) => e.english[0] === m.glossary!.english) ? [] : m.groups;
  const english = m.glossary ? [m.glossary.english, ...m.glossary.alternatives] : keep.english;
  return (
    <div className="match">
      <div className="head">
        <span className="word" lang="zh-Hans">
          {m.word}
        </span>
        {keep.traditional !== keep.simplified && keep.traditional !== m.word ? hanText(keep.traditional, 'zh-Hant') : null}
        {keep.simplified !== m.word ? hanText(keep.simplified, 'zh-Hans') : null}
        {m.glossary ? [<span className="pinyin">{m.glossary.pinyin}</span>, <span className="badge">{t('cardGlossaryBadge')}</span>] : null}
      </div>
      {m.glossary ? [<span className="english">{m.glossary.english}</span>, <span className="explain">{m.glossary.explanation}</span>] : null}
      {groups.map((g, k) => reading(g, k, m, keep, tone))}
      <div className="actions">
        {saveButton({
          label: t('cardSaveWord', m.word),
          word: {
            simplified: keep.simplified,
            traditional: m.glossary ? (m.glossary.traditional ?? m.glossary.simplified) : keep.traditional,
            pinyin: m.glossary?.pinyin ?? keep.pinyin,
            english: english.slice(0, 20),
          },
          source: m.glossary ? 'glossary' : 'dictionary',
          sentence,
          status,
          to,
        })}
        {speakButton(m.word)}
      </div>
    </div>
  ) as HTMLElement;
}

/** The card's content for the words found at a point, read in `sentence`. */
export function lookupCard(matches: LookupMatch[], sentence: string, tone: Settings['pinyinTone'], to: SaveTarget, close: () => void): Node {
  if (matches.length === 0) return mutedLine(t('cardNoEntry'));
  const status = statusLine();
  return (
    <>
      {matches.slice(0, 4).map((m) => match(m, sentence, status, tone, to))}
      <div className="actions sticky">
        {closeButton(close)}
        {status}
      </div>
    </>
  ) as DocumentFragment;
}

/** A card that only says something (loading, or what went wrong). */
export function mutedLine(text: string): HTMLElement {
  return (<span className="muted">{text}</span>) as HTMLElement;
}
