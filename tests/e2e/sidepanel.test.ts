/**
 * The guides tab of the extension's side panel: the page's documents checklist ticked from the
 * side panel (and the other way round), the step read aloud, answers pushed by the page instead
 * of a poll, the side panel following a new page and a new tab, and « Je n’y arrive pas » (help
 * places near a postcode, a note for the guide's author) and « Mon récapitulatif ». Keyboard only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { uiMessages } from '../../utils/i18n/ui';
import { type Demo, startDemoServer } from './demo';
import { press } from './guide-panel';
import { axe, deepActive, launch, launcher, panel, ROOT, type Session, tabTo } from './harness';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
});
afterAll(async () => {
  await demo?.close();
});

const TITLE = 'Demande d’aide au logement (démo)';
const RIB = 'Votre RIB (relevé d’identité bancaire)';
const AVIS = 'Votre avis d’impôt sur le revenu';

const box = (page: Page, documentId: string) =>
  page.locator(`[data-testid="guide-documents"] li[data-document="${documentId}"] input[type="checkbox"]`);
const stepOf = (page: Page) =>
  page
    .locator('section[data-step]')
    .getAttribute('data-step', { timeout: 3000 })
    .catch(() => null);

/** Opens the side panel page in a tab, as the person's side panel would show it, and counts what it sends. */
async function openSidePanel(page: Page, extensionId: string | undefined) {
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await expect.poll(() => page.locator('[data-testid="guide-title"]').textContent()).toBe(TITLE);
  // Every command the side panel sends to a page, in order. It reaches the page through
  // scripting.executeScript (components/app/tell-tab.ts), wrapped here in place.
  await page.evaluate(() => {
    const w = window as unknown as {
      __sent: string[];
      __open: { action: string; at: number }[];
      chrome: { scripting: Record<string, unknown> };
    };
    w.__sent = [];
    // The questions not answered yet, with when each was sent (the side panel's clock).
    w.__open = [];
    const scripting = w.chrome.scripting;
    const original = (scripting.executeScript as (...a: unknown[]) => Promise<unknown>).bind(scripting);
    scripting.executeScript = (...args: unknown[]) => {
      const message = (args[0] as { args?: unknown[] } | undefined)?.args?.[1] as
        | { type?: string; feature?: string; command?: { action?: string } }
        | undefined;
      // The guide's moves travel as the feature registry's page message (`pasapas:feature`).
      if (message?.type !== 'pasapas:feature' || message.feature !== 'guides') return original(...args);
      const entry = { action: message.command?.action ?? '?', at: performance.now() };
      w.__sent.push(`${entry.action}@${Math.round(entry.at)}ms`);
      w.__open.push(entry);
      return original(...args).finally(() => {
        w.__open.splice(w.__open.indexOf(entry), 1);
      });
    };
  });
}
/** The demo's identity page in a tab, and the side panel beside it on its first step. */
async function identityPageWithSidePanel(session: Session) {
  const site = await session.context.newPage();
  await site.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
  await launcher(site).waitFor();
  const side = await session.context.newPage();
  await openSidePanel(side, session.extensionId);
  await expect.poll(() => stepOf(side)).toBe('civilite');
  return { site, side };
}

/** The actions sent so far ("watch@1234ms": the action and when). */
const sentTimed = (page: Page) =>
  page.evaluate(() => (window as unknown as { __sent: string[] }).__sent.slice());
const sent = async (page: Page) => (await sentTimed(page)).map((s) => s.split('@')[0]);
/** The question the side panel is waiting on, if it is one 'watch' alone, and for how long (ms of its clock). */
const heldWatch = (page: Page) =>
  page.evaluate(() => {
    const open = (window as unknown as { __open: { action: string; at: number }[] }).__open;
    const [only] = open;
    return open.length === 1 && only?.action === 'watch' ? performance.now() - only.at : null;
  });

/** Keyboard alone: Tab until the box of this document has focus, then Space. */
async function tickByKeyboard(page: Page, name: string) {
  await page.bringToFront();
  const focusedBox = () =>
    page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el instanceof HTMLInputElement && el.type === 'checkbox'
        ? (el.closest('label')?.textContent?.trim() ?? null)
        : null;
    });
  for (let i = 0; (await focusedBox()) !== name; i++) {
    if (i === 120) throw new Error(`checkbox "${name}" not reached by keyboard`);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Space');
}

