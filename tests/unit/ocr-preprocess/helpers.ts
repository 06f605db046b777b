import { type GrayImage, gray } from '../../../utils/ocr/preprocess/image.ts';

/** A page of fake text: rows of dark dashes (words) on white paper, like a printed letter. */
export function textPage(width = 1200, height = 1600, paper = 245, ink = 20): GrayImage {
  const img = gray(width, height);
  img.data.fill(paper);
  let seed = 7;
  const rand = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (let y = 120; y < height - 120; y += 48) {
    let x = 100;
    while (x < width - 160) {
      const w = 30 + Math.floor(rand() * 90);
      for (let yy = y; yy < y + 18; yy++) {
        for (let xx = x; xx < Math.min(x + w, width - 100); xx++) {
          // Letter-like gaps so the strokes have edges inside words too.
          if ((xx - x) % 9 < 6) img.data[yy * width + xx] = ink;
        }
      }
      x += w + 22;
    }
  }
  return img;
}

/** Box blur of the given radius, repeated: a strong defocus. */
export function blur(img: GrayImage, radius: number, passes = 2): GrayImage {
  let src = img;
  for (let p = 0; p < passes; p++) {
    const out = gray(src.width, src.height);
    const { width: w, height: h } = src;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        let s = 0;
        let n = 0;
        for (let dy = -radius; dy <= radius; dy++) {
          const yy = y + dy;
          if (yy < 0 || yy >= h) continue;
          for (let dx = -radius; dx <= radius; dx++) {
            const xx = x + dx;
            if (xx < 0 || xx >= w) continue;
            s += src.data[yy * w + xx] ?? 0;
            n++;
          }
        }
        out.data[y * w + x] = s / n;
      }
    }
    src = out;
  }
  return src;
}
