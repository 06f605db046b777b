/**
 * Feedback to guide authors (issue 15, part 4) in the built extension: on a step of the housing
 * guide the person says « Cette étape n'est pas claire » with a comment holding a social security
 * number and an e-mail; the note is kept sealed (no comment text in storage); the mediator exports
 * it from the options page (JSON and CSV, stripped); the guide studio opens the JSON and shows the
 * step that blocks people. Keyboard only, axe clean, 360 px screenshots in French and Arabic.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { helpMessages } from '../../components/features/guides/help-messages';
import { type Demo, startDemoServer } from './demo';
import { openGuide, press } from './guide-panel';
import { axe, deepActive, launch, ROOT, type Session, tabTo } from './harness';
import { downloadBy, openStudio } from './studio-helpers';

const SHOTS = join(ROOT, 'test-results');
const NIR = '284057511234528';
const GUIDE = 'fr.demo.aide-logement';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await demo?.close();
});

/** « Je n'y arrive pas », then a note on the current step with this comment, by keyboard. */
async function leaveNote(page: Page, comment: string, stuck: string, send: string) {
  await press(page, stuck);
  await expect.poll(async () => (await deepActive(page))?.id).toBe('pp-help-title');
  await tabTo(page, (el) => el.id === 'pp-feedback-comment', 40);
  await page.keyboard.type(comment);
  await press(page, send);
}

/** Our extension's storage, read from one of its pages. */
const stored = (ext: Page, key: string) =>
  ext.evaluate(
    (k) =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome.storage.local.get(k),
    key,
  );

