/**
 * Where the bundled guides are served: `<widget base>/guides/` for the widget,
 * `chrome-extension://<id>/guides/` in the extension. Set by mountPanel, read by the guides tab.
 */
let base: string | undefined;

export function setGuidesBase(url: string | undefined): void {
  base = url;
}

export function guidesBase(): string | undefined {
  return base;
}
