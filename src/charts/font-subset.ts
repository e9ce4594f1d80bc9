import type { FontFile } from './font-file.ts';

/**
 * A compact TrueType font holding only the glyphs of `text` (plus .notdef and the parts of
 * composite glyphs), renumbered 0..n: a 30-bar chart's font is a few dozen KB instead of 10 MB.
 * Why: resvg (2.6, Node) takes fonts only as files and reads the file again for every run of text it
 * shapes, and its per-run cost grows with every table it parses: with the whole Noto Sans SC a chart
 * took seconds; a subset that kept the original glyph ids (and so 65,000-entry loca, hmtx and vmtx
 * tables, GPOS and cmap) still cost ~20 ms of CPU a chart; this one costs about a millisecond.
 *
 * Written: cmap (one format-12 Unicode subtable), glyf, loca (long), hmtx, and head, hhea, maxp,
 * OS/2, name, post (version 3: no glyph names) from the original. Left out: GSUB (its substitutions
 * lead to glyphs outside the subset: digits next to Latin letters became a variant glyph and
 * vanished), GPOS, vertical metrics and hinting, which resvg does not use.
 *
 * Kerning (GPOS) is left out on purpose, not for want of looking: keeping it means rewriting GPOS for
 * the renumbered glyphs (its script, feature and lookup lists, coverage tables and the pair
 * adjustments, class-based ones with their class definitions), a second font writer as large as this
 * one, and more for rustybuzz to parse on every run of text, for labels where Chinese characters
 * are set on a fixed full-width advance anyway and kerning touches mostly Latin letter pairs in names
 * (not measured here: this subset was not compared glyph by glyph with a kerned rendering). The cheap
 * way, if ever wanted: read GPOS's pair adjustments for the subset's glyphs and write a format-0
 * `kern` table, which the shaper applies when a font has no GPOS.
 */
export function subsetFont(font: FontFile, text: string): Buffer {
  const chars = [...new Set(text)].map((ch) => ch.codePointAt(0)!).sort((a, b) => a - b);
  const mapped = chars.map((cp) => ({ cp, old: font.glyphOf(cp) })).filter((m) => m.old > 0);
  const { order, outlines } = collectGlyphs(font, mapped.map((m) => m.old));
  const newId = new Map(order.map((old, i) => [old, i]));

  const pieces: Buffer[] = [];
  const loca = Buffer.alloc((order.length + 1) * 4);
  let size = 0;
  order.forEach((old, i) => {
    loca.writeUInt32BE(size, i * 4);
    const outline = outlines.get(old)!;
    if (outline.length === 0) return;
    const piece = Buffer.alloc((outline.length + 3) & ~3);
    outline.copy(piece);
    renumberComponents(piece, newId);
    pieces.push(piece);
    size += piece.length;
  });
  loca.writeUInt32BE(size, order.length * 4);

  const hmtx = Buffer.alloc(order.length * 4);
  order.forEach((old, i) => {
    const { advance, lsb } = font.metrics(old);
    hmtx.writeUInt16BE(advance, i * 4);
    hmtx.writeInt16BE(lsb, i * 4 + 2);
  });

  const head = Buffer.from(font.table('head')!);
  head.writeInt16BE(1, 50); // indexToLocFormat: long offsets
  const hhea = Buffer.from(font.table('hhea')!);
  hhea.writeUInt16BE(order.length, 34); // numberOfHMetrics: every glyph has a full metric
  const maxp = Buffer.from(font.table('maxp')!);
  maxp.writeUInt16BE(order.length, 4);
  const post = Buffer.alloc(32);
  font.table('post')?.copy(post, 0, 0, 32);
  post.writeUInt32BE(0x00030000, 0);

  const tables = new Map<string, Buffer>([
    ['cmap', cmapFormat12(mapped.map((m) => ({ cp: m.cp, glyph: newId.get(m.old)! })))],
    ['glyf', Buffer.concat(pieces, size)],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['loca', loca],
    ['maxp', maxp],
    ['post', post],
  ]);
  for (const tag of ['OS/2', 'name']) {
    const body = font.table(tag);
    if (body) tables.set(tag, body);
  }
  return assemble(tables);
}

