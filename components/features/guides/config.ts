import type { ConfiguredGuides, InstalledEntry } from '../../../utils/guides/sources';
import type { PageCommand, PageSnapshot } from './page-sync';

/**
 * Where the guides come from. `base`: the bundled guides, `<widget base>/guides/` for the widget,
 * `chrome-extension://<id>/guides/` in the extension. `installed`: the mediator's guides, asked
 * from the background (extension). `configured`: the administration's guides and catalog (widget).
 * `remote`: the side panel's link to the page.
 * Set by mountPanel, read by the guides tab.
 */
let base: string | undefined;

export type GuideSources = {
  installed?: () => Promise<readonly InstalledEntry[]>;
  configured?: ConfiguredGuides;
  /** Side panel: the guide runs in the active tab's page; this sends it commands (null: no page answers). */
  remote?: { send(command: PageCommand): Promise<PageSnapshot | null> };
};
let sources: GuideSources = {};

export function setGuidesBase(url: string | undefined): void {
  base = url;
}

export function guidesBase(): string | undefined {
  return base;
}

export function setGuideSources(next: GuideSources | undefined): void {
  sources = next ?? {};
}

export function guideSources(): GuideSources {
  return sources;
}
