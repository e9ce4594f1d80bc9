/**
 * Splits text into pieces of at most `maxBytes` UTF-8 bytes, never inside a character (code point),
 * preferring to end a piece after a line break so lists and paragraphs stay whole. Concatenating the
 * pieces gives the input back exactly. WeCom truncates over-long messages by bytes (text 2,048,
 * markdown 4,096), which would cut a Chinese character in half; we split first.
 */
export function splitUtf8(text: string, maxBytes: number): string[] {
  if (maxBytes < 4) throw new Error('maxBytes must hold at least one character (4 bytes)');
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return [text];
  const pieces: string[] = [];
  let start = 0; // index (UTF-16) where the current piece starts
  let bytes = 0; // bytes in the current piece so far
  let lastBreak = -1; // index just after the last '\n' in the current piece
  let i = 0;
  while (i < text.length) {
    const codePoint = text.codePointAt(i)!;
    const units = codePoint > 0xffff ? 2 : 1;
    const size = utf8Length(codePoint);
    if (bytes + size > maxBytes) {
      // Cut after the last line break if it keeps at least half the piece; else at this character.
      const cut = lastBreak > start && bytesBetween(text, start, lastBreak) >= maxBytes / 2 ? lastBreak : i;
      pieces.push(text.slice(start, cut));
      start = cut;
      bytes = bytesBetween(text, start, i);
      lastBreak = -1;
      continue;
    }
    bytes += size;
    i += units;
    if (codePoint === 0x0a) lastBreak = i;
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

/** Cuts text to at most `maxBytes` UTF-8 bytes on a character boundary (for titles WeCom would truncate). */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = utf8Length(char.codePointAt(0)!);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  // Lone surrogates count as 3 bytes (U+FFFD) – the same as Buffer.byteLength counts them.
  if (codePoint < 0x10000) return 3;
  return 4;
}

function bytesBetween(text: string, from: number, to: number): number {
  return Buffer.byteLength(text.slice(from, to), 'utf8');
}
