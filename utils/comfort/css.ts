import type { ComfortSettings, Theme } from './settings';

/** Colours of each theme, shared by the page stylesheet and our own panel. */
export const THEME_COLORS: Record<
  Exclude<Theme, 'default'>,
  { bg: string; fg: string; link: string; accent: string }
> = {
  'high-contrast': { bg: '#ffffff', fg: '#000000', link: '#0000c8', accent: '#000000' },
  dark: { bg: '#121212', fg: '#f2f2f2', link: '#9fc5ff', accent: '#f2f2f2' },
  'yellow-black': { bg: '#000000', fg: '#ffff00', link: '#7fffff', accent: '#ffff00' },
};

export const FONT_FAMILIES = {
  legible: "'Atkinson Hyperlegible', Verdana, sans-serif",
  dyslexia: "'OpenDyslexic', 'Comic Sans MS', sans-serif",
} as const;

/** Font files shipped with the extension and the widget (copied from @fontsource at build time). */
export const FONT_FILES = [
  { family: 'Atkinson Hyperlegible', file: 'atkinson-hyperlegible-latin-400-normal.woff2', weight: 400 },
  { family: 'Atkinson Hyperlegible', file: 'atkinson-hyperlegible-latin-700-normal.woff2', weight: 700 },
  { family: 'OpenDyslexic', file: 'opendyslexic-latin-400-normal.woff2', weight: 400 },
  { family: 'OpenDyslexic', file: 'opendyslexic-latin-700-normal.woff2', weight: 700 },
] as const;

const LINE_HEIGHT = { normal: null, large: 1.8, larger: 2.2 } as const;

/** Our own UI is excluded from page-wide rules: it lives in a shadow root and follows the same settings itself. */
const NOT_OURS = ':not([data-pasapas-host])';

export function fontFaceCss(fontBase: string): string {
  return FONT_FILES.map(
    (f) =>
      `@font-face{font-family:'${f.family}';font-style:normal;font-weight:${f.weight};font-display:swap;src:url('${fontBase}${f.file}') format('woff2')}`,
  ).join('\n');
}

/**
 * The stylesheet applied to the host page. Everything is `!important` because the page's own
 * rules would otherwise win; removing the sheet restores the page exactly.
 * Text size scales the root font size (rem-based sites such as the DSFR) and `zoom` fallback
 * is avoided on purpose: it breaks fixed layouts and our panel positioning.
 */
export function comfortCss(settings: ComfortSettings, fontBase: string): string {
  const rules: string[] = [];
  if (settings.font !== 'default') rules.push(fontFaceCss(fontBase));
  if (settings.textScale !== 1) {
    rules.push(
      `html${NOT_OURS}{font-size:${settings.textScale * 100}% !important;-webkit-text-size-adjust:none}`,
    );
    // Pixel-sized text does not follow the root: scale the common text containers too.
    rules.push(
      `body${NOT_OURS} :is(p,li,dd,dt,td,th,label,legend,a,span,input,select,textarea,button,h1,h2,h3,h4,h5,h6)${NOT_OURS}{font-size:max(1em, calc(${settings.textScale}rem * 0.9)) !important}`,
    );
  }
  const lineHeight = LINE_HEIGHT[settings.lineSpacing];
  if (lineHeight) rules.push(`body${NOT_OURS}, body *${NOT_OURS}{line-height:${lineHeight} !important}`);
  if (settings.letterSpacing === 'large') {
    rules.push(
      `body${NOT_OURS}, body *${NOT_OURS}{letter-spacing:0.12em !important;word-spacing:0.16em !important}`,
    );
  }
  if (settings.font !== 'default') {
    rules.push(`body${NOT_OURS}, body *${NOT_OURS}{font-family:${FONT_FAMILIES[settings.font]} !important}`);
  }
  if (settings.theme !== 'default') {
    const c = THEME_COLORS[settings.theme];
    rules.push(
      `html${NOT_OURS}, body${NOT_OURS}, body *${NOT_OURS}{background-color:${c.bg} !important;color:${c.fg} !important;border-color:${c.fg} !important;text-shadow:none !important;box-shadow:none !important}`,
      `body a${NOT_OURS}, body a *${NOT_OURS}{color:${c.link} !important;text-decoration:underline !important}`,
      `body :is(img,video,svg,picture,canvas)${NOT_OURS}{background-color:transparent !important}`,
      `body :is(input,select,textarea,button)${NOT_OURS}{border:2px solid ${c.fg} !important}`,
      `body :focus-visible${NOT_OURS}{outline:3px solid ${c.accent} !important;outline-offset:2px !important}`,
      // Sites draw their own radios and boxes: the real one hidden, a picture on its label in the
      // site's colours (navy on black here). The real control comes back, drawn by the browser in
      // the theme's colours and ringed, and the site's picture goes.
      `body input:is([type=radio],[type=checkbox])${NOT_OURS}{opacity:1 !important;appearance:auto !important;accent-color:${c.accent} !important;outline:2px solid ${c.fg} !important;outline-offset:1px !important}`,
      `body input:is([type=radio],[type=checkbox]):focus-visible${NOT_OURS}{outline:3px solid ${c.accent} !important;outline-offset:4px !important}`,
      `body input:is([type=radio],[type=checkbox]) + label${NOT_OURS}, body input:is([type=radio],[type=checkbox]) + label::before, body input:is([type=radio],[type=checkbox]) + label::after{background-image:none !important;box-shadow:none !important}`,
    );
    if (settings.theme !== 'high-contrast') rules.push(`html${NOT_OURS}{color-scheme:dark !important}`);
  }
  return rules.join('\n');
}
