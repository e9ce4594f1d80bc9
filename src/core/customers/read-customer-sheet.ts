import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { CustomerSheetRow } from './import-customers.ts';

/**
 * Decodes a sheet to text with `\n` line ends. UTF-8 with or without BOM, else GB18030: Excel on
 * Chinese Windows saves "CSV" in that code page, and reading it as UTF-8 would garble every name.
 * Line ends are unified because csv-parse miscounts lines for CRLF inside quoted cells.
 */
async function* decodeSheet(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let pendingCr = false;
  const unify = (text: string) => {
    const joined = (pendingCr ? '\r' : '') + text;
    pendingCr = joined.endsWith('\r');
    return (pendingCr ? joined.slice(0, -1) : joined).replace(/\r\n?/g, '\n');
  };
  for await (const chunk of chunks) {
    decoder ??= new TextDecoder(isUtf8Start(chunk) ? 'utf-8' : 'gb18030');
    yield unify(decoder.decode(chunk, { stream: true }));
  }
  const rest = unify(decoder?.decode() ?? '') + (pendingCr ? '\n' : '');
  if (rest) yield rest;
}

function isUtf8Start(chunk: Buffer): boolean {
  try {
    // `stream: true` tolerates a character cut at the chunk's end.
    new TextDecoder('utf-8', { fatal: true }).decode(chunk, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Streams a customer sheet as records numbered by the line they start on (header = line 1). A record
 * csv-parse cannot read (wrong number of cells, an unclosed quote) becomes an `unreadable` row, so it
 * is reported like any bad row instead of aborting the import.
 */
export async function* readCustomerSheet(chunks: AsyncIterable<Buffer>): AsyncGenerator<CustomerSheetRow> {
  const skipped: CustomerSheetRow[] = [];
  const parser = Readable.from(decodeSheet(chunks)).pipe(
    parse({
      bom: true,
      columns: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (error) skipped.push({ line: Number(error.lines), unreadable: `cannot read the row: ${error.message.replace(/ (on|at) line \d+$/, '')}` });
        return undefined;
      },
    }),
  );
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    yield* skipped.splice(0);
    // info.lines is where the record ends; line breaks inside quoted cells tell where it began.
    const breaks = Object.values(record).reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    yield { line: info.lines - breaks, record };
  }
  yield* skipped.splice(0);
}
