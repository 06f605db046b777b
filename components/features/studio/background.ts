import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { CapturedCluesSchema } from '../../../utils/guides/format';
import { GuideLibraryError } from '../../../utils/guides/sources';
import { STUDIO_HANDLE, type StudioHandle } from '../../../utils/guides/studio/picker';
import { createSigningKeys, idbSigningKeyStore } from '../../../utils/guides/studio/signing-key';
import { defineBackgroundPart } from '../define-background';

/**
 * The guide studio (side panel) reaches the page it records through here: the picking script is
 * injected into that tab only when the author asks, and what it answers is checked again (the
 * page's DOM made it: strings of bounded size, the format's clue shape, no value) before the side
 * panel sees it. The exported guide is installed like a file the mediator chose.
 */

const short = v.pipe(v.string(), v.maxLength(200));
const PickAnswer = v.union([
  v.object({
    ok: v.literal(true),
    kind: v.picklist(['field', 'choice', 'list', 'file', 'button', 'link']),
    clues: v.object({
      ...CapturedCluesSchema.entries,
      inputmode: v.optional(v.pipe(v.string(), v.maxLength(20))),
    }),
    page: v.object({ url: v.pipe(v.string(), v.maxLength(2000)), heading: v.optional(short) }),
  }),
  v.object({ ok: v.literal(false), reason: v.picklist(['sensitive', 'not-a-target', 'cancelled']) }),
]);
export type StudioPickAnswer = v.InferOutput<typeof PickAnswer> | { ok: false; reason: 'no-page' };

async function injectPicker(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/studio-picker.js'] });
    return true;
  } catch {
    // A browser page, the store, a page still loading: nothing to pick there.
    return false;
  }
}

/** Runs one call of the picking script's handle in the tab; undefined when it is not there. */
async function callPicker(
  tabId: number,
  action: 'pick' | 'move' | 'choose' | 'cancel',
  arg: string | number,
): Promise<unknown> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      // Runs in the tab's isolated world: only its arguments reach it.
      func: async (key: string, what: string, value: string | number) => {
        const handle = (globalThis as unknown as Record<string, StudioHandle | undefined>)[key];
        if (!handle) return { missing: true };
        if (what === 'pick') return { value: await handle.pick(String(value)) };
        if (what === 'move') return { value: handle.move(Number(value)) };
        if (what === 'choose') return { value: handle.choose() };
        return { value: handle.cancel() };
      },
      args: [STUDIO_HANDLE, action, arg],
    });
    const answer = result?.result as { value?: unknown; missing?: boolean } | undefined;
    return answer && !answer.missing ? answer.value : undefined;
  } catch {
    return undefined;
  }
}

// The mediator's signing key lives here, in the extension's own origin: the side panel only ever
// gets the public part and signed texts.
let keys: ReturnType<typeof createSigningKeys> | undefined;
const signingKeys = () => {
  keys ??= createSigningKeys(idbSigningKeyStore());
  return keys;
};

export default defineBackgroundPart(({ guideLibrary }) => {
  /** Our own key is trusted on this computer: a guide we signed shows « vérifié » here too. */
  async function trustOwnKey(publicKey: string): Promise<void> {
    try {
      await guideLibrary().addTrustedKey(publicKey, 'Ma clé (créer un guide)');
    } catch (error) {
      if (!(error instanceof GuideLibraryError && error.code === 'key-duplicate')) throw error;
    }
  }
  return {
    'pasapas:studio-page': async ({ action, tabId, delta, hint }) => {
      if (action !== 'pick') return { ok: (await callPicker(tabId, action, delta ?? 1)) === true };
      if (!(await injectPicker(tabId))) return { ok: false, reason: 'no-page' } satisfies StudioPickAnswer;
      const answer = await callPicker(tabId, 'pick', hint ?? '');
      const parsed = v.safeParse(PickAnswer, answer);
      // A page that went away (navigation) ends the pick without an answer.
      return (parsed.success ? parsed.output : { ok: false, reason: 'cancelled' }) satisfies StudioPickAnswer;
    },
    'pasapas:studio-key': async ({ action }) => {
      try {
        const key = action === 'create' ? await signingKeys().ensure() : await signingKeys().current();
        if (key && action === 'create') await trustOwnKey(key.publicKey);
        return { ok: true, key };
      } catch {
        return { ok: false, code: 'key-failed' };
      }
    },
    'pasapas:studio-sign': async ({ text }) => {
      try {
        const signed = await signingKeys().signText(text);
        return { ok: true, text: signed.text, keyId: signed.keyId };
      } catch {
        return { ok: false, code: 'sign-failed' };
      }
    },
    'pasapas:studio-install': async ({ text }) => {
      try {
        const own = await signingKeys()
          .current()
          .catch(() => null);
        if (own) await trustOwnKey(own.publicKey);
        const { guide, verification, replaced } = await guideLibrary().installFile(text);
        return { ok: true, id: guide.id, version: guide.version, verification, replaced: replaced ?? null };
      } catch (error) {
        return {
          ok: false,
          code: error instanceof GuideLibraryError ? error.code : 'install-failed',
        };
      }
    },
  };
});