describe('feedback to guide authors', () => {
  let session: Session;
  afterAll(async () => {
    await session?.close();
  });

  test('a note on a step, kept sealed, exported stripped, read by the studio', async () => {
    session = await launch({ extension: true });
    const page = await session.context.newPage();
    await page.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
    await openGuide(page);
    await expect
      .poll(() => page.locator('[data-pasapas="panel"] section[data-step]').getAttribute('data-step'))
      .toBe('civilite');
    await leaveNote(
      page,
      `Je ne sais pas quoi cocher. Mon numéro ${NIR}, écrivez à lea.martin@exemple.fr`,
      'Je n’y arrive pas',
      'Signaler cette étape',
    );
    const status = page.locator('[data-testid="feedback-status"]');
    await expect
      .poll(() => status.textContent())
      .toBe(
        'Merci. C’est noté sur cet ordinateur. Le médiateur l’enverra à l’auteur. 2 informations personnelles ont été enlevées.',
      );
    expect(await page.locator('[data-testid="feedback-comment"]').inputValue()).toBe('');
    expect(await axe(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });
    await page.locator('[data-testid="step-feedback"]').evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: join(SHOTS, 'feedback-360-fr.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    // A second note on the same step, without a comment.
    await press(page, 'Signaler cette étape');
    await expect
      .poll(() => status.textContent())
      .toBe('Merci. C’est noté sur cet ordinateur. Le médiateur l’enverra à l’auteur.');

    // Sealed on disk: no word of the comment in the extension's storage.
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const raw = JSON.stringify(await stored(options, 'pasapas:feedback'));
    expect(raw).toContain('"iv"');
    expect(raw).not.toContain('cocher');
    expect(raw).not.toContain(NIR);

    // The mediator exports it, per guide, with where to send it.
    const entry = options.locator(`[data-testid="feedback-guides"] > li[data-guide="${GUIDE}"]`);
    await expect.poll(() => entry.locator('p').first().textContent()).toBe('2 retours.');
    expect(await entry.locator('a').getAttribute('href')).toBe('mailto:guides@demo.pasapas.invalid');
    expect(await axe(options, '[data-testid="feedback-options"]')).toEqual([]);
    const json = await downloadBy(options, 'Télécharger (JSON)', 'utf8');
    const file = JSON.parse(json.text);
    expect(file).toMatchObject({ format: 'pasapas-feedback', version: 1, guideId: GUIDE });
    expect(file.contact).toBe('guides@demo.pasapas.invalid');
    expect(file.notes.map((n: { stepId: string }) => n.stepId)).toEqual(['civilite', 'civilite']);
    const comment = file.notes[0].comment as string;
    expect(comment).toContain('Je ne sais pas quoi cocher.');
    expect(comment).toContain('[retiré]');
    expect(comment).not.toContain(NIR);
    expect(comment).not.toContain('@');
    const csv = await downloadBy(options, 'Télécharger (tableur CSV)', 'utf8');
    expect(csv.text.split('\r\n')[0]).toBe('guideId,guideVersion,stepId,day,comment');
    expect(csv.text).not.toContain(NIR);

    // The guide's author opens it in the studio: the step that blocks people, its comments.
    const side = await session.context.newPage();
    await openStudio(side, session.extensionId);
    await tabTo(side, (el) => el.id === 'studio-feedback-file', 120);
    side.on('filechooser', () => {});
    await side.evaluate(() => 0);
    const [chooser] = await Promise.all([side.waitForEvent('filechooser'), side.keyboard.press('Space')]);
    await chooser.setFiles(await json.file.path());
    await expect
      .poll(() => side.locator('[data-testid="studio-feedback-summary"]').textContent())
      .toBe(`Guide « ${GUIDE} », version ${file.guideVersion} : 2 retours.`);
    const first = side.locator('[data-testid="studio-feedback-steps"] > li').first();
    expect(await first.getAttribute('data-step-id')).toBe('civilite');
    expect(await first.getAttribute('data-count')).toBe('2');
    expect(await first.textContent()).toContain('Je ne sais pas quoi cocher.');
    // The side panel is in our shadow root: axe on the whole of it.
    expect(await axe(side)).toEqual([]);
    // A file that is not one: told plainly.
    const [again] = await Promise.all([
      side.waitForEvent('filechooser'),
      side
        .locator('#studio-feedback-file')
        .focus()
        .then(() => side.keyboard.press('Space')),
    ]);
    await again.setFiles({
      name: 'autre.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"a":1}'),
    });
    await expect
      .poll(() => side.locator('[data-testid="studio-feedback-error"]').textContent())
      .toBe('Ce fichier n’est pas un fichier de retours de Pas à pas.');

    // Sent: the mediator erases them.
    await options.bringToFront();
    await press(options, 'C’est envoyé : effacer ces retours');
    await options.locator('[data-testid="feedback-none"]').waitFor();
    expect((await stored(options, 'pasapas:feedback'))['pasapas:feedback']).toBeUndefined();
    expect(session.outside).toEqual([]);
  });

  test('on a shared computer, the notes outlive « Personne suivante » (they wait for the export) while Pas à pas’s own data is erased', async () => {
    const shared = await launch({ extension: true });
    try {
      const options = await shared.context.newPage();
      await options.goto(`chrome-extension://${shared.extensionId}/options.html`);
      await options.locator('[data-testid="public-enabled"]').check({ force: true });
      await options.locator('[data-action="public-save"]').click();
      await options.locator('[data-testid="public-status"]').waitFor();

      const page = await shared.context.newPage();
      await page.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
      await openGuide(page);
      await leaveNote(page, 'Je ne trouve pas le bouton.', 'Je n’y arrive pas', 'Signaler cette étape');
      await expect
        .poll(() => page.locator('[data-testid="feedback-status"]').textContent())
        .toBe('Merci. C’est noté sur cet ordinateur. Le médiateur l’enverra à l’auteur.');

      // The mediator, by keyboard, for the next person.
      await options.bringToFront();
      await press(options, 'Personne suivante');
      await press(options, 'Oui, personne suivante');
      await options.locator('[data-testid="end-summary"]').waitFor({ timeout: 30_000 });
      expect(
        await options
          .locator('[data-testid="end-erased"] > li')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-line'))),
      ).toContain('end.erased.pasapas');
      await expect
        .poll(() => shared.context.pages().filter((p) => p.url().startsWith(demo.url)).length, {
          timeout: 20_000,
        })
        .toBe(0);

      await options.reload();
      const entry = options.locator(`[data-testid="feedback-guides"] > li[data-guide="${GUIDE}"]`);
      await expect
        .poll(() => entry.locator('p').first().textContent(), { timeout: 20_000 })
        .toBe('Un retour.');
      const raw = JSON.stringify(await stored(options, 'pasapas:feedback'));
      expect(raw).toContain('"iv"');
      expect(raw).not.toContain('bouton');
      const json = await downloadBy(options, 'Télécharger (JSON)', 'utf8');
      expect(JSON.parse(json.text).notes.map((n: { comment: string }) => n.comment)).toEqual([
        'Je ne trouve pas le bouton.',
      ]);
      expect(shared.outside).toEqual([]);
    } finally {
      await shared.close();
    }
  }, 120_000);

  test('in Arabic at 360 px', async () => {
    const ar = await launch({ extension: true, locale: 'ar', viewport: { width: 360, height: 800 } });
    try {
      const page = await ar.context.newPage();
      await page.goto(`${demo.url}/aide-logement/identite.html?widget=0`);
      await openGuide(page);
      const m = helpMessages.ar ?? {};
      await leaveNote(page, 'لا أفهم', m['help.stuck'] ?? '', m['feedback.send'] ?? '');
      await expect
        .poll(() => page.locator('[data-testid="feedback-status"]').textContent())
        .toBe(m['feedback.sent']);
      expect(await axe(page)).toEqual([]);
      await page.locator('[data-testid="step-feedback"]').evaluate((el) => el.scrollIntoView());
      await page.screenshot({ path: join(SHOTS, 'feedback-360-ar.png') });
      expect(ar.outside).toEqual([]);
    } finally {
      await ar.close();
    }
  });
});
