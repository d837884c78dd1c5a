/** Jiedu's note type in Anki: its style and card templates, for the .apkg and for AnkiConnect's createModel. */

const FONT_STACK = `"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif`;

export const JIEDU_CSS = `.card { font-family: ${FONT_STACK}; font-size: 20px; line-height: 1.5; text-align: center; color: #1d1d1f; background: #fff; }
.card.nightMode, .nightMode .card { color: #e8e8e8; background: #1e1e1e; }
.hanzi { font-size: 2.6em; line-height: 1.2; }
.trad { font-size: 1.3em; color: #666; }
.nightMode .trad { color: #aaa; }
.pinyin { font-size: 1.3em; margin: .3em 0; }
.meaning { margin: .4em auto; max-width: 36em; }
.sentence { font-size: 1.15em; margin: .8em auto 0; max-width: 36em; }
.sentence b { color: #b3261e; }
.nightMode .sentence b { color: #ff8a80; }
.sentence-pinyin, .article, .note, .tags { font-size: .8em; color: #666; max-width: 40em; margin: .3em auto; }
.nightMode .sentence-pinyin, .nightMode .article, .nightMode .note, .nightMode .tags { color: #aaa; }
.article a { color: inherit; }
.listen { font-size: 1.6em; margin: .6em 0; }`;

const BACK_DETAILS = `{{#Traditional}}<div class="trad" lang="zh-Hant">{{Traditional}}</div>{{/Traditional}}
<div class="meaning">{{Meaning}}</div>
{{#Sentence}}<div class="sentence" lang="zh-Hans">{{Sentence}}</div>{{/Sentence}}
{{#SentencePinyin}}<div class="sentence-pinyin">{{SentencePinyin}}</div>{{/SentencePinyin}}
{{#Article}}<div class="article">{{Article}}</div>{{/Article}}
{{#Note}}<div class="note">{{Note}}</div>{{/Note}}`;

/** The answer of a card that asks for the word: the word, its reading and the rest. */
const WORD_ANSWER = `{{FrontSide}}\n<hr id="answer">\n<div class="hanzi" lang="zh-Hans">{{Simplified}}</div>\n<div class="pinyin">{{Pinyin}}</div>\n${BACK_DETAILS}`;

/**
 * Anki's own text-to-speech (Anki 2.1.20 and later, AnkiDroid, AnkiMobile): the word read by a
 * Chinese system voice where the device has one. Jiedu has no audio files to send.
 */
const LISTENING_TTS = '{{tts zh_CN:Simplified}}';

/**
 * Recognition: the word, answer its reading and meaning. Recall: the meaning, answer the word.
 * Listening: the word heard, answer the word; its whole front stands in {{#Listening}}, so a note
 * whose Listening field is empty has no listening card (Anki makes none from an empty front).
 */
export const JIEDU_TEMPLATES = [
  {
    name: 'Recognition',
    qfmt: `<div class="hanzi" lang="zh-Hans">{{Simplified}}</div>`,
    afmt: `{{FrontSide}}\n<hr id="answer">\n<div class="pinyin">{{Pinyin}}</div>\n${BACK_DETAILS}`,
  },
  {
    name: 'Recall',
    qfmt: `<div class="meaning">{{Meaning}}</div>`,
    afmt: WORD_ANSWER,
  },
  {
    name: 'Listening',
    qfmt: `{{#Listening}}<div class="listen">${LISTENING_TTS}</div>{{/Listening}}`,
    afmt: WORD_ANSWER,
  },
] as const;
