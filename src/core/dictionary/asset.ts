/**
 * The packaged asset is gzip-compressed: the text is about 8 MB, over the 4 MB budget, while
 * gzip brings it to about 3.2 MB and every browser (and Node) can undo it with the built-in
 * DecompressionStream, with no library to ship.
 */

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Bytes of the asset (gzip or plain UTF-8) to its text, ready for `Dictionary.fromText`. */
export async function decodeDictionaryAsset(data: ArrayBuffer | Uint8Array): Promise<string> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (!isGzip(bytes)) return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  // Collected by the platform and decoded once: reading the stream chunk by chunk and joining
  // strings cost more than the decompression itself.
  const inflated = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  const buffer = await new Response(inflated).arrayBuffer();
  return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
}