/** .notdef, the glyphs asked for and, transitively, the components of composite glyphs, with their outlines. */
function collectGlyphs(font: FontFile, wanted: number[]): { order: number[]; outlines: Map<number, Buffer> } {
  const outlines = new Map<number, Buffer>();
  let pending = [...new Set([0, ...wanted])];
  while (pending.length > 0) {
    const read = font.outlines(pending);
    const next: number[] = [];
    pending.forEach((id, i) => {
      outlines.set(id, read[i]!);
      for (const component of componentsOf(read[i]!)) {
        if (component < font.numGlyphs && !outlines.has(component) && !next.includes(component)) next.push(component);
      }
    });
    pending = next.filter((id) => !outlines.has(id));
  }
  // Ascending old ids keep .notdef at 0 and the order stable from chart to chart.
  return { order: [...outlines.keys()].sort((a, b) => a - b), outlines };
}

/** Each component record of a composite glyph: where its glyph index sits, and the index. */
function* componentRecords(outline: Buffer): Generator<{ at: number; glyph: number }> {
  if (outline.length < 10 || outline.readInt16BE(0) >= 0) return;
  let at = 10;
  for (;;) {
    const flags = outline.readUInt16BE(at);
    yield { at: at + 2, glyph: outline.readUInt16BE(at + 2) };
    // flags: ARG_1_AND_2_ARE_WORDS (0x1), WE_HAVE_A_SCALE (0x8), X_AND_Y_SCALE (0x40), TWO_BY_TWO (0x80), MORE_COMPONENTS (0x20)
    at += 4 + (flags & 0x0001 ? 4 : 2) + (flags & 0x0008 ? 2 : flags & 0x0040 ? 4 : flags & 0x0080 ? 8 : 0);
    if (!(flags & 0x0020)) return;
  }
}

function componentsOf(outline: Buffer): number[] {
  return [...componentRecords(outline)].map((c) => c.glyph);
}

function renumberComponents(outline: Buffer, newId: Map<number, number>): void {
  for (const { at, glyph } of [...componentRecords(outline)]) outline.writeUInt16BE(newId.get(glyph) ?? 0, at);
}

/** A cmap with one Unicode (3, 10) format-12 subtable: one group per character. */
function cmapFormat12(map: { cp: number; glyph: number }[]): Buffer {
  const subtable = 16 + map.length * 12;
  const out = Buffer.alloc(12 + subtable);
  out.writeUInt16BE(0, 0); // version
  out.writeUInt16BE(1, 2); // one encoding record
  out.writeUInt16BE(3, 4); // platform: Windows
  out.writeUInt16BE(10, 6); // encoding: Unicode full repertoire
  out.writeUInt32BE(12, 8);
  out.writeUInt16BE(12, 12); // format
  out.writeUInt32BE(subtable, 16);
  out.writeUInt32BE(map.length, 24);
  map.forEach(({ cp, glyph }, i) => {
    const at = 28 + i * 12;
    out.writeUInt32BE(cp, at);
    out.writeUInt32BE(cp, at + 4);
    out.writeUInt32BE(glyph, at + 8);
  });
  return out;
}

/** The font file: offset table, table records sorted by tag, 4-byte aligned bodies. */
function assemble(tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const headerSize = 12 + tags.length * 16;
  const out = Buffer.alloc(headerSize + tags.reduce((n, tag) => n + ((tables.get(tag)!.length + 3) & ~3), 0));
  out.writeUInt32BE(0x00010000, 0);
  out.writeUInt16BE(tags.length, 4);
  const power = 2 ** Math.floor(Math.log2(tags.length));
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(tags.length * 16 - power * 16, 10);
  let offset = headerSize;
  tags.forEach((tag, i) => {
    const body = tables.get(tag)!;
    const at = 12 + i * 16;
    out.write(tag, at, 'latin1');
    out.writeUInt32BE(0, at + 4); // checksums are not verified by resvg (ttf-parser)
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(body.length, at + 12);
    body.copy(out, offset);
    offset += (body.length + 3) & ~3;
  });
  return out;
}
