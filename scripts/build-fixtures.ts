/**
 * Builds test pages for the layouts that have no real page in tests/fixtures/real-pages:
 * each seed body (assets/seeds, read through parseSeed) rendered into each newer layout's markup,
 * following the selectors in the shared site notes. Output: tests/fixtures/built/*.html and index.json.
 * Every file says at its top that it is BUILT, not a real page.
 *
 *   npx tsx scripts/build-fixtures.ts
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSeed, type Seed } from '../src/core/seeds.ts';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'tests/fixtures/built');

export interface BuiltFixture {
  file: string;
  url: string;
  seed: string;
  layout: string;
  /** Expected values the tests compare; paragraphs are compared with parseSeed's output directly. */
  expect: {
    title: string;
    publishedAt: string;
    authors: string[];
    source: string | null;
    editor: string | null;
    language: 'zh-Hans' | 'en';
    partial: null;
    images: Array<{ src: string; caption: string }>;
  };
  /** The clock to extract with (relative dates on user.guancha.cn). */
  now: string;
}

/** Seeds 001 and 003 carry no date: these come from their datelines (7月17日电; 2021年9月8日). */
const FALLBACK_DATES: Record<string, string> = { '001': '2021-07-17T20:00:00+08:00', '003': '2021-09-08T22:00:00+08:00' };

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Parts {
  y: string;
  mo: string;
  d: string;
  h: string;
  mi: string;
  s: string;
}
function parts(iso: string): Parts {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(iso);
  if (!m) throw new Error(`bad date ${iso}`);
  return { y: m[1]!, mo: m[2]!, d: m[3]!, h: m[4]!, mi: m[5]!, s: m[6]! };
}

