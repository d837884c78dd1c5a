import type { CliCommand } from '../command.ts';
import { exportCommand } from './export.ts';
import { extractCommand } from './extract.ts';
import { glossaryCommand, termsCommand } from './glossary.ts';
import { lookupCommand } from './lookup.ts';
import { pinyinCommand } from './pinyin.ts';

/** Every command the CLI knows; each lives in its own module beside this one. */
export const commands: CliCommand[] = [extractCommand, pinyinCommand, glossaryCommand, termsCommand, lookupCommand, exportCommand];
