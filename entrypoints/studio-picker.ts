import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { isOurs } from '../components/app/is-ours';
import { createPickHandle } from '../components/features/studio/pick-handle';
import { STUDIO_HANDLE, type StudioHandle } from '../utils/guides/studio/picker';

/**
 * The guide studio's picking mode, injected into a tab only when the author asks (components/features/studio/
 * background.ts), in the extension's isolated world: the site's script cannot see or call it.
 */
export default defineUnlistedScript(() => {
  const holder = globalThis as unknown as Record<string, StudioHandle | undefined>;
  // Injected again for each pick: one handle per page.
  holder[STUDIO_HANDLE] ??= createPickHandle(document, isOurs);
});
