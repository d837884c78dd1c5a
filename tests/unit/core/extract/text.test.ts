import { describe, expect, it } from 'vitest';
import { cleanText, decodeDataS, parseRelativeDate, parseSiteDate } from '../../../../src/core/extract/text.ts';
import { xinhuaReporters } from '../../../../src/core/extract/xinhua.ts';

describe('cleanText', () => {
  it('trims full-width indents, strips zero-width characters, collapses whitespace', () => {
    expect(cleanText('\u3000\u3000新华社\u200b北京\ufeff电\u200c\u200d  （记者\n\t王）\u00a0')).toBe('新华社北京电 （记者 王）');
  });
});

describe('dates', () => {
  it.each([
    ['2019-09-07 09:25:09', '2019-09-07T09:25:09+08:00'],
    [' 2021-11-18 17:28', '2021-11-18T17:28:00+08:00'],
    ['最后更新: 2019-09-07 09:27:48', '2019-09-07T09:27:48+08:00'],
    ['2022年9月29日 16:09', '2022-09-29T16:09:00+08:00'],
    ['发布 / 2019年11月18日 5:00 PM', '2019-11-18T17:00:00+08:00'],
    ['2021-11-18T17:28:39+08:00', '2021-11-18T17:28:39+08:00'],
    ['2024-07-06T00:43:13.000Z', '2024-07-06T08:43:13+08:00'],
    ['2019/12/10', '2019-12-10T00:00:00+08:00'],
    ['no date', null],
    ['2019-13-40 10:00', null],
  ])('%s → %s', (raw, iso) => expect(parseSiteDate(raw)).toBe(iso));

  const now = new Date('2024-03-10T04:00:00Z'); // 12:00 in UTC+8
  it.each([
    ['刚刚', '2024-03-10T12:00:00+08:00'],
    ['5分钟前', '2024-03-10T11:55:00+08:00'],
    ['3小时前', '2024-03-10T09:00:00+08:00'],
    ['昨天 12:00', '2024-03-09T12:00:00+08:00'],
    ['前天 08:30', '2024-03-08T08:30:00+08:00'],
    ['03-01 09:15', '2024-03-01T09:15:00+08:00'],
    ['12-30 09:15', '2023-12-30T09:15:00+08:00'],
    ['2022-05-06 07:08', '2022-05-06T07:08:00+08:00'],
  ])('风闻 %s → %s', (raw, iso) => expect(parseRelativeDate(raw, now)).toBe(iso));

  it('resolves 昨天 across a month boundary in UTC+8, not UTC', () => {
    expect(parseRelativeDate('昨天 23:00', new Date('2024-02-29T17:00:00Z'))).toBe('2024-02-29T23:00:00+08:00');
  });
});

describe('zaobao data-s', () => {
  it('decodes three junk characters + base32 of the position', () => {
    expect(decodeDataS('jB2GEZA====')).toBe(12);
    expect(decodeDataS('xQ7GE======')).toBe(1);
    expect(decodeDataS('abc!!!')).toBeNull();
  });
});

describe('Xinhua reporters', () => {
  it.each([
    [['新华社杭州9月29日电（记者王俊禄、林光耀）刚获评'], ['王俊禄', '林光耀']],
    [['新华社巴黎12月9日电（记者唐霁）法国'], ['唐霁']],
    [
      ['a', 'b', '正是有了英勇的你们！（评论员 罗博 萧海川）'],
      ['罗博', '萧海川'],
    ],
    [['新华社北京电（记者甲；通讯员乙）'], ['甲']],
    [['新华社大马士革7月17日电 7月12日至16日'], []],
  ])('%j → %j', (paras, names) => expect(xinhuaReporters(paras)).toEqual(names));
});
