import type { Cell } from './columns.ts';

/**
 * One CSV field (RFC 4180). A text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`,
 * tab or CR first) gets a leading apostrophe, the OWASP advice against CSV injection: exports carry
 * text that reps typed. Checked by character code, not a regular expression: it runs for every cell.
 */
export function csvField(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  let text = String(cell);
  const first = text.charCodeAt(0);
  // = + - @ tab CR
  if (first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV record (CRLF). */
export function csvLine(cells: readonly Cell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    line += csvField(cells[i]);
  }
  return `${line}\r\n`;
}

/** The UTF-8 byte order mark: without it Excel reads a UTF-8 CSV as the local code page and garbles Chinese. */
export const BOM = '\uFEFF';
