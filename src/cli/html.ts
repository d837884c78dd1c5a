/**
 * A saved page as the DOM a browser would build from it, for the CLI and the tests.
 *
 * linkedom's own parser (htmlparser2) closes misnested markup its own way; browsers follow the
 * HTML standard's tree construction, which on pages pasted from Word ("<span><p>…</span>…</p>")
 * keeps text in a different paragraph. parse5 implements the standard: the page goes through it
 * and comes out well nested, so linkedom then builds the same tree as the browser, and the CLI
 * reads the same paragraphs as the extension does.
 */
import { parseHTML } from 'linkedom';
import { parse, serialize } from 'parse5';
import { decodeHtml } from '../core/extract/charset.ts';

export function parsePage(input: Uint8Array | string): Document {
  const html = typeof input === 'string' ? input : decodeHtml(input);
  return parseHTML(serialize(parse(html))).document as unknown as Document;
}
