import { render } from 'preact';
import type { CompiledGlossary } from '../../../utils/glossary/match';
import type { PageForm, ReadableResult } from '../../../utils/readable/extract';
import { type PanelServices, ServicesContext } from '../../app/services';
import { attachOurShadow, modeFor, shadowOf } from '../../app/shadow-root';
import { ignoreUntrustedEvents } from '../../app/trusted-events';
import panelCss from '../../styles/panel.css?inline';
import type { Translate } from './BigField';
import { ReadableView } from './ReadableView';
import readableCss from './readable.css?inline';

export type ReadableViewHandle = { close(): void; host: HTMLElement };

let current: ReadableViewHandle | undefined;

/** The element that has focus, through shadow roots (the panel's button lives in one). */
export function deepActiveElement(doc: Document): HTMLElement | null {
  let el: Element | null = doc.activeElement;
  for (let root = el && shadowOf(el); root?.activeElement; root = shadowOf(el)) el = root.activeElement;
  return el instanceof HTMLElement ? el : null;
}

/**
 * Shows the readable view over the page, in its own shadow host (ours: comfort CSS and the page's
 * styles leave it alone). Going back removes it and puts focus back where it was.
 */
export function openReadableView(options: {
  services: PanelServices;
  result: ReadableResult;
  glossary?: CompiledGlossary;
  formOnly: boolean;
  t: Translate;
  doc?: Document;
  reextract?: () => PageForm;
}): ReadableViewHandle {
  current?.close();
  const doc = options.doc ?? document;
  const returnFocus = deepActiveElement(doc);
  const host = doc.createElement('div');
  host.setAttribute('data-pasapas-host', 'readable');
  (doc.body ?? doc.documentElement).append(host);
  const shadow = attachOurShadow(host, modeFor(options.services.context));
  if (options.services.context === 'page') ignoreUntrustedEvents(shadow);
  const sheets = [panelCss, readableCss].map((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  });
  shadow.adoptedStyleSheets = sheets;

  let closed = false;
  const handle: ReadableViewHandle = {
    host,
    close() {
      if (closed) return;
      closed = true;
      if (current === handle) current = undefined;
      const dialog = shadow.querySelector('dialog');
      if (dialog?.open) dialog.close();
      render(null, shadow);
      host.remove();
      options.services.announce(options.t('readable.closed'));
      if (returnFocus?.isConnected) returnFocus.focus();
    },
  };
  current = handle;
  render(
    <ServicesContext.Provider value={options.services}>
      <ReadableView
        result={options.result}
        glossary={options.glossary}
        formOnly={options.formOnly}
        t={options.t}
        reextract={options.reextract}
        onClose={() => handle.close()}
      />
    </ServicesContext.Provider>,
    shadow,
  );
  return handle;
}

/** Closes the view if one is open (the tab unmounting, the panel closing). */
export function closeReadableView(): void {
  current?.close();
}
