import { annotate, type AnnotateOptions } from '../../../../src/core/pinyin/index.ts';

/**
 * The reading annotate gives the character marked with 【】 in `marked`
 * ("以联合国【为】核心" → "wéi"). The sentence is annotated whole, without the marks.
 */
export function readingAt(marked: string, opts: AnnotateOptions = {}): string {
  const m = /^(.*?)【(.)】(.*)$/su.exec(marked);
  if (!m) throw new Error(`no 【】 in ${marked}`);
  const [, left = '', ch = '', right = ''] = m;
  const text = left + ch + right;
  let offset = 0;
  for (const seg of annotate(text, opts)) {
    const end = offset + seg.text.length;
    if (left.length >= offset && left.length < end) {
      if (!seg.pinyin) throw new Error(`${ch} in ${marked} was not read as Han`);
      return seg.pinyin.split(' ')[[...seg.text.slice(0, left.length - offset)].length] ?? '';
    }
    offset = end;
  }
  throw new Error(`offset not found in ${marked}`);
}
