import { closeSync, openSync, readSync } from 'node:fs';

/**
 * A TrueType font read in pieces: the table directory, the small tables a subset copies, the
 * Unicode cmap, `loca` and the horizontal metrics stay in memory (under 1 MB for Noto Sans SC);
 * glyph outlines are read from the file when a chart needs them. Why: holding the whole 10 MB file
 * was a sixth of the renderer's memory budget (issue 18), and a chart uses a few dozen glyphs.
 * Only TrueType outlines (`glyf`) are handled; `openFontFile` returns null for anything else.
 */
export interface FontFile {
  path: string;
  numGlyphs: number;
  /** Code point → glyph id (0 when the font has no glyph for it). */
  glyphOf(codePoint: number): number;
  /** The outline bytes of each glyph (empty for a glyph with no outline, such as the space). */
  outlines(glyphIds: readonly number[]): Buffer[];
  /** Advance width and left side bearing, in font units. */
  metrics(glyphId: number): { advance: number; lsb: number };
  /** A copy of a small table (`head`, `hhea`, `maxp`, `OS/2`, `name`, `post`) or undefined. */
  table(tag: string): Buffer | undefined;
}

/** Tables copied into every subset as they are (the subset rewrites head, hhea, maxp and post). */
const keptTables = ['head', 'hhea', 'maxp', 'OS/2', 'name', 'post'];

export function openFontFile(path: string): FontFile | null {
  const fd = openSync(path, 'r');
  try {
    return readFont(path, fd);
  } finally {
    closeSync(fd);
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, out, done, length - done, position + done);
    if (n === 0) throw new Error(`font file ends before byte ${position + length}`);
    done += n;
  }
  return out;
}

function readFont(path: string, fd: number): FontFile | null {
  const header = readAt(fd, 0, 12);
  if (header.readUInt32BE(0) !== 0x00010000) return null;
  const count = header.readUInt16BE(4);
  const directory = readAt(fd, 12, count * 16);
  const where = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < count; i++) {
    const at = i * 16;
    where.set(directory.toString('latin1', at, at + 4), { offset: directory.readUInt32BE(at + 8), length: directory.readUInt32BE(at + 12) });
  }
  const load = (tag: string) => {
    const t = where.get(tag);
    return t ? readAt(fd, t.offset, t.length) : undefined;
  };
  const small = new Map<string, Buffer>();
  for (const tag of keptTables) {
    const body = load(tag);
    if (body) small.set(tag, body);
  }
  const head = small.get('head');
  const maxp = small.get('maxp');
  const hhea = small.get('hhea');
  const glyf = where.get('glyf');
  const cmapAt = where.get('cmap');
  if (!head || !maxp || !hhea || !glyf || !cmapAt || !where.has('loca') || !where.has('hmtx')) return null;
  const lookup = cmapLookup(load('cmap')!);
  if (!lookup) return null;
  const numGlyphs = maxp.readUInt16BE(4);
  const longLoca = head.readInt16BE(50) === 1;
  const loca = load('loca')!;
  const hmtx = load('hmtx')!;
  const longMetrics = hhea.readUInt16BE(34);
  const range = (id: number): [number, number] =>
    longLoca ? [loca.readUInt32BE(id * 4), loca.readUInt32BE(id * 4 + 4)] : [loca.readUInt16BE(id * 2) * 2, loca.readUInt16BE(id * 2 + 2) * 2];
  return {
    path,
    numGlyphs,
    glyphOf: (cp) => {
      const id = lookup(cp);
      return id < numGlyphs ? id : 0;
    },
    outlines: (ids) => {
      // Opened per call: a chart reads a few dozen glyphs once, and no descriptor is left open.
      const glyphFd = openSync(path, 'r');
      try {
        return ids.map((id) => {
          const [start, end] = range(id);
          return end > start ? readAt(glyphFd, glyf.offset + start, end - start) : Buffer.alloc(0);
        });
      } finally {
        closeSync(glyphFd);
      }
    },
    metrics: (id) => {
      // Glyphs past the last long metric share its advance and keep only their side bearing.
      if (id < longMetrics) return { advance: hmtx.readUInt16BE(id * 4), lsb: hmtx.readInt16BE(id * 4 + 2) };
      return { advance: hmtx.readUInt16BE((longMetrics - 1) * 4), lsb: hmtx.readInt16BE(longMetrics * 4 + (id - longMetrics) * 2) };
    },
    table: (tag) => small.get(tag),
  };
}

/** The Unicode cmap subtable (format 12 preferred, else format 4) as a lookup. */
function cmapLookup(cmap: Buffer): ((cp: number) => number) | null {
  const subtables = cmap.readUInt16BE(2);
  let format4: number | undefined;
  let format12: number | undefined;
  for (let i = 0; i < subtables; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const at = cmap.readUInt32BE(8 + i * 8);
    const format = cmap.readUInt16BE(at);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode && format === 12) format12 = at;
    if (unicode && format === 4) format4 = at;
  }
  if (format12 !== undefined) {
    const at = format12;
    const groups = cmap.readUInt32BE(at + 12);
    return (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const g = at + 16 + mid * 12;
        const start = cmap.readUInt32BE(g);
        const end = cmap.readUInt32BE(g + 4);
        if (cp < start) hi = mid - 1;
        else if (cp > end) lo = mid + 1;
        else return cmap.readUInt32BE(g + 8) + (cp - start);
      }
      return 0;
    };
  }
  if (format4 !== undefined) {
    const at = format4;
    const segments = cmap.readUInt16BE(at + 6) / 2;
    const ends = at + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const offsets = deltas + segments * 2;
    return (cp) => {
      if (cp > 0xffff) return 0;
      for (let s = 0; s < segments; s++) {
        if (cp > cmap.readUInt16BE(ends + s * 2)) continue;
        const start = cmap.readUInt16BE(starts + s * 2);
        if (cp < start) return 0;
        const delta = cmap.readInt16BE(deltas + s * 2);
        const rangeOffset = cmap.readUInt16BE(offsets + s * 2);
        if (rangeOffset === 0) return (cp + delta) & 0xffff;
        const glyph = cmap.readUInt16BE(offsets + s * 2 + rangeOffset + (cp - start) * 2);
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
      return 0;
    };
  }
  return null;
}
