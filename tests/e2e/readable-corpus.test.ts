/**
 * The forms corpus of issue 14 (tests/fixtures/pages/forms/, six design systems' markup) read by
 * the built extension in real Chromium, where visibility comes from layout (checkVisibility), not
 * from markup as under jsdom: each page's readable view must show every field of its answer key,
 * and no other, with the key's label, hint, error and « obligatoire », and the page's error
 * summary with links that take focus to their field. The unit corpus test scores
 * the same keys against the command line's reading (tests/unit/readable/corpus.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deepActive, launch, openPanelTab, ROOT, type Session } from './harness';

const CORPUS = join(ROOT, 'tests/fixtures/pages/forms');
const PAGES = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.html'))
  .sort();

type KeyField = { label: string; hint: string | null; error: string | null; required: boolean };
type Shown = KeyField & { group: boolean };

let session: Session;
let server: Server;
let base: string;

beforeAll(async () => {
  // A plain static host for the corpus pages: files and nothing else.
  server = createServer((req, res) => {
    const name = basename(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!PAGES.includes(name)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(readFileSync(join(CORPUS, name)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  session = await launch({ extension: true });
});
afterAll(async () => {
  await session?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const VIEW = '[data-pasapas-host="readable"]';

describe('the forms corpus in the readable view of the extension (real Chromium)', () => {
  test.each(PAGES)('%s: every field of the answer key, as the key says, and no other', async (page) => {
    const key = JSON.parse(readFileSync(join(CORPUS, page.replace(/\.html$/, '.json')), 'utf8')) as {
      fields: (KeyField & { group?: unknown })[];
      summary?: { items: { text: string; field: string | null }[] };
    };
    const tab = await session.context.newPage();
    await tab.goto(`${base}/${page}`);
    await openPanelTab(tab, 'readable');
    await tab.locator('[data-action="readable-open"]').click();
    await tab.locator(`${VIEW} dialog[open]`).waitFor();
    const fields = tab.locator(`${VIEW} [data-field-key]`);
    await expect.poll(() => fields.count()).toBe(key.fields.length);
    const shown: Shown[] = await fields.evaluateAll((els) =>
      els.map((el) => {
        const text = (node: Element | null | undefined) =>
          node ? (node.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
        // Our own words carry the view's language; the page's hint does not (a date's « jj/mm/aaaa »).
        const hint = [...el.querySelectorAll('.pp-rv-hint[id$="-hint"]')].find(
          (p) => !p.hasAttribute('lang'),
        );
        return {
          label: text(el.querySelector('[id$="-label"]')) ?? '',
          hint: text(hint),
          error: text(el.querySelector('[data-testid="readable-field-error"] span')),
          required: el.querySelector('.pp-rv-required') !== null,
          group: el.closest('fieldset.pp-rv-group') !== null,
        };
      }),
    );
    const byLabel = new Map(shown.map((s) => [s.label, s]));
    for (const want of key.fields) {
      const got = byLabel.get(want.label);
      expect(got, `${want.label}: shown`).toBeDefined();
      expect(got?.required, `${want.label}: required`).toBe(want.required);
      // A group's own hint and error are said once, on the group (the corpus keys give them per box).
      if (got?.group) continue;
      expect({ hint: got?.hint, error: got?.error }, want.label).toEqual({
        hint: want.hint,
        error: want.error,
      });
    }
    // The page's error summary at the top, its links taking focus to their big field; none where the page has none.
    const box = tab.locator(`${VIEW} [data-testid="readable-page-errors"]`);
    expect(await box.count()).toBe(key.summary ? 1 : 0);
    if (key.summary) {
      expect(await box.locator('li').allTextContents()).toEqual(key.summary.items.map((i) => i.text));
      const links = box.locator('a[data-field-link]');
      expect(await links.count()).toBe(key.summary.items.filter((i) => i.field !== null).length);
      for (const link of await links.all()) {
        const field = await link.getAttribute('data-field-link');
        const control = tab.locator(`${VIEW} [data-field-key="${field}"] [id$="-control"]`).first();
        const id = await control.getAttribute('id');
        await link.click();
        await expect.poll(async () => (await deepActive(tab))?.id).toBe(id);
      }
    }
    await tab.close();
  });

  // Pattern 9 (plain-fieldset-fr.html): an empty <title> and no heading, a radio question glued to
  // its options in the markup (`<legend>Sexe</legend><input…><label>F</label>…`), a « Nom » field.
  test('pattern 9: a page with an empty title is named by its form’s legend; a question and its options are lines of their own; « Nom » is not « nom de naissance »', async () => {
    const fixture = readFileSync(join(CORPUS, 'plain-fieldset-fr.html'), 'utf8');
    // The same page with one more field whose label is the whole glossary phrase: the glossary is
    // loaded and marks it, so its absence on « Nom » is not a glossary that never came.
    const withBirthName = fixture.replace(
      '<p><label for="commune">',
      '<p><label for="nom-naissance">Nom de naissance</label> <input id="nom-naissance" name="nom_naissance" type="text"></p>\n  <p><label for="commune">',
    );
    expect(withBirthName).not.toBe(fixture);
    const tab = await session.context.newPage();
    await tab.route(`${base}/motif-9.html`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: withBirthName }),
    );
    for (const [page, count] of [
      ['plain-fieldset-fr.html', 4],
      ['motif-9.html', 5],
    ] as const) {
      await tab.goto(`${base}/${page}`);
      await openPanelTab(tab, 'readable');
      await tab.locator('[data-action="readable-open"]').click();
      const view = tab.locator(`${VIEW} dialog[open]`);
      await view.waitFor();
      const field = (name: string) => tab.locator(`${VIEW} [data-field-key$="name:${name}"]`);
      await expect.poll(() => tab.locator(`${VIEW} [data-field-key]`).count()).toBe(count);
      expect(await view.locator('#pp-rv-title').textContent()).toBe('État civil');
      // As a person sees it: « Sexe », then « F », then « M », each on its own line.
      const lines = await field('sexe').evaluate((el) =>
        // biome-ignore lint/performance/useDomNodeTextContent: the lines as drawn are what is tested.
        (el as HTMLElement).innerText
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      );
      expect(lines).toEqual(['Sexe', 'F', 'M']);
      // biome-ignore lint/performance/useDomNodeTextContent: the lines as drawn are what is tested.
      expect(await view.evaluate((el) => (el as HTMLElement).innerText)).not.toMatch(/SexeF|Sexe F/);
      if (page === 'motif-9.html')
        await expect
          .poll(() => field('nom_naissance').locator('button.pp-term[data-term-id="nom-naissance"]').count())
          .toBe(1);
      expect(await field('nom').locator('button.pp-term').count()).toBe(0);
      expect(await view.locator('button.pp-term[data-term-id="nom-naissance"]').count()).toBe(
        page === 'motif-9.html' ? 1 : 0,
      );
      await view.locator('[data-action="readable-close"]').click();
      await expect.poll(() => tab.locator(VIEW).count()).toBe(0);
    }
    await tab.close();
  });

  test('no request left localhost', () => {
    expect(session.outside).toEqual([]);
  });
});