describe('guides in the side panel', () => {
  test('documents ticked by keyboard in the side panel are ticked in the page’s panel, and back, pushed without polling', async () => {
    const session = await launch({ extension: true });
    try {
      const { site, side } = await identityPageWithSidePanel(session);
      expect(await box(side, 'rib').isChecked()).toBe(false);

      // Nothing happens on the page: the side panel waits for the page's answer instead of asking
      // every 700 ms. Seen from its side: one 'watch', sent and still unanswered, stays its only
      // question for three of the old poll's periods (a poll would have sent more, each answered at
      // once). Polled on that condition, not slept on. (Before axe: its run opens a blank tab for a
      // moment, which the side panel rightly follows.)
      const quietStart = (await sent(side)).length;
      await expect.poll(() => heldWatch(side), { timeout: 30_000 }).toBeGreaterThanOrEqual(3 * 700);
      const quiet = (await sent(side)).slice(quietStart);
      expect(quiet.length, JSON.stringify(await sentTimed(side))).toBeLessThanOrEqual(1);
      expect(await axe(side)).toEqual([]);

      // The RIB ticked in the side panel, keyboard only.
      await tickByKeyboard(side, RIB);
      await expect.poll(() => box(side, 'rib').isChecked()).toBe(true);
      await expect.poll(() => sent(side)).toContain('tick');

      // The page's own panel shows it ticked.
      await site.bringToFront();
      await site.keyboard.press('Alt+Shift+KeyP');
      await expect.poll(() => panel(site).count()).toBe(1);
      await site.locator('[data-testid="guide-title"]').waitFor();
      await expect.poll(() => box(site, 'rib').isChecked()).toBe(true);
      expect(await box(site, 'avis-impot').isChecked()).toBe(false);

      // Ticked in the page's panel (keyboard): the side panel shows it without being asked. First the
      // side panel is back to holding one 'watch' (axe's blank tab and this tab coming to the front
      // were changes of page, answered by a 'state' and a retry that may still be on their way).
      await expect.poll(() => heldWatch(side), { timeout: 20_000 }).not.toBeNull();
      const before = await sent(side);
      await tickByKeyboard(site, AVIS);
      await expect.poll(() => box(site, 'avis-impot').isChecked()).toBe(true);
      await expect.poll(() => box(side, 'avis-impot').isChecked()).toBe(true);
      // The change came as the answer to the 'watch' already held: no new 'state' question.
      expect((await sent(side)).slice(before.length)).not.toContain('state');

      // Unticked in the side panel, the page's panel follows while it is open.
      await tickByKeyboard(side, RIB);
      await expect.poll(() => box(side, 'rib').isChecked()).toBe(false);
      await expect.poll(() => box(site, 'rib').isChecked()).toBe(false);

      // A reopened side panel gets the list back from the page.
      await side.reload();
      await expect.poll(() => side.locator('[data-testid="guide-title"]').textContent()).toBe(TITLE);
      await expect.poll(() => box(side, 'avis-impot').isChecked()).toBe(true);
      expect(await box(side, 'rib').isChecked()).toBe(false);
      expect(await axe(side)).toEqual([]);
      expect(await axe(site)).toEqual([]);
      expect(session.outside).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test('the step is read aloud from the side panel (or the person is told no voice is installed)', async () => {
    const session = await launch({ extension: true });
    try {
      const { side } = await identityPageWithSidePanel(session);

      // Its name says what it does; reached and pressed by keyboard.
      const button = side.locator('.pp-guide-step [data-action="read-step"]');
      expect(await button.textContent()).toBe('Lire l’étape à voix haute');
      await side.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await tabTo(side, (el) => el.tag === 'button' && el.text === 'Lire l’étape à voix haute', 80);
      await side.keyboard.press('Enter');
      // Whichever comes: reading (a voice is installed) or, as in headless Chromium here, the plain
      // message that there is none, in a status region. Polled, not guessed after a wait for voices.
      const outcome = async () =>
        (await button.textContent()) === 'Arrêter la lecture'
          ? 'reading'
          : (await side.locator('.pp-guide-step [role="status"]').textContent()) ===
              uiMessages.fr['speech.noVoice']
            ? 'no-voice'
            : null;
      await expect.poll(outcome).not.toBeNull();
      if ((await outcome()) === 'reading') {
        await side.keyboard.press('Enter');
        await expect.poll(() => button.textContent()).toBe('Lire l’étape à voix haute');
      }
      // Focus stayed on the button: the person can press it again.
      expect((await deepActive(side))?.text).toMatch(/Lire l’étape|Arrêter la lecture/);

      // The next step (keyboard): the message of the previous one is gone.
      await tabTo(side, (el) => el.tag === 'button' && el.text === 'Étape suivante', 40);
      await side.keyboard.press('Enter');
      await expect.poll(() => stepOf(side)).toBe('nom');
      expect(await side.locator('.pp-guide-step [role="status"]').count()).toBe(0);
      expect(await axe(side)).toEqual([]);
      expect(session.outside).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test('the side panel follows the page to its next address and to another tab', async () => {
    const session = await launch({ extension: true });
    try {
      const { site, side } = await identityPageWithSidePanel(session);

      // The page moves to the next page of the procedure: the side panel shows its step.
      await site.goto(`${demo.url}/aide-logement/foyer.html?widget=0`);
      // Its first step there (the identity page's steps were left undone: the guide follows the page).
      const onFoyer = 'situation';
      await expect.poll(() => stepOf(side)).toBe(onFoyer);

      // Another tab, on a page without a guide, becomes the one in use; then back to the procedure.
      const other = await session.context.newPage();
      await other.goto(`${demo.url}/plain.html?widget=0`);
      await launcher(other).waitFor();
      await side.bringToFront();
      await expect
        .poll(() => side.locator('[data-testid="guides-none"]').textContent())
        .toContain('Aucun guide n’est prévu pour cette page.');
      await site.bringToFront();
      await side.bringToFront();
      await expect.poll(() => stepOf(side)).toBe(onFoyer);
      expect(await axe(side)).toEqual([]);
      expect(session.outside).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test('an open side panel offers a guide installed meanwhile (from the studio or the options page) at once, without being reopened', async () => {
    const session = await launch({ extension: true });
    try {
      const site = await session.context.newPage();
      await site.goto(`${demo.url}/plain.html?widget=0`);
      await launcher(site).waitFor();
      const side = await session.context.newPage();
      await side.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
      await expect
        .poll(() => side.locator('[data-testid="guides-none"]').textContent(), { timeout: 20_000 })
        .toContain('Aucun guide n’est prévu pour cette page.');
      // The side panel now holds its question to the page (answered when something changes there).
      const housing = JSON.parse(
        readFileSync(join(ROOT, 'public/guides/fr.demo.aide-logement.json'), 'utf8'),
      ) as Record<string, unknown> & { title: Record<string, string> };
      const title = 'Guide installé pendant que le panneau est ouvert';
      const guide = {
        ...housing,
        id: 'fr.demo.installe-panneau-ouvert',
        title: { ...housing.title, fr: title },
        matches: { urls: ['http://127.0.0.1/plain.html*'] },
      };
      // Installed as the studio's « Installer le guide sur cet ordinateur » does, from this very
      // side panel (no tab is activated or closed, which would make the panel ask again anyway).
      const answer = await side.evaluate(
        (text) =>
          (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
          ).chrome.runtime.sendMessage({ type: 'pasapas:studio-install', text }),
        JSON.stringify(guide),
      );
      expect(answer).toMatchObject({ ok: true, id: guide.id });
      // Without being told, the side panel would wait for its held question to time out (20 s).
      await expect
        .poll(() => side.locator('[data-testid="guide-title"]').textContent(), { timeout: 10_000 })
        .toBe(title);
      expect(await axe(side)).toEqual([]);
      expect(session.outside).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test('« Mon récapitulatif » and « Je n’y arrive pas » in the side panel: places near a postcode, and a note for the guide’s author', async () => {
    const session = await launch({ extension: true });
    try {
      const { side } = await identityPageWithSidePanel(session);

      // « Mon récapitulatif » here too: what is left to do, the documents; closed, back to its button.
      await press(side, 'Mon récapitulatif');
      await side.locator('[data-testid="recap"]').waitFor();
      expect(await side.locator('[data-testid="recap-left"] > li').count()).toBeGreaterThan(0);
      expect(await side.locator('[data-testid="recap-done"] > li').count()).toBe(0);
      await press(side, 'Fermer le récapitulatif');
      await expect.poll(async () => (await deepActive(side))?.text).toBe('Mon récapitulatif');

      await press(side, 'Je n’y arrive pas');
      await expect.poll(async () => (await deepActive(side))?.id).toBe('pp-help-title');
      await tabTo(side, (el) => el.id === 'pp-help-postcode', 10);
      await side.keyboard.type('75020');
      await side.keyboard.press('Enter');
      await expect.poll(() => side.locator('[data-testid="help-list"] > li').count()).toBeGreaterThan(0);

      await tabTo(side, (el) => el.id === 'pp-feedback-comment', 80);
      await side.keyboard.type('Le bouton est caché.');
      await press(side, 'Signaler cette étape');
      await expect
        .poll(() => side.locator('[data-testid="feedback-status"]').textContent())
        .toBe('Merci. C’est noté sur cet ordinateur. Le médiateur l’enverra à l’auteur.');
      expect(await axe(side)).toEqual([]);

      // The mediator finds it with the others, for the guide's author.
      const options = await session.context.newPage();
      await options.goto(`chrome-extension://${session.extensionId}/options.html`);
      const entry = options.locator(
        '[data-testid="feedback-guides"] > li[data-guide="fr.demo.aide-logement"]',
      );
      await expect
        .poll(() => entry.locator('p').first().textContent(), { timeout: 20_000 })
        .toBe('Un retour.');
      expect(session.outside).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
