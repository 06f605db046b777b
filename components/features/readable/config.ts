/**
 * Where the glossary is served: the widget's folder or the extension's files. Set once by
 * `mountPanel`; kept out of the panel's services so the readable feature stays one folder.
 */
let glossaryUrl: string | undefined;

export function setGlossaryUrl(url: string | undefined): void {
  glossaryUrl = url;
}

export function getGlossaryUrl(): string | undefined {
  return glossaryUrl;
}
