import { crc32, deflateSync } from 'node:zlib';

/**
 * PNG bytes of opaque RGBA pixels (8 bits a channel, rows top to bottom, no filter), compressed by
 * Node's zlib at `level`. Why not resvg's own `asPng()`: it compresses at the default level and
 * was the largest single cost of a chart (~35 ms of CPU for a 1000 × 2000 px board); zlib's level 2
 * takes about a third of that for a file of about the same size (charts are mostly flat colour).
 *
 * The pixels must be opaque: resvg hands out premultiplied RGBA, which equals plain RGBA only when
 * every alpha is 255 (our charts are drawn on a white background).
 *
 * PNG structure: https://www.w3.org/TR/png-3/#5DataRep (signature, IHDR, IDAT, IEND; chunk CRC over
 * type and data; filter byte 0 before each scanline).
 */
export function encodePng(pixels: Uint8Array, width: number, height: number, level = 2): Buffer {
  const stride = width * 4;
  if (pixels.length !== stride * height) throw new Error(`expected ${stride * height} bytes of RGBA, got ${pixels.length}`);
  const source = Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength);
  const scanlines = Buffer.allocUnsafe((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const at = y * (stride + 1);
    scanlines[at] = 0; // filter type None
    source.copy(scanlines, at + 1, y * stride, (y + 1) * stride);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // compression 0, filter method 0, interlace 0: already zero
  return Buffer.concat([pngSignatureBytes, chunk('IHDR', header), chunk('IDAT', deflateSync(scanlines, { level })), chunk('IEND', Buffer.alloc(0))]);
}

const pngSignatureBytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
