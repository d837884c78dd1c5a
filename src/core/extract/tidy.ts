/**
 * What every layout's body and header go through last: page furniture that real bodies carry
 * as text (video players' controls, pagers, share bars, paywall prompts, disclaimers, reprint
 * notices, editor lines) comes out of the paragraphs, the site's name comes off the title, and a page that
 * prints no date gets the one in its address. Pure string work.
 */
import type { BoldRange, SiteId } from '../article.ts';
import { isoCst } from './text.ts';

/**
 * A video player's controls as they read once the page's script has drawn them ("Play Video", "0:00",
 * "/2:54"). A bare clock time ("10:30") is not one: live reports head their entries with it.
 */
const PLAYER = /^(?:play video|播放视频|点击播放|loaded:?\s*\d+(?:\.\d+)?%|0:00(?:\s*\/\s*\d{1,2}:\d{2}(?::\d{2})?)?|\/\s*\d{1,2}:\d{2}(?::\d{2})?)$/i;
/** A pager: "|<<1234下一页>>|", "上一页 1 2 3 下一页", "1 2 3 >>". */
const PAGER = /^[|\s]*(?:<<|«|首页|上一页)?[|\s]*(?:\d+[|\s]*){1,40}(?:下一页|尾页|>>|»)[|\s<>»]*$|^[|\s]*(?:<<|«|首页)?[|\s]*上一页[|\s]*(?:\d+[|\s]*)+(?:下一页)?[|\s<>»]*$/;
/** A share bar whose icons were images: only the label is text. */
const SHARE = /^(?:分享(?:到|至)?|share(?: this(?: article)?)?|转发到)\s*[:：]?\s*(?:(?:微信|微博|朋友圈|QQ空间|QQ|Qzone|Facebook|Twitter|X|LinkedIn|WhatsApp|Telegram|手机|客户端)[\s、,，|]*)*$/i;
/** Subscription prompts left where the paid part of an article would be (zaobao.com.sg). */
const PAYWALL = /^(?:请订阅或登录，?\s*以继续阅读全文[！!]?|此文章为付费文章，?\s*会员请访问网站阅读[。.]?|订阅(?:后|即可)继续阅读全文[。！!]?|登录(?:后|即可)(?:继续)?阅读全文[。！!]?)$/;
/** A link to the story's special-topic page left as the body's last line ("点击查看专题"). */
const TOPIC_LINK = /^(?:点击(?:查看|进入)(?:相关)?专题|(?:进入|更多)专题\s*[>》]*)$/;
/** 风闻 and other community posts close with a disclaimer block: it and whatever follows it are not the post. */
const DISCLAIMER = /^[【[]?\s*免责声明\s*[】\]]?\s*[:：]?/;
/** A reprint notice closing the text: "本文系观察者网独家稿件，未经授权，不得转载。" */
const REPRINT = /^[（(]?本文系观察者网(?:独家)?稿件[，,]\s*未经(?:授权|许可)[，,]\s*不得转载[。.]?[）)]?$/;
/** An editor line inside the body: "责任编辑：张三", "【责任编辑:张三】", "（编辑：李四）". */
const EDITOR_LINE = /^[【[（(]?\s*(?:责任编辑|责编|编辑)\s*[:：]\s*([^】\]）)]{1,24}?)\s*[】\]）)]?$/;

export interface TidyResult {
  paragraphs: string[];
  bold: BoldRange[];
  /** From an editor line found in the body, when the header had none. */
  editor: string | null;
  /** A paywall prompt stood where the text stops. */
  paywalled: boolean;
  /** How many paragraphs were page furniture. */
  removed: number;
}

export function tidyParagraphs(paragraphs: readonly string[], bold: readonly BoldRange[]): TidyResult {
  const keep: boolean[] = paragraphs.map(() => true);
  let editor: string | null = null;
  let paywalled = false;
  const tail = Math.max(0, paragraphs.length - 4);
  for (let i = 0; i < paragraphs.length; i += 1) {
    const p = paragraphs[i] ?? '';
    if (PLAYER.test(p) || PAGER.test(p) || SHARE.test(p) || TOPIC_LINK.test(p)) keep[i] = false;
    else if (PAYWALL.test(p)) {
      keep[i] = false;
      paywalled = true;
    } else if (i >= tail && i > 0 && DISCLAIMER.test(p)) {
      for (let j = i; j < paragraphs.length; j += 1) keep[j] = false;
      break;
    } else if (i >= tail && REPRINT.test(p)) {
      keep[i] = false;
    } else if (i >= tail || i === 0) {
      const m = EDITOR_LINE.exec(p);
      if (m?.[1]) {
        keep[i] = false;
        editor ??= m[1].trim();
      }
    }
  }
  const index: number[] = [];
  const out: string[] = [];
  paragraphs.forEach((p, i) => {
    index.push(keep[i] ? out.length : -1);
    if (keep[i]) out.push(p);
  });
  const newBold: BoldRange[] = [];
  for (const b of bold) {
    const to = index[b.paragraph];
    if (to !== undefined && to >= 0) newBold.push({ ...b, paragraph: to });
  }
  return { paragraphs: out, bold: newBold, editor, paywalled, removed: paragraphs.length - out.length };
}

/** Names the sites put after a title: "…-新华网", "… —— 新华网内蒙古频道", "…-新华网河北频道-新华网", "… | 联合早报网". */
const SITE_NAME: Record<SiteId, RegExp> = {
  xinhua: /^(?:新华网(?:\S{0,8}频道)?|新华社|新华(?:网)?客户端|xinhua(?:net)?(?:\.com)?|xinhua news agency|english\.news\.cn)$/i,
  guancha: /^(?:观察者网?|风闻(?:社区)?|观察者网\s*风闻)$/,
  zaobao: /^(?:联合早报网?|早报|zaobao(?:\.com(?:\.sg)?)?|lianhe zaobao)$/i,
  other: /^$/,
};
const LAST_SEGMENT = /^(.*?\S)\s*(?:——|—|–|-|_|\||｜)\s*([^—–\-_|｜]+?)\s*$/;

export function stripSiteName(title: string, site: SiteId): string {
  let t = title;
  for (let n = 0; n < 4; n += 1) {
    const m = LAST_SEGMENT.exec(t);
    if (!m?.[1] || !m[2] || !SITE_NAME[site].test(m[2].trim())) break;
    t = m[1];
  }
  return t;
}

/**
 * The date an address carries: Xinhua's 2019-12/10/c_… and 20240515/…/c.html, zaobao's
 * story20211118-…, guancha's 2019_09_07_…. Midnight in UTC+8, as the day is all it says.
 */
export function dateFromUrl(url: string): string | null {
  const path = /^https?:\/\/[^/?#]+(\/[^?#]*)/i.exec(url)?.[1] ?? '';
  const m =
    /\/((?:19|20)\d{2})-(\d{2})\/(\d{2})\//.exec(path) ??
    /\/((?:19|20)\d{2})(\d{2})(\d{2})\//.exec(path) ??
    /\/story((?:19|20)\d{2})(\d{2})(\d{2})-\d+/.exec(path) ??
    /\/((?:19|20)\d{2})_(\d{2})_(\d{2})_\d+/.exec(path);
  return m ? isoCst(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}
