import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

const gunzipAsync = promisify(gunzip);
const gzipAsync = promisify(gzip);

/**
 * Files Legwork keeps in DATA_DIR next to PGlite's own, which a backup must not carry (PGlite's
 * `dumpDataDir` tars the whole directory):
 * - `encryption.key` (and its aside copies while it is written): a backup with the key in it would
 *   reveal the sealed secrets, so it is backed up separately (README, "Backups");
 * - `legwork.run`: the running process's pid, port and backup token. Restored, it would point
 *   `npm run backup` on the restored DATA_DIR at the process that wrote it;
 * - `backups/`: the daily copies. Carried along, each day's copy would hold all the previous ones.
 */
export function isLegworkFile(path: string): boolean {
  const name = path.replace(/^(\.?\/)+/, '');
  return name.startsWith('encryption.key') || name === 'legwork.run' || name === 'backups' || name.startsWith('backups/');
}

/**
 * A gzipped tarball of DATA_DIR (as PGlite dumps it) without Legwork's own files (`isLegworkFile`):
 * the database alone. Reads ustar headers (with GNU long names and pax headers kept or dropped with
 * the entry they describe); every other byte is copied as it was.
 */
export async function databaseFilesOnly(archive: Blob): Promise<Blob> {
  const tar = new Uint8Array(await gunzipAsync(new Uint8Array(await archive.arrayBuffer())));
  const kept: Uint8Array[] = [];
  let pending: Uint8Array[] = [];
  let longName: string | undefined;
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) {
      // End of archive: the trailer (and any padding) as it was.
      kept.push(...pending, tar.subarray(offset));
      pending = [];
      break;
    }
    const size = entrySize(header);
    const end = offset + 512 + Math.ceil(size / 512) * 512;
    const entry = tar.subarray(offset, end);
    const type = String.fromCharCode(header[156]!);
    if (type === 'L' || type === 'x') {
      // Describes the next entry: decided with it.
      if (type === 'L') longName = text(tar.subarray(offset + 512, offset + 512 + size));
      if (type === 'x') longName = paxPath(tar.subarray(offset + 512, offset + 512 + size)) ?? longName;
      pending.push(entry);
    } else {
      const name = longName ?? entryName(header);
      if (!isLegworkFile(name)) kept.push(...pending, entry);
      pending = [];
      longName = undefined;
    }
    offset = end;
  }
  if (offset + 512 > tar.length) kept.push(...pending, tar.subarray(offset));
  const out = new Uint8Array(kept.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of kept) {
    out.set(part, at);
    at += part.length;
  }
  return new Blob([new Uint8Array(await gzipAsync(out))], { type: archive.type || 'application/gzip' });
}

function text(bytes: Uint8Array): string {
  const zero = bytes.indexOf(0);
  return new TextDecoder().decode(zero === -1 ? bytes : bytes.subarray(0, zero));
}

function entryName(header: Uint8Array): string {
  const name = text(header.subarray(0, 100));
  const ustar = text(header.subarray(257, 263)).startsWith('ustar');
  const prefix = ustar ? text(header.subarray(345, 500)) : '';
  return prefix ? `${prefix}/${name}` : name;
}

/** Octal, or base-256 for large files (high bit of the first byte set). */
function entrySize(header: Uint8Array): number {
  const field = header.subarray(124, 136);
  if (field[0]! & 0x80) {
    let n = field[0]! & 0x7f;
    for (let i = 1; i < field.length; i++) n = n * 256 + field[i]!;
    return n;
  }
  const octal = text(field).trim();
  return octal ? parseInt(octal, 8) : 0;
}

function paxPath(bytes: Uint8Array): string | undefined {
  for (const line of text(bytes).split('\n')) {
    const match = /^\d+ path=(.*)$/.exec(line);
    if (match) return match[1];
  }
  return undefined;
}
