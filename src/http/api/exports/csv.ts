import type { Cell } from './columns.ts';

/**
 * One CSV record (RFC 4180, CRLF). A text cell that a spreadsheet would run as a formula (`=`, `+`,
 * `-`, `@`, tab or CR first) gets a leading apostrophe, the OWASP advice against CSV injection:
 * exports carry text that reps typed.
 */
export function csvLine(cells: readonly Cell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    const cell = cells[i];
    if (cell === null || cell === undefined) continue;
    if (typeof cell === 'number') {
      line += String(cell);
      continue;
    }
    let text = String(cell);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    line += /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }
  return `${line}\r\n`;
}

/** The UTF-8 byte order mark: without it Excel reads a UTF-8 CSV as the local code page and garbles Chinese. */
export const BOM = '\uFEFF';
