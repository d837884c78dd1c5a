/**
 * `glossary`: the built glossary (entries with their seed citations).
 * `terms FILE | --text T`: the glossary terms found in a text.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { buildGlossary } from '../../../scripts/build-glossary.ts';
import { buildMatcher } from '../../core/glossary/matcher.ts';
import { parseSeed } from '../../core/seeds.ts';
import { CliError, parseArgs, type CliCommand } from '../command.ts';

async function built() {
  try {
    return await buildGlossary();
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
}

export const glossaryCommand: CliCommand = {
  name: 'glossary',
  usage: 'glossary   print every glossary entry with its citations from the seeds (traditional = simplified when they do not differ)',
  async run(args: string[]): Promise<unknown> {
    const { positional } = parseArgs(args, []);
    if (positional.length > 0) throw new CliError('usage: glossary');
    const { entries } = await built();
    return entries.map((e) => ({
      simplified: e.simplified,
      traditional: e.traditional ?? e.simplified,
      pinyin: e.pinyin,
      english: e.english,
      explanation: e.explanation,
      category: e.category,
      citations: e.citations,
    }));
  },
};

/**
 * The text a file is scanned as. Seeds are stored with front matter over HTML
 * (guancha, zaobao) or as bare Xinhua text indented with full-width spaces; those
 * are read as their title and paragraphs, one per line, so that markup is not
 * scanned; so is a file named like a seed (000_6ce5575ba27e451a.txt), whose bare
 * text may be laid out with blank lines only. Anything else is scanned exactly
 * as it is, and offsets refer to it.
 */
export function textOfFile(file: string, raw: string): string {
  const frontMatter = /^\s*---\n[\s\S]*?\ntitle:/.test(raw);
  const bareXinhua = raw.includes('\u3000\u3000');
  const seedName = /^\d{3}_[0-9a-f]+\.txt$/.test(basename(file));
  if (!frontMatter && !bareXinhua && !seedName) return raw;
  const seed = parseSeed(basename(file), raw);
  return [seed.title, ...seed.paragraphs].join('\n');
}

export const termsCommand: CliCommand = {
  name: 'terms',
  usage: 'terms FILE | terms --text T   print the glossary terms found, with offsets (UTF-16) into the text (a seed file is read as title and paragraphs, one per line)',
  async run(args: string[]): Promise<unknown> {
    const { positional, flags } = parseArgs(args, ['text']);
    const inline = flags.get('text');
    const [file, ...extra] = positional;
    if (extra.length > 0 || (inline === undefined) === (file === undefined)) throw new CliError('usage: terms FILE | terms --text T');
    let text: string;
    if (inline !== undefined) text = inline;
    else {
      let raw: string;
      try {
        raw = await readFile(file ?? '', 'utf8');
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        throw new CliError(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
      }
      text = textOfFile(file ?? '', raw);
    }
    const matcher = buildMatcher((await built()).entries);
    return matcher.scan(text).map((m) => {
      const e = matcher.entry(m.term);
      return { term: m.term, start: m.start, end: m.end, pinyin: e?.pinyin ?? '', english: e?.english ?? '' };
    });
  },
};
