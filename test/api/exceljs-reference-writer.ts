/**
 * The reference the product's .xlsx writer (src/http/api/exports/xlsx-zip-writer.ts) is tested
 * against: exceljs's streaming writer, which Node used until its memory grew with the export
 * (~140 MB over 100,000 rows). Same signature as the product writer.
 */
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from '../../src/http/api/exports/columns.ts';

export function xlsxStream(sheetName: string, headers: string[], pages: AsyncIterable<Cell[][]>): ReadableStream<Uint8Array> {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  const write = async () => {
    sheet.addRow(headers).commit();
    for await (const rows of pages) {
      for (const cells of rows) sheet.addRow(cells).commit();
      // Wait for the reader: a slow download must not pile the zipped sheet up in memory. A client
      // that hung up destroys the stream: leaving the loop returns `pages`, which ends the read
      // (and, on a cursor, returns its connection) instead of waiting for a drain that never comes.
      if (out.destroyed || (out.writableNeedDrain && !(await drained(out)))) return;
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error as Error));
  return Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
}

/** True once `stream` drains; false if it closes (destroyed, errored) first. */
function drained(stream: PassThrough): Promise<boolean> {
  return new Promise((resolve) => {
    const onDrain = () => finish(true);
    const onClose = () => finish(false);
    const finish = (value: boolean) => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      resolve(value);
    };
    stream.on('drain', onDrain);
    stream.on('close', onClose);
  });
}
