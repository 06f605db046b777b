// @vitest-environment jsdom
/**
 * The guides tab rendered with Preact on a copy of the demo's identity page: the guide for the
 * page, the counter, the live check in plain words, "Aller au champ", "C'est fait", the
 * "no voice" message, the list of guides when none fits, and complete translations.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { signal } from '@preact/signals';
import { render } from 'preact';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ServicesContext } from '../../../components/app/services';
import { shadowOf } from '../../../components/app/shadow-root';
import GuidesTab from '../../../components/features/guides/GuidesTab';
import { guidesMessages } from '../../../components/features/guides/messages';
import { drawGuideOnPage } from '../../../components/features/guides/page-work';
import { translateUi } from '../../../components/i18n';
import { type Fit, FitContext, type PanelFit } from '../../../components/panel/fit';
import { type DemoServer, startDemoServer } from '../../../demo/server.js';
import { missingKeys } from '../../../utils/i18n';
import { httpGet } from '../guides/helpers';
import { type TestServices, testServices } from '../panel-services';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const BASE = `${location.origin}/pasapas/guides/`;

let server: DemoServer;
let pageHtml = '';
beforeAll(async () => {
  // jsdom has no layout, so no scrollIntoView: the tab scrolls the current step into view.
  Element.prototype.scrollIntoView ??= () => {};
  server = await startDemoServer({ port: 0 });
  const html = await httpGet(`${server.url}/aide-logement/identite.html?widget=0`);
  pageHtml = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
  // The bundled guides, served from disk.
  vi.stubGlobal('fetch', async (input: string) => {
    const url = String(input);
    if (!url.startsWith(BASE)) return new Response('', { status: 404 });
    try {
      const body = readFileSync(path.join(ROOT, 'public/guides', url.slice(BASE.length)), 'utf8');
      return new Response(body, { status: 200 });
    } catch {
      return new Response('', { status: 404 });
    }
  });
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await server.close();
});

const announced: string[] = [];
/** The panel's context, as mountPanel makes it: the bundled guides, a speech engine with the given voices. */
function services(voices: unknown[] = []): TestServices {
  return testServices({
    guideSources: { base: BASE },
    announce: (m) => announced.push(m),
    speech: {
      synth: {
        getVoices: () => voices,
        speak: () => {},
        cancel: () => {},
        pause: () => {},
        resume: () => {},
        speaking: false,
        paused: false,
      } as never,
      makeUtterance: (text: string) => ({ text }) as never,
    },
  });
}

let host: HTMLElement;
let ctx: TestServices;
let pageWork: AbortController;
/** A panel fit the test sets by hand (fit.ts measures the screen; jsdom has none). */
function fitByHand(fit: Fit): PanelFit & { fit: ReturnType<typeof signal<Fit>> } {
  return {
    fit: signal(fit),
    side: signal('right'),
    land: signal(null),
    expand() {},
    arriveLate() {},
    showing() {},
    dispose() {},
  };
}
function mount(url: string, fit: PanelFit | null = null) {
  history.replaceState(null, '', url);
  document.body.innerHTML = pageHtml;
  host = document.createElement('div');
  host.setAttribute('data-pasapas-host', 'widget');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  ctx = services();
  // The guides feature's page work, as mountPanel starts it: the highlight on the page.
  pageWork = new AbortController();
  void drawGuideOnPage(ctx, pageWork.signal);
  render(
    <ServicesContext.Provider value={ctx}>
      <FitContext.Provider value={fit}>
        <GuidesTab />
      </FitContext.Provider>
    </ServicesContext.Provider>,
    shadow,
  );
  return shadow;
}
afterEach(async () => {
  render(null, host.shadowRoot as ShadowRoot);
  pageWork.abort();
  (await ctx.guideService()).dispose();
  sessionStorage.clear();
  announced.length = 0;
});

/** Polls until `get` gives something (the tab renders after fetches, effects and the session's own timers). */
const until = <T,>(get: () => T | null | undefined | false, timeout = 10_000): Promise<T> =>
  vi.waitFor(
    () => {
      const value = get();
      if (!value) throw new Error(`not yet: ${String(get)}`);
      return value;
    },
    { timeout, interval: 10 },
  );
/** Polls an assertion about what an effect does after the render (announcements, focus). */
const eventually = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 10 });
const q = (root: ParentNode, sel: string) => root.querySelector<HTMLElement>(sel);
const button = (root: ParentNode, action: string) =>
  q(root, `[data-action="${action}"]`) as HTMLButtonElement;

