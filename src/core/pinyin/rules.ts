/**
 * The rule layer: readings that depend on the words around a character, which neither
 * a dictionary nor the lexicon can fix by themselves (以…为, 应 "should", 长 after a
 * title, 量 as a suffix …). Each rule looks at one character of a word the lexicon did
 * not decide and returns a tone-marked reading, or null to leave it alone.
 */
import { HAN_SCRIPT } from '../han-script.ts';

export interface RuleContext {
  /** The whole input, so a rule can look past digits and quotes (以“一带一路”为主线). */
  text: string;
  /** Offset of the character in `text`. */
  at: number;
  char: string;
  /** The word holding the character, as the segmenter cut it. */
  word: string;
  indexInWord: number;
  /** Neighbouring words within the same Han run ('' at the run's edge). */
  prevWord: string;
  nextWord: string;
}

export interface Rule {
  id: string;
  /** The characters the rule is about; it is only asked about these. */
  chars: string;
  /** What it covers, for the tests and the review notes. */
  note: string;
  /**
   * Whether the rule's reading stands against the polyphone model's (context.ts). False
   * for the rules that CPP's dev split shows wrong more often than the model where the two
   * disagree (`npm run -s cli -- pinyin-rules` counts them).
   */
  outranksModel: boolean;
  apply(c: RuleContext): string | null;
}

/** Characters that end a clause: a rule's context does not reach past them. */
const CLAUSE_END = /[，。；！？：,.;!?:\n]/;

function clauseBefore(c: RuleContext): string {
  let k = c.at;
  while (k > 0 && !CLAUSE_END.test(c.text[k - 1] ?? '')) k--;
  return c.text.slice(k, c.at);
}

function clauseAfter(c: RuleContext): string {
  let k = c.at + c.char.length;
  const start = k;
  while (k < c.text.length && !CLAUSE_END.test(c.text[k] ?? '')) k++;
  return c.text.slice(start, k);
}

const prevChar = (c: RuleContext) => c.text[c.at - 1] ?? '';
const nextChar = (c: RuleContext) => c.text[c.at + 1] ?? '';
const single = (c: RuleContext) => c.word.length === 1;

/** 以 inside these words is not the 以 of 以…为…. */
const YI_BEFORE = new Set([...'可所予加得难用借足是何无赖据']);
const YI_AFTER = new Set([...'来及上下后前外内便免致至往期为']);

/** 视 inside these words is not the 视 of 视…为…. */
const SHI_BEFORE = new Set([...'重电审正无忽蔑歧监注近藐敌仇轻珍漠凝透巡检窥影短']);
const SHI_AFTER = new Set([...'频察野角线力觉听界为']);

/** Verbs that set up "X 为 Y" = "X as Y" when they come earlier in the clause (选举他为秘书长). */
const NAMING_VERBS = ['选举', '推举', '推选', '评选', '任命', '认定', '确定', '列入'];

/**
 * After 为, a benefactive verb phrase means 为 is "for" even inside 以…:
 * 以实际行动为全球抗疫作出贡献 (以 "by means of").
 */
const BENEFACTIVE = /作出|做出|提供|创造|贡献|服务|注入|开辟|带来|奠定|铺平|增添|指明|争取|营造/;

/**
 * Is there a free-standing 以 (以…为…), 视 (视…为…) or naming verb earlier in the
 * clause with no 为 in between?
 */
function frameBefore(c: RuleContext): boolean {
  const before = clauseBefore(c);
  const lastWei = before.lastIndexOf('为');
  for (const verb of NAMING_VERBS) {
    const at = before.lastIndexOf(verb);
    // A quotation opened after the verb is what is named, with its own 为 (列入“我为群众办实事”).
    if (at > lastWei && !/[“「‘]/.test(before.slice(at))) return true;
  }
  for (let k = before.length - 1; k > lastWei; k--) {
    const ch = before[k];
    const prev = before[k - 1] ?? '';
    const next = before[k + 1] ?? '';
    if (ch === '以' && !YI_BEFORE.has(prev) && !YI_AFTER.has(next)) return !BENEFACTIVE.test(clauseAfter(c));
    if (ch === '视' && !SHI_BEFORE.has(prev) && !SHI_AFTER.has(next)) return true;
  }
  return false;
}

