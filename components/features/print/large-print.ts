/**
 * "Imprimer en grands caractères": the page printed with a large-type print stylesheet. The sheet
 * applies to print only (the screen does not change), hides our own UI from the paper, and goes
 * away once printing is over. A constructed sheet first, which a page's Content-Security-Policy
 * (style-src) does not block; a <style> element where adoptedStyleSheets cannot be written.
 */

/** The sizes offered, in percent of the page's normal text. */
export const PRINT_SIZES = [150, 200] as const;
export type PrintSize = (typeof PRINT_SIZES)[number];

/** Large, plain, black on white: the page's own layout is kept, its text made big. */
export function largePrintCss(size: PrintSize): string {
  return `@media print {
  html { font-size: ${size}% !important; }
  body, body * { font-size: 1rem !important; line-height: 1.5 !important; letter-spacing: 0.02em !important;
    color: #000 !important; background: transparent !important; box-shadow: none !important; text-shadow: none !important; }
  h1, h1 * { font-size: 1.6rem !important; }
  h2, h2 * { font-size: 1.35rem !important; }
  h3, h3 * { font-size: 1.2rem !important; }
  img, svg, video, canvas { max-width: 100% !important; height: auto !important; }
  p, li, label, td { break-inside: avoid; }
  [data-pasapas-host] { display: none !important; }
}`;
}

type Printable = { doc: Document; print(): void };

/** Prints the page in large type; resolves once the browser says printing is over (or at once if it never says). */
export function printLargeType({ doc, print }: Printable, size: PrintSize): Promise<void> {
  const css = largePrintCss(size);
  const win = doc.defaultView;
  let remove: () => void;
  try {
    const sheet = new (win?.CSSStyleSheet ?? CSSStyleSheet)();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    remove = () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  } catch {
    const style = doc.createElement('style');
    style.setAttribute('data-pasapas-print', '');
    style.textContent = css;
    (doc.head ?? doc.documentElement).append(style);
    remove = () => style.remove();
  }
  return new Promise((resolve) => {
    const done = () => {
      win?.removeEventListener('afterprint', done);
      remove();
      resolve();
    };
    win?.addEventListener('afterprint', done);
    try {
      print();
    } catch {
      done();
      return;
    }
    // Without a window to tell us, or one that never says (some mobile browsers): print() has returned.
    if (!win) done();
  });
}