describe('GuidesTab', () => {
  it('follows the housing guide on its page: counter, live check, go to field, done', async () => {
    const shadow = mount('/aide-logement/identite.html');
    const title = await until(() => q(shadow, '[data-testid="guide-title"]'));
    expect(title.textContent).toBe('Demande d’aide au logement (démo)');
    // Our counter counts this page's questions: the site shows its own "Étape 1 sur 6" next to it.
    const steps: { when?: { urlPattern?: string } }[] = JSON.parse(
      readFileSync(path.join(ROOT, 'public/guides/fr.demo.aide-logement.json'), 'utf8'),
    ).steps;
    const total = steps.filter((s) => s.when?.urlPattern?.includes('/identite.html')).length;
    expect(total).toBeGreaterThan(2);
    expect(total).toBeLessThan(steps.length);
    expect(q(shadow, '[data-testid="guide-count"]')?.textContent).toBe(
      `Question 1 sur ${total} de cette page`,
    );
    expect(q(shadow, '[data-step]')?.dataset.step).toBe('civilite');
    // The step list says where the person stands, not by colour alone.
    const current = q(shadow, '[aria-current="step"]');
    expect(current?.textContent).toContain('vous êtes ici');
    // The explanation is real DOM built from safe Markdown.
    expect(q(shadow, '[data-testid="step-body"]')?.children.length).toBeGreaterThan(0);

    button(shadow, 'go-to-field').click();
    const radio = document.activeElement as HTMLInputElement;
    expect(radio.name).toBe('civilite');
    radio.click();
    radio.dispatchEvent(new Event('change', { bubbles: true }));
    // A choice counts when the person leaves it (Tab to the next field).
    document.querySelector<HTMLInputElement>('[name="nom"]')?.focus();
    await until(() => q(shadow, '[data-step="nom"]'));
    expect(q(shadow, '[data-testid="guide-count"]')?.textContent).toBe(
      `Question 2 sur ${total} de cette page`,
    );
    // Announced by an effect that runs after the new step is drawn.
    await eventually(() =>
      expect(announced.at(-1)).toBe(
        `Étape faite. Question 2 sur ${total} de cette page : ${q(shadow, '[data-testid="step-title"]')?.textContent}`,
      ),
    );
    // The done step is marked with a sign and words.
    expect(shadow.querySelector('.pp-step-done')?.textContent).toContain('(fait)');

    // Jump to the NIR and type a short one: the plain message shows in the live region.
    const nirIndex = [...shadow.querySelectorAll('.pp-step-link')].findIndex((b) =>
      b.textContent?.includes('sécurité sociale'),
    );
    (shadow.querySelectorAll('.pp-step-link')[nirIndex] as HTMLButtonElement).click();
    await until(() => q(shadow, '[data-step="nir"]'));
    // After a move made in the panel, focus is on the new step's title.
    await eventually(() => expect(shadow.activeElement?.id).toBe('pp-guide-step-title'));
    const nir = document.querySelector<HTMLInputElement>('[name="nir"]') as HTMLInputElement;
    nir.value = '2840575112345';
    nir.dispatchEvent(new Event('input', { bubbles: true }));
    const live = await until(() => {
      const el = q(shadow, '[data-testid="guide-check"]');
      return el?.textContent ? el : null;
    });
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toContain('Il manque 2 chiffres');
    nir.value = '284057511234528';
    nir.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => q(shadow, '[data-testid="guide-check"]')?.textContent?.includes('C’est bon'));
    nir.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => q(shadow, '[data-step="email"]'));

    // Reading aloud without any voice says so, like the speech tab.
    button(shadow, 'read-step').click();
    await until(() => q(shadow, '.pp-guide-step [role="status"]'));
    expect(q(shadow, '.pp-guide-step [role="status"]')?.textContent).toBe(
      translateUi('fr', 'speech.noVoice'),
    );

    // The documents checklist keeps what was ticked.
    const box = shadow.querySelector<HTMLInputElement>('.pp-guide-docs input[type="checkbox"]');
    box?.click();
    expect(box?.checked).toBe(true);
    // The highlight is drawn in its own host, marked as ours, in a closed root the page cannot open.
    const highlight = document.querySelector('[data-pasapas-host="guide-highlight"]') as Element;
    expect(highlight.shadowRoot).toBeNull();
    expect(shadowOf(highlight)?.querySelector('[data-pasapas="highlight-label"]')?.textContent).toBe(
      'À remplir ici',
    );
  });

  it('closing the recap after the panel got short gives focus to the step, never to the page', async () => {
    const fit = fitByHand('wide');
    const shadow = mount('/aide-logement/identite.html', fit);
    await until(() => q(shadow, '[data-action="recap-open"]'));
    button(shadow, 'recap-open').click();
    await eventually(() => expect(shadow.activeElement?.id).toBe('pp-recap-title'));
    // The phone turned, or the person zoomed: the short panel has no « Mon récapitulatif » button.
    fit.fit.value = 'sheet';
    button(shadow, 'recap-close').click();
    await eventually(() => expect(shadow.activeElement?.id).toBe('pp-guide-step-title'));
    expect(q(shadow, '[data-action="recap-open"]')).toBeNull();
    // Wide again, the recap's own button takes focus back on closing.
    fit.fit.value = 'wide';
    await until(() => q(shadow, '[data-action="recap-open"]'));
    button(shadow, 'recap-open').click();
    await eventually(() => expect(shadow.activeElement?.id).toBe('pp-recap-title'));
    button(shadow, 'recap-close').click();
    await eventually(() => expect(shadow.activeElement?.getAttribute('data-action')).toBe('recap-open'));
  });

  it('says plainly when no guide fits the page, and lists the guides', async () => {
    const shadow = mount('/autre/page.html');
    const none = await until(() => q(shadow, '[data-testid="guides-none"]'));
    expect(none.textContent).toContain('Aucun guide n’est prévu pour cette page.');
    expect(none.textContent).toContain('Demande d’aide au logement (démo)');
    expect(none.textContent).toContain('Inscription comme demandeur d’emploi (démo)');
  });

  it('has every string in English and Arabic', () => {
    expect(missingKeys(guidesMessages, 'en')).toEqual([]);
    expect(missingKeys(guidesMessages, 'ar')).toEqual([]);
  });
});