/** Verbs that, right after a free-standing 为, make it "in order to" (为维护地区和平). */
const PURPOSE_VERB = /^(维护|实现|推动|促进|确保|加强|应对|解决|构建|推进|保障|帮助|防控|助力|打造|深化|巩固|落实|庆祝|纪念|迎接|抗击|保护|寻求|争取|捍卫|谋求|完善|提升|提高|加快|共同|进一步)/;
/** Further verbs of benefit that, later in the clause, make a free-standing 为 "for" (为两国合作打下基础). */
const FOR_LATER =
  /打下|打造|培养|发挥|做好|保驾护航|搭建|创造|注入|发展|稳定|复苏|恢复|赋能|作出|出力|尽力|努力|着想|谋福|谋幸福|谋利益|办实事|负责|履行|承担|感到|担心|担忧|操心|自豪|高兴|遗憾|点赞|喝彩/;

/** Adverbs and auxiliaries after which a free-standing 为 is "for" (已经为…, 将为…, 愿为…). */
const WEI4_AFTER = /(已经|已|正在|应当|应该|愿|愿意|可以|还|再|又|专门|积极|努力|主动|继续|一直|始终|共同|一起|特地|特意|并|来|去)$/;

/** Two-character words ending in 为 whose 为 is still the free 为 (不为…所…, 亦为). */
const FREE_WEI_WORDS = new Set(['不为', '亦为', '均为', '皆为', '即为', '乃为', '实为', '则为', '也为', '又为', '更为']);

/** Words before 为 that make it "to be / as" (视…为, 沦为, 改为 …). */
const WEI2_AFTER_WORD = new Set(['视', '沦', '互', '化', '变', '改', '定', '列', '选', '评', '誉', '称', '奉', '结', '分', '划', '转', '缩减', '转化', '转变', '演变', '变成', '合并', '拆分']);

/**
 * Passive 为…所…: a short agent, then 所 + verb. Not 所 in a word (所有, 所谓, 力所能及,
 * 场所) and not when a verb phrase comes first (为各国提供力所能及的帮助).
 */
function passiveSuo(after: string): boolean {
  const k = after.indexOf('所');
  if (k < 1 || k > 8) return false;
  const next = after[k + 1] ?? '';
  const prev = after[k - 1] ?? '';
  if (!HAN_SCRIPT.test(next) || '有在以谓属长能'.includes(next) || '力场诊住厕究出'.includes(prev)) return false;
  return !BENEFACTIVE.test(after.slice(0, k));
}

const YING4_NEXT = new Set([...'对邀急用变聘付答运征战验酬接诉试考和声允召']);
const ZHANG3_PREV = new Set([...'外副首部省市县校院局处科组班社团队会州区镇乡村厂所室站馆酋家兄师族']);
const ZHONG4_PREV = new Set([...'接耕栽播抢复套混轮点']);
const ZHONG4_NEXT = new Set([...'植地田树粮菜花草瓜豆']);
const SHUAI4_NEXT = new Set([...'领先团队部众军兵']);
const CHU4_PREV = new Set([...'之各多几两一此何某到好深远近住益痛妙用出']);
const CHU3_NEXT = new Set([...'于在理置罚分事世境']);
/** One-character verbs that the segmenter glues to a complement 得 (跑得, 说得, 做得). */
const COMPLEMENT_VERBS = new Set([...'跑说做写干办走变搞过活学讲唱吃睡打看想长来飞站坐跳笑哭听谈管用']);
const HUAN2_NEXT = new Set([...'款债贷钱账击手清']);
const ZAI3_PREV = new Set([...'年半千万数一二三四五六七八九十几']);
/** First characters of words that form a word with 目 before a 的 (瞩目|的, 项目|的). */
const MU_WORD_PREV = new Set([...'瞩注醒盲项题节数科书条夺悦耳心满侧触纲眉面']);
/** Last characters of words that take adverbial 地 (积极地, 坚定地, 历史性地). */
const ADVERBIAL_END = new Set([...'性极定断入真效分面步续序妥好底力然切动利速确实刻泛烈常同快细重密紧稳']);
const NUMERAL = new Set([...'一二两三四五六七八九十百千万几每数']);

