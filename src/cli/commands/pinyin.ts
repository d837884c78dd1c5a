/**
 * `pinyin TEXT` or `pinyin --file F`: the text as words with their pinyin, decided in
 * context (src/core/pinyin), as the extension draws it: the first readings with the
 * polyphone model's and the dictionary's laid over them. Options: `--tone mark|number|none`,
 * `--sandhi yes|no`, `--context yes|no` (no: the first readings alone).
 */
import { readFile } from 'node:fs/promises';
import { annotate, type Segment, type ToneStyle } from '../../core/pinyin/index.ts';
import { contextReadings } from '../../core/pinyin/context.ts';
import { loadCliContextSources } from '../polyphone-model.ts';
import { CliError, parseArgs, type CliCommand } from '../command.ts';

const TONES: readonly ToneStyle[] = ['mark', 'number', 'none'];

export const pinyinCommand: CliCommand = {
  name: 'pinyin',
  usage: 'pinyin TEXT | --file F [--tone mark|number|none] [--sandhi yes|no] [--context yes|no]   words with pinyin in context, as [{ text, pinyin }]',
  async run(args: string[]): Promise<Segment[]> {
    const { positional, flags } = parseArgs(args, ['file', 'tone', 'sandhi', 'context']);
    const file = flags.get('file');
    if ((file === undefined) === (positional.length === 0)) throw new CliError('usage: pinyin TEXT | pinyin --file F');
    const tone = flags.get('tone') ?? 'mark';
    if (!(TONES as readonly string[]).includes(tone)) throw new CliError(`--tone must be one of ${TONES.join(', ')}`);
    const sandhi = flags.get('sandhi') ?? 'no';
    if (sandhi !== 'yes' && sandhi !== 'no') throw new CliError('--sandhi must be yes or no');
    const withContext = flags.get('context') ?? 'yes';
    if (withContext !== 'yes' && withContext !== 'no') throw new CliError('--context must be yes or no');
    let text: string;
    if (file !== undefined) {
      try {
        text = await readFile(file, 'utf8');
      } catch (err) {
        throw new CliError(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
      }
    } else text = positional.join(' ');
    const opts = { tone: tone as ToneStyle, sandhi: sandhi === 'yes' };
    if (withContext === 'no') return annotate(text, opts);
    const sources = await loadCliContextSources();
    // Paragraph by paragraph, as the page reads its blocks.
    return text.split(/(?<=\n)/).flatMap((para) => annotate(para, { ...opts, context: contextReadings(para, sources) }));
  },
};
