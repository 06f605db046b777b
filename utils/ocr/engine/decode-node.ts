/** Decodes PNG and JPEG files to pixels in Node (pure JS decoders), with the JPEG's EXIF orientation. */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { checkImageSize, MAX_IMAGE_PIXELS } from '../image-size.ts';
import { readJpegOrientation } from '../preprocess/exif.ts';
import { OcrImageError, type RgbaImage } from '../preprocess/image.ts';

export type ImageFormat = 'png' | 'jpeg';
export type Decoded = { image: RgbaImage; orientation: number; format: ImageFormat };

export function sniffFormat(bytes: Uint8Array): ImageFormat | 'pdf' | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpeg';
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
  return null;
}

export function decodeImage(bytes: Uint8Array): Decoded {
  const format = sniffFormat(bytes);
  if (bytes.length === 0) throw new OcrImageError('empty-image', 'Empty file');
  if (format !== 'png' && format !== 'jpeg')
    throw new OcrImageError('unsupported-format', 'Only PNG and JPEG images (and PDF files) can be read');
  // Size from the header first: a decoder allocates width × height × 4 bytes before reading a pixel.
  checkImageSize(bytes);
  try {
    if (format === 'png') {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return {
        image: {
          width: png.width,
          height: png.height,
          data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
        },
        orientation: 1,
        format,
      };
    }
    if (format === 'jpeg') {
      // Same budget as the header check, kept as a second guard inside the decoder.
      const img = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6,
        maxMemoryUsageInMB: 1024,
      });
      return {
        image: {
          width: img.width,
          height: img.height,
          data: new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length),
        },
        orientation: readJpegOrientation(bytes),
        format,
      };
    }
  } catch (cause) {
    throw new OcrImageError('corrupt-image', `Cannot decode ${format} image: ${String(cause)}`, { cause });
  }
  throw new OcrImageError('unsupported-format', 'Only PNG and JPEG images (and PDF files) can be read');
}