/** Surnames read otherwise than the common word (单 Shàn, not dān), as 现代汉语词典 gives them. */
const SURNAMES: Readonly<Record<string, string>> = {
  单: 'shàn',
  曾: 'zēng',
  解: 'xiè',
  仇: 'qiú',
  朴: 'piáo',
  查: 'zhā',
  区: 'ōu',
  翟: 'zhái',
  缪: 'miào',
  覃: 'qín',
  任: 'rén',
  尉: 'yù',
};
/** Titles and roles that stand right before a person's name in the news (发言人汪文斌, 大使曾某某). */
const TITLE_BEFORE =
  /(主席|总理|部长|外长|大使|发言人|总统|首相|书记|省长|市长|州长|主任|委员|教授|记者|院士|董事长|总经理|局长|司长|处长|参赞|特使|代表|会长|校长|院长|秘书长|委员长|副总理|国务委员|将军|司令|议员|法官|作家|导演|队长|教练|主编|研究员|学者|博士|总裁|主持人|通讯员)$/;
/** Titles that follow a person's name and hardly anything else (曾某某先生). */
const TITLE_AFTER = /^(先生|女士|同志|教授|院士|博士|夫人|老师)/;
/** What may follow a name after a title: punctuation, a verb of saying or meeting, a conjunction. */
const AFTER_NAME =
  /^(?:[^\p{Script=Han}]|$|表示|说|指出|会见|会晤|出席|强调|认为|介绍|称|回答|答|主持|发表|在|与|和|同|及|等|一行|率团|访问|透露|坦言|提出|呼吁|宣布|致辞|讲话|报道|发自|摄|先生|女士)/u;
/** Characters that hardly start a given name but often follow the common word (曾经, 任何, 单方面). */
const NOT_GIVEN = new Set([...'多经一是在不也都还就已被对把将要会能可于为与和及同向从由何意务职命期位独方面个次释决放读说决明查询处分别']);

/** Is the surname at `c` the start of a person's name of one or two more characters? */
function nameAt(c: RuleContext): boolean {
  const before = clauseBefore(c);
  for (const len of [2, 1]) {
    const given = c.text.slice(c.at + 1, c.at + 1 + len);
    if (given.length !== len || ![...given].every((ch) => HAN_SCRIPT.test(ch)) || NOT_GIVEN.has(given[0] ?? '')) continue;
    // The segmenter found no word that joins the surname to what follows, unless the word is the name itself.
    // A word the segmenter found may be the name itself, if it is three characters long (曾庆红); a
    // two-character one is a word of its own (任内, 曾经).
    if (c.word.length > 1 && (c.word !== c.char + given || c.word.length < 3)) continue;
    // A word the segmenter cut after the character, or a verb of saying, is not a given name (总理曾|表示).
    if (c.word.length === 1 && (c.nextWord === given || AFTER_NAME.test(given))) continue;
    const rest = c.text.slice(c.at + 1 + len);
    if (TITLE_BEFORE.test(before) && AFTER_NAME.test(rest)) return true;
    if (TITLE_AFTER.test(rest)) return true;
  }
  return false;
}

