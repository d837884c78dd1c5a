/**
 * `pinyin TEXT` or `pinyin --file F`: the text as words with their pinyin, decided in
 * context (src/core/pinyin). Options: `--tone mark|number|none`, `--sandhi yes|no`.
 */
import { readFile } from 'node:fs/promises';
import { annotate, type Segment, type ToneStyle } from '../../core/pinyin/index.ts';
import { CliError, parseArgs, type CliCommand } from '../command.ts';

const TONES: readonly ToneStyle[] = ['mark', 'number', 'none'];

export const pinyinCommand: CliCommand = {
  name: 'pinyin',
  usage: 'pinyin TEXT | --file F [--tone mark|number|none] [--sandhi yes|no]   words with pinyin in context, as [{ text, pinyin }]',
  async run(args: string[]): Promise<Segment[]> {
    const { positional, flags } = parseArgs(args, ['file', 'tone', 'sandhi']);
    const file = flags.get('file');
    if ((file === undefined) === (positional.length === 0)) throw new CliError('usage: pinyin TEXT | pinyin --file F');
    const tone = flags.get('tone') ?? 'mark';
    if (!(TONES as readonly string[]).includes(tone)) throw new CliError(`--tone must be one of ${TONES.join(', ')}`);
    const sandhi = flags.get('sandhi') ?? 'no';
    if (sandhi !== 'yes' && sandhi !== 'no') throw new CliError('--sandhi must be yes or no');
    let text: string;
    if (file !== undefined) {
      try {
        text = await readFile(file, 'utf8');
      } catch (err) {
        throw new CliError(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
      }
    } else text = positional.join(' ');
    return annotate(text, { tone: tone as ToneStyle, sandhi: sandhi === 'yes' });
  },
};
