import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../utils/ocr/engine/decode-node.ts';
import { readJpegOrientation } from '../../../utils/ocr/preprocess/exif.ts';
import { OcrImageError } from '../../../utils/ocr/preprocess/image.ts';

/** An APP1 Exif segment holding only the orientation tag, in either byte order. */
function exifSegment(orientation: number, little = true): number[] {
  const u16 = (v: number) => (little ? [v & 0xff, v >> 8] : [v >> 8, v & 0xff]);
  const u32 = (v: number) =>
    little
      ? [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >>> 24]
      : [v >>> 24, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff];
  const tiff = [
    ...(little ? [0x49, 0x49] : [0x4d, 0x4d]),
    ...u16(42),
    ...u32(8),
    ...u16(2),
    // A first, unrelated tag (ImageWidth), then Orientation (0x0112, SHORT, count 1).
    ...u16(0x0100),
    ...u16(3),
    ...u32(1),
    ...u16(640),
    0,
    0,
    ...u16(0x0112),
    ...u16(3),
    ...u32(1),
    ...u16(orientation),
    0,
    0,
    ...u32(0),
  ];
  const body = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const len = body.length + 2;
  return [0xff, 0xe1, len >> 8, len & 0xff, ...body];
}

function jpegWith(segment: number[]): Uint8Array {
  const img = jpeg.encode({ width: 4, height: 2, data: Buffer.alloc(4 * 2 * 4, 128) }, 90).data;
  // Insert right after SOI (FFD8).
  return new Uint8Array([...img.subarray(0, 2), ...segment, ...img.subarray(2)]);
}

describe('readJpegOrientation', () => {
  it.each([1, 3, 6, 8])('reads orientation %i (little-endian)', (o) => {
    expect(readJpegOrientation(jpegWith(exifSegment(o, true)))).toBe(o);
  });

  it('reads big-endian (Motorola) Exif too', () => {
    expect(readJpegOrientation(jpegWith(exifSegment(6, false)))).toBe(6);
  });

  it('says upright when there is no Exif, or for non-JPEG and broken bytes', () => {
    expect(readJpegOrientation(jpegWith([]))).toBe(1);
    expect(readJpegOrientation(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe(1);
    const cut = jpegWith(exifSegment(6)).subarray(0, 20);
    expect(readJpegOrientation(cut)).toBe(1);
    expect(readJpegOrientation(jpegWith(exifSegment(42)))).toBe(1);
    expect(readJpegOrientation(new Uint8Array())).toBe(1);
  });

  it('is used when decoding a phone photo', () => {
    const d = decodeImage(jpegWith(exifSegment(6)));
    expect(d).toMatchObject({ format: 'jpeg', orientation: 6 });
    expect(d.image.width).toBe(4);
    expect(d.image.data).toHaveLength(4 * 2 * 4);
  });
});

describe('decodeImage errors', () => {
  it('refuses other formats with a typed error', () => {
    expect(() => decodeImage(new TextEncoder().encode('GIF89a……'))).toThrowError(
      expect.objectContaining({ code: 'unsupported-format' }),
    );
    expect(() => decodeImage(new Uint8Array())).toThrowError(OcrImageError);
  });

  it('reports a corrupt PNG or JPEG', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect(() => decodeImage(png)).toThrowError(expect.objectContaining({ code: 'corrupt-image' }));
    expect(() => decodeImage(new Uint8Array([0xff, 0xd8, 0xff, 0xdb, 0, 3, 1]))).toThrowError(
      expect.objectContaining({ code: 'corrupt-image' }),
    );
  });
});
