import { describe, expect, it } from 'vitest';
import { ChunkedText } from '../../src/http/api/exports/chunked-text.ts';

const joined = (chunks: Uint8Array[]) => Buffer.concat(chunks.map((c) => Buffer.from(c)));

describe('ChunkedText', () => {
  it('gives the UTF-8 of everything written, whatever falls on a chunk boundary (Chinese, emoji, a record larger than a chunk)', () => {
    const records = ['时间,类型\r\n', 'a'.repeat(7), '签到😀,"x"\r\n', '已核实'.repeat(40), 'b', '😀'.repeat(30)];
    for (const size of [4, 5, 16, 64, 1024]) {
      const text = new ChunkedText(size);
      const chunks: Uint8Array[] = [];
      for (const record of records) {
        text.write(record);
        chunks.push(...text.take(false));
      }
      chunks.push(...text.take(true));
      expect(joined(chunks).toString('utf8'), `chunks of ${size}`).toBe(records.join(''));
      // Every chunk is whole characters: each decodes on its own.
      for (const chunk of chunks) expect(new TextDecoder('utf-8', { fatal: true }).decode(chunk).length).toBeGreaterThan(0);
    }
  });

  it('hands each chunk over once and nothing when nothing was written', () => {
    const text = new ChunkedText(8);
    expect(text.take(true)).toEqual([]);
    text.write('12345678901');
    expect(text.take(false).map((c) => Buffer.from(c).toString())).toEqual(['12345678']);
    expect(text.take(true).map((c) => Buffer.from(c).toString())).toEqual(['901']);
    expect(text.take(true)).toEqual([]);
  });
});
