/**
 * Prints the recap alone: the panel lives in a shadow root on the site's page, so printing the
 * page would print the site. The recap's printable part (already rendered by Preact, text escaped)
 * is copied into a frame of its own with a large-type print sheet, and that frame is printed; the
 * browser's print dialog offers « Enregistrer au format PDF ».
 *
 * The frame is same-origin with the page (srcdoc), so the site could read it while it exists: it
 * holds the guide's public text and only the numbers the person ticked, which they typed into that
 * site. It is removed when the recap closes or the next print replaces it.
 */
import { dir, type Lang } from '../../../utils/i18n';

export const PRINT_CSS = `
@page { margin: 16mm; }
html { font: 15pt/1.5 system-ui, "Segoe UI", Arial, sans-serif; color: #000; background: #fff; }
body { margin: 0; }
h5.pp-recap-name { font-size: 1.6em; margin: 0 0 .3em; }
h5 { font-size: 1.25em; margin: 1.2em 0 .3em; break-after: avoid; }
ul { padding-inline-start: 1.3em; margin: .3em 0; }
li { margin: .25em 0; break-inside: avoid; }
p { margin: .3em 0; }
a { color: #000; text-decoration: none; }
[data-print="skip"] { display: none; }
`;

const FRAME_ID = 'pp-recap-print';

export function printFrameHtml(sheet: HTMLElement, lang: Lang, title: string): string {
  const head = `<meta charset="utf-8"><title>${escapeText(title)}</title><style>${PRINT_CSS}</style>`;
  return `<!doctype html><html lang="${lang}" dir="${dir(lang)}"><head>${head}</head><body>${sheet.outerHTML}</body></html>`;
}

function escapeText(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** Copies the sheet into the print frame (beside it, in the same root) and prints that frame. */
export function printSheet(sheet: HTMLElement, lang: Lang, title: string): HTMLIFrameElement {
  const root = sheet.getRootNode() as Document | ShadowRoot;
  removePrintFrame(root);
  const frame = sheet.ownerDocument.createElement('iframe');
  frame.id = FRAME_ID;
  frame.setAttribute('data-testid', 'recap-print-frame');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.title = title;
  // Out of sight, yet laid out: a frame with display:none prints blank in some browsers.
  frame.style.cssText = 'position:fixed;inset-inline-start:-10000px;top:0;width:800px;height:600px;border:0;';
  frame.addEventListener(
    'load',
    () => {
      try {
        // Focus stays on our button: Chromium and Firefox print the frame itself without it.
        frame.contentWindow?.print();
      } catch {
        // A page that forbids printing frames: the recap stays on screen, the person can copy it.
      }
    },
    { once: true },
  );
  frame.srcdoc = printFrameHtml(sheet, lang, title);
  (sheet.parentElement ?? root).append(frame);
  return frame;
}

export function removePrintFrame(root: Document | ShadowRoot): void {
  root.querySelector(`#${FRAME_ID}`)?.remove();
}