/** Deterministic shuffle (mulberry32), so rebuilding gives the same files. */
function shuffle<T>(xs: T[], seed: number): T[] {
  let a = seed >>> 0;
  const rnd = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function base32(s: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of new TextEncoder().encode(s)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += '=';
  return out;
}

/** Body blocks: paragraphs, with the seed's images after the first paragraph (the seeds do not keep image positions). */
function blocks(seed: Seed, para: (t: string) => string, image: (src: string, caption: string) => string): string[] {
  const out = seed.paragraphs.map(para);
  const pics = seed.images.map((i) => image(i.src, i.caption));
  out.splice(Math.min(1, out.length), 0, ...pics);
  return out;
}

function page(seed: Seed, layout: string, url: string, head: string, body: string): string {
  return `<!-- BUILT test page, not a real page: seed ${seed.id} (${seed.file}) rendered into the ${layout} layout by scripts/build-fixtures.ts, from the selectors in the site notes. Served in tests at ${url} -->
<!DOCTYPE html>
<html lang="${layout === 'xinhua-english' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<title>${esc(seed.title)}</title>
${head}
</head>
<body>
${body}
</body>
</html>
`;
}

const HEX = (seed: Seed): string =>
  (seed.file.split('_')[1] ?? '')
    .replace(/\.txt$/, '')
    .padEnd(32, '0')
    .slice(0, 32);
const NUM = (seed: Seed): string => String(600100 + Number(seed.id));

interface Layout {
  name: string;
  url(seed: Seed, p: Parts): string;
  render(seed: Seed, p: Parts, url: string): string;
  expect(seed: Seed, iso: string): Pick<BuiltFixture['expect'], 'authors' | 'source' | 'editor' | 'language' | 'publishedAt'>;
}

const guanchaImage = (src: string, caption: string): string =>
  `<p align="center"><img src="${esc(src)}" title="点击查看大图" class="bigimg"></p>` + (caption ? `\n<p align="center"><span style="color:#999999;">${esc(caption)}</span></p>` : '');
const xinhuaImage = (src: string, caption: string): string =>
  `<p style="TEXT-ALIGN: center"><img style="MAX-WIDTH: 100%" src="${esc(src)}" /></p>` +
  (caption ? `\n<p style="TEXT-ALIGN: center"><span style="COLOR: rgb(51,127,229)"><font color="navy" face="楷体">${esc(caption)}</font></span></p>` : '');
const figure = (src: string, caption: string): string => `<figure><img src="${esc(src)}" alt="${esc(caption)}">${caption ? `<figcaption>${esc(caption)}</figcaption>` : ''}</figure>`;

const LAYOUTS: Layout[] = [
  {
    name: 'guancha-www-s',
    url: (seed, p) => `https://www.guancha.cn/internation/${p.y}_${p.mo}_${p.d}_${NUM(seed)}_s.shtml`,
    render: (seed, p) => `<div class="main content-main"><ul class="two-coloum fix"><li class="left left-main">
<h3>${esc(seed.title)}</h3>
<div class="share"><span>分享到：</span><div class="other-box fr"><a class="collect">收藏本文</a></div></div>
<div class="time fix"><span>${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}:${p.s}</span><span>字号：<a href="javascript:void(0);">A-</a></span><span>来源：观察者网</span></div>
<div class="content all-txt">
${blocks(seed, (t) => `<p>\n\t${esc(t)}\n</p>`, guanchaImage).join('\n')}
<div class="post-member">观察者网会员专享</div>
</div>
<div class="key-word fix mt15"><span>标签 </span><a href="#">外交</a></div>
<ul class="article-other"><li>责任编辑:\n\t\t\t示例编辑&nbsp;</li></ul>
<div class="img-special"><h4>作者最近文章</h4></div>
<div class="gc-comment"><div class="comment-list"><p>这是一条评论，不是正文</p></div></div>
</li></ul></div>`,
    expect: () => ({ authors: [], source: '观察者网', editor: '示例编辑', language: 'zh-Hans', publishedAt: '' }),
  },
  {
    name: 'guancha-m',
    url: (seed, p) => `https://m.guancha.cn/internation/${p.y}_${p.mo}_${p.d}_${NUM(seed)}.shtml`,
    render: (seed, p) => `<div class="header"><a href="/">观察者网</a></div>
<div class="article-title"><h1>${esc(seed.title)}</h1></div>
<div class="time">${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}:${p.s} <span>来源：观察者网</span></div>
<div class="textPageCont" style="height:1200px;overflow:hidden">
${blocks(seed, (t) => `<p>${esc(t)}</p>`, guanchaImage).join('\n')}
</div>
<div class="more-cont"><a>展开全文</a></div>
<div class="share">分享到微信</div>`,
    expect: () => ({ authors: [], source: '观察者网', editor: null, language: 'zh-Hans', publishedAt: '' }),
  },
  {
    name: 'guancha-user',
    url: (seed) => `https://user.guancha.cn/main/content?id=${NUM(seed)}`,
    render: (seed, p) => `<div class="article-content">
<h1>${esc(seed.title)}</h1>
<div class="user-main"><h4><a href="/user/personal-homepage?uid=1">示例作者</a></h4><span class="time1">${p.mo}-${p.d} ${p.h}:${p.mi}</span></div>
<div class="article-txt">
<div class="article-txt-content">
${blocks(seed, (t) => `<p>${esc(t)}</p>`, guanchaImage).join('\n')}
</div>
<div class="article-expand-more"><span>展开全文</span></div>
</div>
</div>`,
    expect: (_seed, iso) => ({ authors: ['示例作者'], source: '风闻', editor: null, language: 'zh-Hans', publishedAt: iso.replace(/:\d{2}\+08:00$/, ':00+08:00') }),
  },
  {
    name: 'xinhua-2021',
    url: (seed, p) => `https://www.news.cn/politics/${p.y}${p.mo}${p.d}/${HEX(seed)}/c.html`,
    render: (seed, p) => xinhua2021Body(seed, p, '来源：新华社', '【责任编辑:示例编辑】', '　　'),
    expect: () => ({ authors: [], source: '新华社', editor: '示例编辑', language: 'zh-Hans', publishedAt: '' }),
  },
  {
    name: 'xinhua-english',
    url: (seed, p) => `https://english.news.cn/${p.y}${p.mo}${p.d}/${HEX(seed)}/c.html`,
    render: (seed, p) => xinhua2021Body(seed, p, 'Source: Xinhua', 'Editor: Example Editor', ''),
    expect: () => ({ authors: [], source: 'Xinhua', editor: 'Example Editor', language: 'en', publishedAt: '' }),
  },
  {
    name: 'zaobao-2022',
    url: (seed, p) => `https://www.zaobao.com/realtime/china/story${p.y}${p.mo}${p.d}-${NUM(seed)}`,
    render: (seed, p) => {
      const items = blocks(seed, (t) => `<p>${esc(t)}</p>`, figure);
      const tagged = items.map((html, i) => {
        const junk = 'xQ7kZ2mB9'.slice(i % 6, (i % 6) + 3);
        return html.replace(/^<(p|figure)/, `<$1 data-s="${junk}${base32(String(i + 1))}"`);
      });
      const shuffled = shuffle(tagged, Number(seed.id) + 7);
      shuffled.splice(Math.floor(shuffled.length / 2), 0, '<section class="flex flex-pack-center"><div class="adv-tag adv" id="dfp-ad-imu1">广告</div></section>');
      return `<div class="article-container"><h1 class="article-title">${esc(seed.title)}</h1>
<div class="text-track-v1 author-info f14"><div><span>作者：\n示例记者\n&nbsp;</span></div><div class="mgt10"><span>${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}</span></div></div>
<div class="article-body">
${shuffled.join('\n')}
<span style="line-height: 0;">\u200c\ufeff\u200c\u200b\ufeff\u200c</span>
</div>
<div class="article-relative-word line"><div>相关热词</div><a href="/keywords/zhong-guo" class="item">中国</a></div>
<a href="/realtime/china/story20240101-1" class="flex relative-recomm line"><div class="m-eps">相关推荐</div></a>
<div id="outbrain-wrapper"><div class="OUTBRAIN"></div></div></div>`;
    },
    expect: (_s, iso) => ({ authors: ['示例记者'], source: null, editor: null, language: 'zh-Hans', publishedAt: iso.replace(/:\d{2}\+08:00$/, ':00+08:00') }),
  },
  {
    name: 'zaobao-2024',
    url: (seed, p) => `https://www.zaobao.com/realtime/world/story${p.y}${p.mo}${p.d}-${Number(NUM(seed)) + 100}`,
    render: (seed, p) => {
      const [lead, ...rest] = seed.images;
      const body = seed.paragraphs.map((t) => `<p data-astro-cid-x1>${esc(t)}</p>`);
      body.splice(Math.min(1, body.length), 0, ...rest.map((i) => figure(i.src, i.caption)));
      body.splice(Math.min(3, body.length), 0, '<astro-island uid="r1" component-url="/_astro/Ad.js"><div>广告</div></astro-island>');
      return `<script type="application/ld+json">${JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: seed.title,
        datePublished: `${p.y}-${p.mo}-${p.d}T${p.h}:${p.mi}:${p.s}+08:00`,
        keywords: '中国,外交',
      })}</script>
<main><article>
<h1 data-astro-cid-x1>${esc(seed.title)}</h1>
${lead ? `<div data-testid="article-banner"><img src="${esc(lead.src)}" title="${esc(lead.caption)}" alt="${esc(lead.caption)}"></div>` : ''}
<div class="article-body">
${body.join('\n')}
<div class="further-reading"><p>延伸阅读：另一篇文章</p></div>
<div class="read-on-app-cover"><p>在App中阅读全文</p></div>
</div>
</article></main>`;
    },
    expect: () => ({ authors: [], source: null, editor: null, language: 'zh-Hans', publishedAt: '' }),
  },
  {
    name: 'zaobao-sg-2019',
    url: (seed, p) => `https://www.zaobao.com.sg/realtime/china/story${p.y}${p.mo}${p.d}-${NUM(seed)}`,
    render: (seed, p) => {
      const h = Number(p.h);
      const clock = `${h % 12 === 0 ? 12 : h % 12}:${p.mi} ${h < 12 ? 'AM' : 'PM'}`;
      return `<div class="article-header"><h1 class="title">${esc(seed.title)}</h1></div>
<h4 class="title-byline byline"><a href="/byline/example">示例记者</a></h4>
<h4 class="title-byline date-published">发布 / ${Number(p.y)}年${Number(p.mo)}月${Number(p.d)}日 ${clock}</h4>
<div class="article-content-container">
<div class="article-content-rawhtml">
${blocks(seed, (t) => `<p>${esc(t)}</p>`, figure).join('\n')}
<div class="overlay-microtransaction"><p>订阅联合早报，阅读全文</p><a>立即订阅</a></div>
<div id="video-freemium-player"><p>视频仅供订户观看</p></div>
</div>
</div>`;
    },
    expect: (_s, iso) => ({ authors: ['示例记者'], source: null, editor: null, language: 'zh-Hans', publishedAt: iso.replace(/:\d{2}\+08:00$/, ':00+08:00') }),
  },
  {
    name: 'zaobao-sg-2024',
    url: (seed, p) => `https://www.zaobao.com.sg/news/china/story${p.y}${p.mo}${p.d}-${Number(NUM(seed)) + 100}`,
    render: (seed, p) => {
      const image = (src: string, caption: string): string =>
        `<div class="figure-media"><img class="img-fluid lazyload" data-src="${esc(src)}" src="${esc(src)}" title="${esc(caption)}" alt="${esc(caption)}"><button class="cursor-pointer"><span class="bff-inline-image-expand-icon">放大</span></button></div>` +
        (caption ? ` <figcaption>${esc(caption)}</figcaption>` : '');
      const body = blocks(seed, (t) => `<p>${esc(t)}</p>`, image);
      body.splice(Math.min(3, body.length), 0, '<section id="imu"><div id="dfp-ad-imu1">广告</div></section>');
      body.splice(Math.min(6, body.length), 0, '<div class="bff-recommend-article"><p>推荐阅读：另一篇文章</p></div>', '<div class="bff-google-ad">Google 广告</div>');
      const ld = {
        '@context': 'https://schema.org',
        '@graph': [{ '@type': 'NewsArticle', headline: seed.title, datePublished: `${p.y}-${p.mo}-${p.d}T${p.h}:${p.mi}:${p.s}+08:00`, keywords: ['中国', '外交'] }],
      };
      return `<script id="seo-article-page" type="application/ld+json">${JSON.stringify(ld)}</script>
<div id="root"><main><article>
<h1 class="text-xl">${esc(seed.title)}</h1>
<div class="articleBody">
${body.join('\n')}
<div class="cx_paywall_placeholder" id="sph_cdp_40"></div>
</div>
</article></main></div>`;
    },
    expect: () => ({ authors: [], source: null, editor: null, language: 'zh-Hans', publishedAt: '' }),
  },
];

function xinhua2021Body(seed: Seed, p: Parts, source: string, editor: string, indent: string): string {
  return `<div class="header domPC"><div class="header-cont clearfix">
<div class="header-time left"><span class="year"><em>${p.y}</em></span><span class="day"><em>${p.mo}</em>/<em>${p.d}</em></span><span class="time">${p.h}:${p.mi}:${p.s}</span></div>
<div class="source">${esc(source)}</div>
<div class="head-line clearfix"><h1><span class="title">${esc(seed.title)}</span><span class="btn-audio"></span></h1>
<audio class="hide" id="audioDom" src="" loop></audio>
<div class="pageShare"><div class="setFont">字体：<span>小</span><span>中</span><span>大</span></div><div class="share">分享到：</div></div>
</div></div></div>
<div class="mheader domMobile"><h1><span class="title">${esc(seed.title)}</span></h1><div class="info">${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}:${p.s}<span>${esc(source)}</span></div></div>
<div class="main clearfix"><div class="main-left">
<div id="detail"><div id="detailContent">
${blocks(seed, (t) => `<p>${indent}${esc(t)}</p>`, xinhuaImage).join('\n')}
</div>
<div id="articleEdit"><span class="tiyi1 domPC"><a href="javascript:void(0);" class="advise">【纠错】</a></span><span class="editor">${esc(editor)}</span></div>
</div></div></div>`;
}

function main(): void {
  mkdirSync(OUT, { recursive: true });
  const seedDir = join(ROOT, 'assets/seeds');
  const index: BuiltFixture[] = [];
  for (const file of readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const seed = parseSeed(file, readFileSync(join(seedDir, file), 'utf8'));
    const iso = seed.publishedAt ?? FALLBACK_DATES[seed.id];
    if (!iso) throw new Error(`seed ${seed.id} has no date`);
    const p = parts(iso);
    for (const layout of LAYOUTS) {
      const url = layout.url(seed, p);
      const name = `${layout.name}-seed${seed.id}.html`;
      writeFileSync(join(OUT, name), page(seed, layout.name, url, '', layout.render(seed, p, url)));
      const e = layout.expect(seed, iso);
      index.push({
        file: name,
        url,
        seed: seed.id,
        layout: layout.name,
        expect: { title: seed.title, ...e, publishedAt: e.publishedAt || iso, partial: null, images: seed.images },
        now: new Date(Date.parse(iso) + 30 * 86_400_000).toISOString(),
      });
    }
  }
  writeFileSync(join(OUT, 'index.json'), JSON.stringify(index, null, 2) + '\n');
  console.log(`wrote ${index.length} built pages to ${OUT}`);
}

main();
