/**
 * Eight characters CC-CEDICT lists with a variant, surname or other reading first, each in
 * a real sentence: the seeds (assets/seeds) and real pages (tests/fixtures/real-pages),
 * copied as they stand there. The unit test reads them in Node, the browser test clicks
 * them in the page; both check the word Save stores.
 */
export interface SaveCase {
  char: string;
  /** The sentence as it stands in `file`. */
  sentence: string;
  /** Text around the character that occurs once in the page, and the character's index in it. */
  phrase: string;
  at: number;
  /** Repository path of the text the sentence comes from. */
  file: string;
  /** Seed number when the file is a seed (the browser test opens it at a seed page's address). */
  seed?: string;
  /** Real page's address (tests/fixtures/real-pages/index.json). */
  url?: string;
  expected: { traditional: string; pinyin: string; english: RegExp };
  /** CC-CEDICT's first entry, which Save stored before entries were ranked (checked by the unit test). */
  before: string;
}

export const SAVE_CASES: SaveCase[] = [
  {
    char: '与',
    sentence: '30年来，中亚国家走过了不平凡的历程，在不懈探索中逐步找到适合自身国情的发展道路，创造了持续稳定与发展的“中亚奇迹”，成为维护地区和世界和平稳定的重要力量。',
    phrase: '稳定与发展',
    at: 2,
    file: 'assets/seeds/001_18db919ca564c70d.txt',
    seed: '001',
    expected: { traditional: '與', pinyin: 'yǔ', english: /^and$/ },
    before: '與 yú "variant of 歟|欤[yú]"',
  },
  {
    char: '据',
    sentence: '据外交部网站7月14日消息，当地时间7月13日，对塔吉克斯坦进行正式访问的国务委员兼外长王毅在杜尚别同塔外长穆赫里丁举行会谈。',
    phrase: '据外交部网站7月14日',
    at: 0,
    file: 'assets/seeds/000_6ce5575ba27e451a.txt',
    seed: '000',
    expected: { traditional: '據', pinyin: 'jù', english: /^according to$/ },
    before: '㨿 jù "variant of 據|据[jù]"',
  },
  {
    char: '里',
    sentence: '这里会升级为研发中心。',
    phrase: '这里会升级',
    at: 1,
    file: 'tests/fixtures/real-pages/guancha-1.html',
    url: 'https://www.guancha.cn/WangWen/2019_09_07_516891.shtml',
    expected: { traditional: '裡', pinyin: 'lǐ', english: /^inside$/ },
    before: '裏 lǐ "variant of 裡|里[lǐ]"',
  },
  {
    char: '干',
    sentence: '李强先后来到乌鲁木齐市、昌吉回族自治州、新疆生产建设兵团第六师五家渠市，走进园区、企业、游牧民定居点等，与各族干部群众深入交流。',
    phrase: '各族干部群众',
    at: 2,
    file: 'tests/fixtures/real-pages/xinhua-6-2024.html',
    url: 'http://www.news.cn/politics/leaders/20240509/3dd6e33cc6d749fbaae01fea337ff400/c.html',
    expected: { traditional: '幹', pinyin: 'gàn', english: /^cadre$/ },
    before: '乹 gān "old variant of 乾|干[gān]"',
  },
  {
    char: '历',
    sentence: '王毅表示，今天的阿富汗站在历史的十字路口。',
    phrase: '站在历史的十字路口',
    at: 2,
    file: 'assets/seeds/003_e1e3ee129a945250.txt',
    seed: '003',
    expected: { traditional: '歷', pinyin: 'lì', english: /^history$/ },
    before: '厤 lì "old variant of 曆|历[lì]; old variant of 歷|历[lì]"',
  },
  {
    char: '只',
    sentence: '“但在埃塞，工人工资一般只有100美元左右。',
    phrase: '工资一般只有100美元',
    at: 4,
    file: 'tests/fixtures/real-pages/guancha-1.html',
    url: 'https://www.guancha.cn/WangWen/2019_09_07_516891.shtml',
    expected: { traditional: '只', pinyin: 'zhǐ', english: /^only; merely; just$/ },
    before: '只 zhī "variant of 隻|只[zhī]"',
  },
  {
    char: '行',
    sentence: '关键要落实到具体行动中。',
    phrase: '落实到具体行动中',
    at: 5,
    file: 'assets/seeds/003_e1e3ee129a945250.txt',
    seed: '003',
    expected: { traditional: '行', pinyin: 'xíng', english: /^to walk$/ },
    before: '行 háng "row; line; commercial firm"',
  },
  {
    char: '长',
    sentence: '中国的发展是和平力量的增长，是发展中国家力量的增强。',
    phrase: '和平力量的增长',
    at: 6,
    file: 'assets/seeds/002_8a2d2585a03c0fd9.txt',
    seed: '002',
    expected: { traditional: '長', pinyin: 'zhǎng', english: /^to grow$/ },
    before: '長 cháng "length; long"',
  },
];
