import { FONT_FILES } from '../../utils/comfort/css';

/** @font-face does not work inside shadow roots: the panel's fonts are declared once on the document. */
export function installPanelFonts(doc: Document, fontBase: string): void {
  const marker = 'data-pasapas-fonts';
  if (doc.documentElement.hasAttribute(marker)) return;
  doc.documentElement.setAttribute(marker, '');
  // FontFace objects load lazily (only when used) and are not subject to style-src CSP.
  for (const { family, file, weight } of FONT_FILES) {
    try {
      doc.fonts.add(
        new FontFace(family, `url(${fontBase}${file})`, { weight: String(weight), display: 'swap' }),
      );
    } catch {
      // Without the font the panel falls back to a system font.
    }
  }
}
