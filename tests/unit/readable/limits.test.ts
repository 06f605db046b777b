/**
 * Readable mode's bounds: a page too deep, too big or with too many fields is refused whole, at
 * once, with plain words; form discovery describes a bounded number of controls on any page.
 * Every big page is generated here. Before these bounds, 2,500 nested divs took over 100 s in
 * jsdom and 20,000 unclosed <label><select><option> over 5 minutes in `pasapas readable`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverFields, MAX_CONTROLS } from '../../../utils/forms/discover.ts';
import { ReadableError } from '../../../utils/readable/errors.ts';
import { extractReadable, isProbablyReadable } from '../../../utils/readable/extract.ts';
import { measurePage, READABLE_LIMITS } from '../../../utils/readable/limits.ts';
import { message } from '../../../utils/readable/messages.ts';

const PROSE = `<p>Pour demander l’aide au logement, remplissez le formulaire. ${'Texte de la démarche. '.repeat(40)}</p>`;
const FIELD = '<label for="nom">Nom</label><input id="nom" name="nom">';

const nestedDivs = (n: number) =>
  `<!doctype html><html lang="fr"><body><main>${'<div>'.repeat(n)}${PROSE}${FIELD}${'</div>'.repeat(n)}</main></body></html>`;
const unclosedLabels = (n: number) =>
  `<!doctype html><html lang="fr"><body><main>${PROSE}${'<label>Choix <select><option>Un'.repeat(n)}</main></body></html>`;
const manyInputs = (n: number) =>
  `<!doctype html><html lang="fr"><body><main>${PROSE}<form>${Array.from(
    { length: n },
    (_, i) => `<label for="f${i}">Champ ${i}</label><input id="f${i}" name="f${i}">`,
  ).join('')}</form></main></body></html>`;

function page(html: string) {
  const dom = new JSDOM(html, { url: 'https://example.test/' });
  return {
    doc: dom.window.document,
    purify: createDOMPurify(dom.window as unknown as Parameters<typeof createDOMPurify>[0]),
  };
}

function refusal(run: () => unknown): string {
  try {
    run();
    return 'accepted';
  } catch (error) {
    return error instanceof ReadableError ? error.code : String(error);
  }
}

describe('readable mode refuses a page beyond its limits, at once', () => {
  it.each([
    ['2,500 nested divs', nestedDivs(2500)],
    ['2,000 unclosed <label><select><option>', unclosedLabels(2000)],
    ['1,500 fields', manyInputs(1500)],
  ])(
    '%s',
    (_name, html) => {
      const { doc, purify } = page(html);
      const started = performance.now();
      expect(refusal(() => extractReadable(doc, { purify }))).toBe('page-too-large');
      expect(isProbablyReadable(doc)).toBe(false);
      // Minutes before; a generous bound so a busy machine does not flake.
      expect(performance.now() - started).toBeLessThan(5000);
    },
    60_000,
  );

  it('still reads a page well inside the limits (depth 150, a form of 200 fields)', () => {
    const deep = page(nestedDivs(150));
    const result = extractReadable(deep.doc, { purify: deep.purify });
    expect(result.fields.map((f) => f.name)).toEqual(['nom']);
    expect(result.text).toContain('aide au logement');
    const form = page(manyInputs(200));
    expect(extractReadable(form.doc, { purify: form.purify }).fields).toHaveLength(200);
  }, 60_000);

  it('measures without recursion and stops at the first limit passed', () => {
    const { doc } = page(nestedDivs(3));
    const size = measurePage(doc);
    // html, head, body, main, 3 divs, p, label, input
    expect(size).toMatchObject({ elements: 10, depth: 7, fields: 1, tooLarge: false });
    const big = page(nestedDivs(2500)).doc;
    const partial = measurePage(big);
    expect(partial.tooLarge).toBe(true);
    expect(partial.depth).toBe(READABLE_LIMITS.maxDepth + 1);
  });

  it('says so in French, English and Arabic', () => {
    const error = new ReadableError('page-too-large');
    expect(message('fr', error)).toBe('Cette page est trop grande pour être montrée en mode lecture.');
    expect(message('en', error)).toBe('This page is too large to be shown in readable mode.');
    expect(message('ar', error)).toBe('هذه الصفحة كبيرة جدًا لعرضها في وضع القراءة.');
  });
});

describe('form discovery is bounded on any page', () => {
  it(`describes at most ${MAX_CONTROLS} controls, in document order`, () => {
    const { doc } = page(manyInputs(5000));
    const started = performance.now();
    const fields = discoverFields(doc);
    expect(fields).toHaveLength(MAX_CONTROLS);
    expect(fields[0]?.name).toBe('f0');
    expect(fields.at(-1)?.name).toBe(`f${MAX_CONTROLS - 1}`);
    expect(performance.now() - started).toBeLessThan(30_000);
  }, 60_000);
});

describe('pasapas readable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pasapas-readable-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['nested.html', nestedDivs(2500)],
    ['labels.html', unclosedLabels(20000)],
  ])(
    'answers at once on %s with a plain message and exit code 1',
    (name, html) => {
      const file = join(dir, name);
      writeFileSync(file, html);
      const out = spawnSync(process.execPath, [join(process.cwd(), 'bin/pasapas.js'), 'readable', file], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(out.status).toBe(1);
      expect(out.stderr.trim()).toBe('Cette page est trop grande pour être montrée en mode lecture.');
    },
    90_000,
  );
});
