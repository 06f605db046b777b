/**
 * Reads the EXIF orientation tag (0x0112) from JPEG bytes. Phones store the photo as the sensor saw it
 * and only record how to turn it; without this a portrait photo reaches the OCR sideways.
 * Returns 1 (upright) when there is no tag or the bytes are not a well-formed JPEG.
 */
export function readJpegOrientation(bytes: Uint8Array): number {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return 1;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return 1;
    const marker = bytes[offset + 1] ?? 0;
    // Start of scan: image data follows, no more metadata segments.
    if (marker === 0xda || marker === 0xd9) return 1;
    const length = view.getUint16(offset + 2);
    if (length < 2) return 1;
    const start = offset + 4;
    if (marker === 0xe1 && start + 6 <= bytes.length && isExifHeader(bytes, start)) {
      return readTiffOrientation(view, start + 6, Math.min(bytes.length, offset + 2 + length));
    }
    offset += 2 + length;
  }
  return 1;
}

function isExifHeader(b: Uint8Array, i: number): boolean {
  // "Exif\0\0"
  return (
    b[i] === 0x45 &&
    b[i + 1] === 0x78 &&
    b[i + 2] === 0x69 &&
    b[i + 3] === 0x66 &&
    b[i + 4] === 0 &&
    b[i + 5] === 0
  );
}

function readTiffOrientation(view: DataView, tiff: number, end: number): number {
  if (tiff + 8 > end) return 1;
  const order = view.getUint16(tiff);
  if (order !== 0x4949 && order !== 0x4d4d) return 1;
  const little = order === 0x4949;
  if (view.getUint16(tiff + 2, little) !== 42) return 1;
  const ifd = tiff + view.getUint32(tiff + 4, little);
  if (ifd + 2 > end) return 1;
  const count = view.getUint16(ifd, little);
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + k * 12;
    if (entry + 12 > end) return 1;
    if (view.getUint16(entry, little) === 0x0112) {
      const value = view.getUint16(entry + 8, little);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}