export const RULES: readonly Rule[] = [
  {
    id: 'surname',
    chars: Object.keys(SURNAMES).join(''),
    note: 'a surname in name position (after a title or role and before a one- or two-character given name, or before 先生/女士/同志 …) takes its surname reading: 单 shàn, 曾 zēng, 解 xiè, 仇 qiú, 朴 piáo, 查 zhā, 区 ōu, 任 rén …',
    outranksModel: true,
    apply: (c) => (c.indexInWord === 0 && nameAt(c) ? (SURNAMES[c.char] ?? null) : null),
  },
  {
    id: 'wei-frame',
    chars: '为',
    note: '为 is wéi in 以…为… (以联合国为核心, 以此为契机), after 视/沦/改/转化 …, and in passive 为…所…',
    outranksModel: true,
    apply(c) {
      if (!single(c) && !(FREE_WEI_WORDS.has(c.word) && c.indexInWord === 1)) return null;
      if (WEI2_AFTER_WORD.has(c.prevWord) || frameBefore(c)) return 'wéi';
      const after = clauseAfter(c);
      if (!/^[此了何]/.test(after) && passiveSuo(after)) return 'wéi';
      return null;
    },
  },
  {
    id: 'wei-for',
    chars: '为',
    note: '为 standing alone is wèi ("for", "in order to") before a purpose verb (为维护和平) or where a benefactive verb follows in the clause (为各国提供帮助)',
    outranksModel: true,
    apply(c) {
      if (!single(c) || WEI2_AFTER_WORD.has(c.prevWord) || frameBefore(c)) return null;
      const after = clauseAfter(c);
      if (PURPOSE_VERB.test(after)) return 'wèi';
      if (BENEFACTIVE.test(after) || FOR_LATER.test(after)) return 'wèi';
      // The copula needs its subject right before it; at the start of a clause, or after an
      // adverb or auxiliary, 为 introduces whom or what something is done for (已经为两百多名烈士找到亲人).
      const before = clauseBefore(c);
      if ((before === '' || /[“「‘（(]$/.test(before) || WEI4_AFTER.test(before)) && !/^([数人期主首止准时难]|[\d一二两三四五六七八九十百千万几零〇]|百分之|非法|合法)/.test(after)) return 'wèi';
      return null;
    },
  },
  {
    id: 'ying-should',
    chars: '应',
    note: '应 standing alone is the modal "should" (yīng) unless it starts 应对/应邀/应急 … split off by the segmenter',
    outranksModel: true,
    apply: (c) => (single(c) ? (YING4_NEXT.has(nextChar(c)) ? 'yìng' : 'yīng') : null),
  },
  {
    id: 'zhang-title',
    chars: '长',
    note: '长 after 外/副/部/院 … is the head of something (zhǎng)',
    outranksModel: true,
    apply: (c) => (single(c) && ZHANG3_PREV.has(prevChar(c)) && !/^[期远久度]/.test(nextChar(c)) ? 'zhǎng' : null),
  },
  {
    id: 'chang-long',
    chars: '长',
    note: '长 standing alone after a degree word (很长, 太长, 更长, 最长, 较长) is the adjective cháng (long)',
    outranksModel: true,
    apply: (c) => (single(c) && /^(很|太|更|最|较|越|挺|这么|那么|多么|特别|非常|相当|不)$/.test(c.prevWord) ? 'cháng' : null),
  },
  {
    id: 'xing-alone',
    chars: '行',
    note: '行 standing alone is xíng (践行, 开行); háng after 银/分/总/支 (banks)',
    outranksModel: true,
    apply: (c) => (single(c) ? ('银分总支'.includes(prevChar(c)) && prevChar(c) !== '' ? 'háng' : 'xíng') : null),
  },
  {
    id: 'de-particle',
    chars: '的',
    note: '的 standing alone is the particle de; 的确 is dí; 目的/标的 glued across 瞩目|的, 目标|的 are split back',
    outranksModel: true,
    apply(c) {
      if (single(c)) return 'de';
      if (c.word === '的确' && c.indexInWord === 0) return 'dí';
      if (c.word === '目的' && c.indexInWord === 1 && MU_WORD_PREV.has(prevChar({ ...c, at: c.at - 1 }))) return 'de';
      if (c.word === '标的' && c.indexInWord === 1 && '目指'.includes(prevChar({ ...c, at: c.at - 1 }) || '·')) return 'de';
      return null;
    },
  },
  {
    id: 'zhong-plant',
    chars: '种',
    note: '种 is zhòng (to plant, to inoculate) after 接/耕/栽 or before 植/地/树 …',
    outranksModel: true,
    apply: (c) => (single(c) ? (ZHONG4_PREV.has(prevChar(c)) || ZHONG4_NEXT.has(nextChar(c)) ? 'zhòng' : 'zhǒng') : null),
  },
  {
    id: 'shuai-lead',
    chars: '率',
    note: '率 is shuài (to lead) before 领/先/团/队 …',
    outranksModel: false,
    apply: (c) => (single(c) && (SHUAI4_NEXT.has(nextChar(c)) || /^[^，。；,;]{0,6}(代表团|团|队)/.test(c.text.slice(c.at + 1, c.at + 12))) ? 'shuài' : null),
  },
  {
    id: 'lv-rate',
    chars: '率',
    note: '率 after a word of two or more characters is the suffix lǜ (rate: 回报率, 失业率); after one character it is left to the model (表率, 坦率 shuài)',
    outranksModel: true,
    apply: (c) => (single(c) && c.prevWord.length >= 2 ? 'lǜ' : null),
  },
  {
    id: 'juan-volume',
    chars: '卷',
    note: '卷 after 第 and a number is juàn (volume: 第三卷)',
    outranksModel: true,
    apply: (c) => (single(c) && /第[一二三四五六七八九十百零〇两\d]+$/.test(clauseBefore(c)) ? 'juàn' : null),
  },
  {
    id: 'zhengdang',
    chars: '当',
    note: '正当 is zhèngdàng (legitimate) unless it means "just when" (正当…之际/时)',
    outranksModel: true,
    apply(c) {
      if (c.word !== '正当' || c.indexInWord !== 1) return null;
      const after = clauseAfter(c);
      return /^(.{0,12})(之际|之时|时)/.test(after) || /^[年午中]/.test(after) ? 'dāng' : 'dàng';
    },
  },
  {
    id: 'le-particle',
    chars: '了',
    note: '了 standing alone (or glued to the next word: 了|一) is the particle le; liǎo after a free-standing 不 (解决不了) and where the segmenter cut 了解, 了结, 了不起 apart',
    outranksModel: true,
    apply(c) {
      // 了 cut off from 解/结/却 …: only where the segmenter left that character alone (了|解到), not
      // before a word of its own (取得了|结构性, 进行了|解释).
      if (single(c)) return c.prevWord === '不' || /^(解|结|却|解到)$/.test(c.nextWord) ? 'liǎo' : 'le';
      // 不了 cut out as one word (打垮不了, 受不了) is the potential complement liǎo.
      if (c.word === '不了' && c.indexInWord === 1) return 'liǎo';
      if (c.indexInWord === 0 && /^了(解|结|却|如指掌|不起)/.test(c.word)) return 'liǎo';
      if (c.indexInWord === 0 && !/^了[解结却然如不无得]/.test(c.word)) return 'le';
      return null;
    },
  },
  {
    id: 'de-adverbial',
    chars: '地',
    note: '地 after an adverbial word and before a verb is the particle de (坚定地支持, 历史性地)',
    outranksModel: true,
    apply: (c) => (single(c) && c.prevWord.length >= 2 && ADVERBIAL_END.has(c.prevWord.slice(-1)) && HAN_SCRIPT.test(nextChar(c)) ? 'de' : null),
  },
  {
    id: 'gong-supply',
    chars: '供',
    note: '供 standing alone is gōng (to supply, 供各方参考)',
    outranksModel: true,
    apply: (c) => (single(c) ? 'gōng' : null),
  },
  {
    id: 'zhi-only',
    chars: '只',
    note: '只 standing alone is the adverb zhǐ (only), zhī as a measure word after a numeral',
    outranksModel: true,
    apply: (c) => (single(c) ? (NUMERAL.has(prevChar(c)) ? 'zhī' : 'zhǐ') : null),
  },
  {
    id: 'gan-do',
    chars: '干',
    note: '干 standing alone at the end of a phrase or before a complement is the verb gàn (加油干, 干好); 干涉/干预 split apart stay gān',
    outranksModel: true,
    apply: (c) => (single(c) && (!HAN_SCRIPT.test(nextChar(c)) || '了好成出下起到得'.includes(nextChar(c))) ? 'gàn' : null),
  },
  {
    id: 'chao-towards',
    chars: '朝',
    note: '朝 standing alone is cháo (towards; 朝方 North Korea); zhāo only in lexicon words',
    outranksModel: true,
    apply: (c) => (single(c) ? 'cháo' : null),
  },
  {
    id: 'zai-year',
    chars: '载',
    note: '载 is zǎi (year) after a number, zài (to carry) otherwise',
    outranksModel: true,
    apply: (c) => (single(c) ? (ZAI3_PREV.has(prevChar(c)) ? 'zǎi' : 'zài') : null),
  },
  {
    id: 'chu-place',
    chars: '处',
    note: '处 is chù (place) after 之/各/多/此 …, chǔ (to handle, to be in) before 于/在/理 …',
    outranksModel: true,
    apply(c) {
      if (!single(c)) return null;
      if (CHU4_PREV.has(prevChar(c))) return 'chù';
      if (CHU3_NEXT.has(nextChar(c))) return 'chǔ';
      return null;
    },
  },
  {
    id: 'huan-return',
    chars: '还',
    note: '还 is huán (to give back) before 款/债/贷 … (alone or starting 还清/还款), hái otherwise',
    outranksModel: true,
    apply(c) {
      if ((single(c) || c.indexInWord === 0) && HUAN2_NEXT.has(nextChar(c))) return 'huán';
      return single(c) ? 'hái' : null;
    },
  },
  {
    id: 'geng-more',
    chars: '更',
    note: '更 standing alone, or starting a word the segmenter glued to the next verb or adjective (更有, 更是, 更为, 更加), is the adverb gèng',
    outranksModel: true,
    apply: (c) => (single(c) || (c.indexInWord === 0 && /^更(有|是|为|加|要|应|能|多|好|大|高|快|新|具|显|需|不|广|深|强)/.test(c.word)) ? 'gèng' : null),
  },
  {
    id: 'de-complement',
    chars: '得',
    note: '得 standing alone after a word is the complement particle de (发展得很快); so is 得 glued by the segmenter to a one-character verb before it (跑得, 说得) or to 很 after it (得很)',
    // CPP's dev split has one case where the two disagree: too few to let the model overrule a
    // construction it reads as dé in short everyday sentences (他跑得很快).
    outranksModel: true,
    apply(c) {
      if (single(c)) return c.prevWord !== '' && !'到以出知益失分票利'.includes(nextChar(c) || '·') ? 'de' : null;
      if (c.word.length === 2 && c.indexInWord === 1 && COMPLEMENT_VERBS.has(c.word[0] ?? '')) return 'de';
      if (c.word === '得很' && c.indexInWord === 0 && c.prevWord !== '') return 'de';
      return null;
    },
  },
  {
    id: 'dou-all',
    chars: '都',
    note: '都 standing alone is dōu, but dū (capital) after 之 (外交之都, 音乐之都); otherwise dū only in words (首都)',
    outranksModel: true,
    apply: (c) => (single(c) ? (prevChar(c) === '之' ? 'dū' : 'dōu') : null),
  },
  {
    id: 'shi-transliteration',
    chars: '什',
    note: '什 is shén only in 什么; in names and 什锦 it is shí',
    outranksModel: true,
    apply: (c) => (/[么麽]/.test(nextChar(c)) ? 'shén' : 'shí'),
  },
];

const BY_CHAR = new Map<string, Rule[]>();
for (const rule of RULES) {
  for (const ch of rule.chars) {
    const list = BY_CHAR.get(ch) ?? [];
    list.push(rule);
    BY_CHAR.set(ch, list);
  }
}

/** By UTF-16 code, so the check needs no one-character string (it runs for every character read). */
const HAS_RULES = new Set([...BY_CHAR.keys()].map((ch) => ch.charCodeAt(0)));

export function hasRulesAt(text: string, at: number): boolean {
  return HAS_RULES.has(text.charCodeAt(at));
}

/** The rule layer's reading for one character, or null when no rule has an opinion. */
export function applyRules(c: RuleContext): { reading: string; rule: string } | null {
  for (const rule of BY_CHAR.get(c.char) ?? []) {
    const reading = rule.apply(c);
    if (reading !== null) return { reading, rule: rule.id };
  }
  return null;
}
