/** The preprocessed image with each value's box drawn and numbered like the list below. */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { GrayImage } from '../../../../utils/ocr/index';
import type { Row } from '../../../../utils/ocr/reading-flow';
import type { T } from './parts';

export function DocImage({ t, image, rows }: { t: T; image: GrayImage; rows: Row[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    c.width = image.width;
    c.height = image.height;
    const rgba = new ImageData(image.width, image.height);
    for (let i = 0, j = 0; i < image.data.length; i++, j += 4) {
      const v = image.data[i] ?? 0;
      rgba.data[j] = v;
      rgba.data[j + 1] = v;
      rgba.data[j + 2] = v;
      rgba.data[j + 3] = 255;
    }
    ctx.putImageData(rgba, 0, 0);
    const line = Math.max(3, Math.round(image.width / 300));
    ctx.font = `bold ${line * 8}px sans-serif`;
    for (const r of rows) {
      const b = r.field.box;
      if (!b) continue;
      const color = r.valid ? '#18753c' : '#b34000';
      ctx.strokeStyle = color;
      ctx.lineWidth = line;
      ctx.strokeRect(b.x0 - line * 2, b.y0 - line * 2, b.x1 - b.x0 + line * 4, b.y1 - b.y0 + line * 4);
      const label = String(r.n);
      const w = ctx.measureText(label).width + line * 3;
      ctx.fillStyle = color;
      ctx.fillRect(b.x0 - line * 2 - w, b.y0 - line * 2, w, line * 10);
      ctx.fillStyle = '#fff';
      ctx.fillText(label, b.x0 - line * 2 - w + line * 1.5, b.y0 + line * 6);
    }
    return () => {
      // Released when the image is discarded: no pixels left in the canvas.
      c.width = 0;
      c.height = 0;
    };
  }, [image, rows]);
  return (
    <canvas
      ref={canvas}
      class="pp-ocr-image"
      role="img"
      aria-label={t('ocr.imageAlt')}
      data-testid="ocr-image"
    />
  );
}
