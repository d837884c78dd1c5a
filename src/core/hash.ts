/**
 * cyrb53: a fast 53-bit string hash, the same in every JavaScript engine (it reads
 * UTF-16 code units). Used where a stable, compact fingerprint is needed, not security.
 */
export function cyrb53Hex(parts: readonly string[], opts: { seed?: number; separate?: boolean } = {}): string {
  const seed = opts.seed ?? 0;
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    if (opts.separate) {
      // A record separator after each part, so ["ab","c"] and ["a","bc"] differ.
      h1 = Math.imul(h1 ^ 0x1e, 2654435761);
      h2 = Math.imul(h2 ^ 0x1e, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
