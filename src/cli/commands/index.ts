import type { CliCommand } from '../command.ts';
import { extractCommand } from './extract.ts';
import { glossaryCommand, termsCommand } from './glossary.ts';
import { pinyinCommand } from './pinyin.ts';

/** Every command the CLI knows; each lives in its own module beside this one. */
export const commands: CliCommand[] = [extractCommand, pinyinCommand, glossaryCommand, termsCommand];
