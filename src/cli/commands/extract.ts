/** `extract FILE --url URL [--now ISO] [--generic yes]`: read a saved page and print its article record. */
import { readFile } from 'node:fs/promises';
import { CliError, parseArgs, type CliCommand } from '../command.ts';
import { extractArticle } from '../../core/extract/index.ts';
import { parsePage } from '../html.ts';

export const extractCommand: CliCommand = {
  name: 'extract',
  usage: 'extract FILE --url URL [--now ISO-DATE] [--generic yes]   print the article record read from a saved page',
  async run(args: string[]): Promise<unknown> {
    const { positional, flags } = parseArgs(args, ['url', 'now', 'generic']);
    const [file, ...extra] = positional;
    if (!file || extra.length > 0) throw new CliError('usage: extract FILE --url URL');
    const url = flags.get('url');
    if (!url) throw new CliError('--url is required: the address the page was saved from decides the site and layout');
    let now: Date | undefined;
    const nowFlag = flags.get('now');
    if (nowFlag !== undefined) {
      now = new Date(nowFlag);
      if (Number.isNaN(now.getTime())) throw new CliError(`--now: not a date: ${nowFlag}`);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      throw new CliError(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
    // Bytes in the page's own encoding (older Xinhua pages are GB2312), parsed as a browser parses them.
    const document = parsePage(bytes);
    const generic = flags.get('generic');
    const out = extractArticle(document, url, { now, generic: generic === 'yes' || generic === 'true' });
    if (!out.ok) throw new CliError(`${out.reason}: ${out.message}`, 2);
    return { ...out.article, notices: out.notices };
  },
};
