/**
 * UTF-8 bytes of many short strings, packed into chunks of `chunkBytes`: each record is encoded
 * straight into the current chunk (TextEncoder.encodeInto), so no string of the whole batch is ever
 * built. Joining a batch of CSV records into one string and encoding it cost a flattened copy of
 * ~400 KB per batch, allocated in V8's large-object space (old generation), which is what grew the
 * heap during an export; 64 KB chunks of bytes live outside the heap and are handed to the response.
 * https://developer.mozilla.org/en-US/docs/Web/API/TextEncoder/encodeInto
 */
export class ChunkedText {
  private readonly encoder = new TextEncoder();
  private chunk: Uint8Array;
  private used = 0;
  private readonly full: Uint8Array[] = [];

  constructor(private readonly chunkBytes = 64 * 1024) {
    this.chunk = new Uint8Array(chunkBytes);
  }

  /** Appends `text`; a text longer than the room left continues in the next chunk. */
  write(text: string): void {
    let rest = text;
    for (;;) {
      const { read, written } = this.encoder.encodeInto(rest, this.used === 0 ? this.chunk : this.chunk.subarray(this.used));
      this.used += written;
      if (read === rest.length) return;
      // encodeInto stops before a character that does not fit whole, so the cut is never inside one.
      rest = rest.slice(read);
      if (this.used > 0) this.full.push(this.chunk.subarray(0, this.used));
      this.chunk = new Uint8Array(Math.max(this.chunkBytes, rest.length * 3));
      this.used = 0;
    }
  }

  /** The chunks filled so far and, with `flush`, the partly filled one; each is handed over once. */
  take(flush: boolean): Uint8Array[] {
    const out = this.full.splice(0);
    if (flush && this.used > 0) {
      out.push(this.chunk.subarray(0, this.used));
      this.chunk = new Uint8Array(this.chunkBytes);
      this.used = 0;
    }
    return out;
  }
}
