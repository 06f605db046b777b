import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { PROCEDURES } from '../../../demo/procedures.js';
import type { FieldKind } from '../../../utils/ocr/extract/types.ts';
import {
  discoverTargets,
  type FillCandidate,
  fillValues,
  parseFillItems,
  scoreTarget,
  suggestTargets,
  valueForTarget,
} from '../../../utils/ocr/fill/index.ts';

// demo/render.js has no type declarations: typed here for the one function used.
const renderPath = '../../../demo/render.js';
const { procedurePageHtml } = (await import(renderPath)) as {
  procedurePageHtml(procedure: unknown, index: number, ctx: Record<string, unknown>): string;
};

/** The demo site's real pages (DSFR markup, the site's own labels, hints and autocomplete). */
function demoPage(slug: string): JSDOM {
  const procedure = (PROCEDURES as Record<string, { pages: Array<{ slug: string }> }>)['aide-logement'];
  if (!procedure) throw new Error('no demo procedure');
  const index = procedure.pages.findIndex((p) => p.slug === slug);
  const html = procedurePageHtml(procedure, index, { values: {}, errors: {}, files: {}, query: '' });
  return new JSDOM(html, { url: 'http://127.0.0.1/aide-logement/' });
}

function html(body: string): JSDOM {
  return new JSDOM(`<!doctype html><html lang="fr"><body>${body}</body></html>`, { url: 'http://x.test/' });
}

const c = (kind: FieldKind, value: string, valid = true, meaning?: string): FillCandidate =>
  meaning ? { kind, value, valid, meaning } : { kind, value, valid };

describe('discoverTargets', () => {
  it('lists the bank page fields with their labels, names and autocomplete, in order', () => {
    const { targets, elements } = discoverTargets(demoPage('banque').window.document);
    expect(targets.map((t) => t.name)).toEqual(['titulaire', 'iban', 'bic']);
    expect(targets[0]).toMatchObject({ label: 'Titulaire du compte', autocomplete: 'name', type: 'text' });
    expect(targets.every((t) => t.dsfr)).toBe(true);
    // Serializable (it crosses the extension's message channel) and mapped back to the real elements.
    expect(JSON.parse(JSON.stringify(targets))).toEqual(targets);
    expect(elements.get(targets[1]?.key ?? '')?.getAttribute('name')).toBe('iban');
  });

  it('leaves out passwords, card numbers, boxes, files, disabled, read-only and hidden fields', () => {
    const dom = html(`<form>
      <label for="a">Nom</label><input id="a" name="nom">
      <label for="b">Mot de passe</label><input id="b" type="password">
      <label for="c">Numéro de carte</label><input id="c" name="carte">
      <label><input type="checkbox" name="ok"> J'accepte</label>
      <label for="d">Pièce</label><input id="d" type="file">
      <label for="e">Ancien</label><input id="e" disabled>
      <label for="f">Calculé</label><input id="f" readonly>
      <div hidden><label for="g">Caché</label><input id="g"></div>
      <label for="h">Message</label><textarea id="h"></textarea>
    </form>`);
    const { targets } = discoverTargets(dom.window.document);
    expect(targets.map((t) => t.label)).toEqual(['Nom', 'Message']);
  });

  it('skips controls that the caller says are its own', () => {
    const dom = html(
      '<input id="a" aria-label="Nom"><div data-ours><input id="b" aria-label="Valeur"></div>',
    );
    const { targets } = discoverTargets(dom.window.document, (el) => el.closest('[data-ours]') !== null);
    expect(targets.map((t) => t.id)).toEqual(['a']);
  });
});

describe('suggestTargets on the demo pages', () => {
  it('puts the RIB values in the bank fields: IBAN, BIC and the holder', () => {
    const { targets } = discoverTargets(demoPage('banque').window.document);
    const fields = [
      c('name', 'Camille EXEMPLE', true, 'titulaire'),
      c('address', '12 rue des Lilas, 75011 PARIS'),
      c('postcode', '75011'),
      c('iban', 'FR7630006000011234567890189'),
      c('bic', 'AGRIFRPP'),
    ];
    const keyOf = (name: string) => targets.find((t) => t.name === name)?.key;
    const s = suggestTargets(fields, targets);
    expect(s.map((x) => x.targetKey)).toEqual([keyOf('titulaire'), null, null, keyOf('iban'), keyOf('bic')]);
  });

  it('tells the fiscal number from the revenu fiscal and the notice reference (resources page)', () => {
    const { targets } = discoverTargets(demoPage('ressources').window.document);
    const keyOf = (name: string) => targets.find((t) => t.name === name)?.key;
    const s = suggestTargets(
      [
        c('fiscal-number', '3023217600053'),
        c('tax-notice-reference', '2675A12345678'),
        c('reference-tax-income', '24350'),
        c('caf-number', '1234567'),
      ],
      targets,
    );
    expect(s.map((x) => x.targetKey)).toEqual([
      keyOf('numero_fiscal'),
      keyOf('reference_avis'),
      keyOf('revenu_fiscal_reference'),
      keyOf('numero_allocataire'),
    ]);
  });

  it('a CAF certificate on the resources page: only the CAF number is pre-selected, its benefits are not a salary', () => {
    const { targets } = discoverTargets(demoPage('ressources').window.document);
    const keyOf = (name: string) => targets.find((t) => t.name === name)?.key;
    // What the engine reads on the fixture attestation (tests/fixtures/ocr-docs/attestation-caf.html).
    const fields = [
      c('caf-number', '1234567'),
      c('date', '05/10/2026', true, 'emission'),
      c('amount', '312.45', true, 'montant-prestation'),
      c('amount', '187.20', true, 'montant-prestation'),
      c('amount', '499.65', true, 'montant-total'),
    ];
    const s = suggestTargets(fields, targets);
    expect(s.map((x) => x.targetKey)).toEqual([keyOf('numero_allocataire'), null, null, null, null]);
    // Still offered: the person may choose the salary field for an amount if that is what they mean.
    expect(s[2]?.ranked.map((r) => r.key)).toContain(keyOf('salaire_mensuel'));
    // A payslip's net pay does go to the salary, and an amount read without a meaning still may.
    const pay = suggestTargets([c('amount', '1520.30', true, 'net-a-payer')], targets);
    expect(pay[0]?.targetKey).toBe(keyOf('salaire_mensuel'));
    expect(suggestTargets([c('amount', '1520.30')], targets)[0]?.targetKey).not.toBeNull();
  });

  it('a tax notice’s tax amounts are not taken for income', () => {
    const { targets } = discoverTargets(demoPage('ressources').window.document);
    const s = suggestTargets(
      [c('amount', '1234', true, 'impot-net'), c('amount', '1234', true, 'reste-a-payer')],
      targets,
    );
    expect(s.map((x) => x.targetKey)).toEqual([null, null]);
  });

  it('never pre-selects an uncertain value, but still ranks the fields it could go to', () => {
    const { targets } = discoverTargets(demoPage('banque').window.document);
    const [s] = suggestTargets([c('iban', 'FR7630006000011234567890188', false)], targets);
    expect(s?.targetKey).toBeNull();
    expect(s?.ranked[0]?.key).toBe(targets.find((t) => t.name === 'iban')?.key);
  });

  it('gives each page field to one value only, the best fitting', () => {
    const dom = html('<label for="d">Date de naissance</label><input id="d" name="naissance">');
    const { targets } = discoverTargets(dom.window.document);
    const s = suggestTargets(
      [c('date', '01/02/2024', true, 'emission'), c('date', '12/03/1985', true, 'naissance')],
      targets,
    );
    expect(s.map((x) => x.targetKey)).toEqual([null, targets[0]?.key]);
  });

  it('follows the active guide step: its field wins for a value of the kind its validator expects', () => {
    const dom = html(`
      <label for="a">Identifiant</label><input id="a" name="ident">
      <label for="b">Numéro</label><input id="b" name="numero">`);
    const { targets } = discoverTargets(dom.window.document);
    const fiscal = c('fiscal-number', '3023217600053');
    expect(suggestTargets([fiscal], targets)[0]?.targetKey).toBeNull();
    const step = { targetKey: targets[1]?.key, validator: 'fiscal-number' };
    expect(suggestTargets([fiscal], targets, step)[0]?.targetKey).toBe(targets[1]?.key);
    // The same step does not attract an IBAN.
    expect(
      suggestTargets([c('iban', 'FR7630006000011234567890189')], targets, step)[0]?.targetKey,
    ).toBeNull();
  });

  it('rejects a field too short for the value and a label that only looks alike', () => {
    const dom = html(`
      <label for="a">IBAN</label><input id="a" maxlength="10">
      <label for="b">Revenu fiscal de référence</label><input id="b">`);
    const { targets } = discoverTargets(dom.window.document);
    const [a, b] = targets;
    if (!a || !b) throw new Error('targets');
    expect(scoreTarget(c('iban', 'FR7630006000011234567890189'), a)).toBeLessThan(0.5);
    expect(scoreTarget(c('fiscal-number', '3023217600053'), b)).toBe(0);
  });
});

describe('fillValues', () => {
  it('writes the value through the native setter and fires input, change and blur', () => {
    const dom = demoPage('banque');
    const doc = dom.window.document;
    const { targets, elements } = discoverTargets(doc);
    const iban = targets.find((t) => t.name === 'iban');
    if (!iban) throw new Error('iban');
    const input = doc.querySelector<HTMLInputElement>('input[name="iban"]');
    const seen: string[] = [];
    for (const type of ['input', 'change', 'blur']) input?.addEventListener(type, () => seen.push(type));
    // A framework trapping `value` on the element (React does): the native setter still reaches the DOM.
    let trapped = '';
    Object.defineProperty(input, 'value', {
      configurable: true,
      get: () => trapped,
      set: (v: string) => {
        trapped = v;
      },
    });
    const report = fillValues([{ targetKey: iban.key, value: 'FR7630006000011234567890189' }], elements);
    expect(report).toEqual({ filled: [iban.key], failed: [] });
    expect(seen).toEqual(['input', 'change', 'blur']);
    expect(trapped).toBe('');
    const nativeValue = Object.getOwnPropertyDescriptor(dom.window.HTMLInputElement.prototype, 'value')?.get;
    expect(nativeValue?.call(input)).toBe('FR7630006000011234567890189');
  });

  it('reports fields that vanished and still fills the others', () => {
    const dom = html('<label for="a">BIC</label><input id="a"><label for="b">IBAN</label><input id="b">');
    const { targets, elements } = discoverTargets(dom.window.document);
    const [bic, iban] = targets;
    if (!bic || !iban) throw new Error('targets');
    dom.window.document.getElementById('a')?.remove();
    const report = fillValues(
      [
        { targetKey: bic.key, value: 'AGRIFRPP' },
        { targetKey: iban.key, value: 'FR76' },
        { targetKey: 'nope', value: 'x' },
      ],
      elements,
    );
    expect(report.filled).toEqual([iban.key]);
    expect(report.failed).toEqual([
      { targetKey: bic.key, code: 'detached' },
      { targetKey: 'nope', code: 'missing' },
    ]);
    expect(dom.window.document.querySelector('input')?.value).toBe('FR76');
  });
});

describe('valueForTarget and parseFillItems', () => {
  it('turns JJ/MM/AAAA into ISO for date inputs only', () => {
    const date = c('date', '12/03/1985');
    expect(valueForTarget(date, { key: 'k', label: 'Date', type: 'date', dsfr: false })).toBe('1985-03-12');
    expect(valueForTarget(date, { key: 'k', label: 'Date', type: 'text', dsfr: false })).toBe('12/03/1985');
  });

  it('keeps only well-formed items from a message', () => {
    expect(parseFillItems('x')).toEqual([]);
    expect(parseFillItems(new Array(51).fill({ targetKey: 'a', value: 'b' }))).toEqual([]);
    expect(
      parseFillItems([
        { targetKey: 'a', value: 'b' },
        { targetKey: 1, value: 'c' },
        null,
        { targetKey: 'd' },
      ]),
    ).toEqual([{ targetKey: 'a', value: 'b' }]);
    expect(parseFillItems([{ targetKey: 'a', value: 'x'.repeat(501) }])).toEqual([]);
  });
});

describe('discoverTargets keys', () => {
  it('stay the same when the page redraws its form, so a fill after a re-render finds the new field', () => {
    const dom = demoPage('banque');
    const doc = dom.window.document;
    const before = discoverTargets(doc).targets.map((t) => t.key);
    const form = doc.querySelector('form');
    if (!form) throw new Error('form');
    form.replaceWith(form.cloneNode(true));
    const after = discoverTargets(doc);
    expect(after.targets.map((t) => t.key)).toEqual(before);
    const ibanKey = before.find((k) => k.includes('iban')) ?? '';
    expect(fillValues([{ targetKey: ibanKey, value: 'FR76' }], after.elements).filled).toEqual([ibanKey]);
    expect(doc.querySelector<HTMLInputElement>('input[name="iban"]')?.value).toBe('FR76');
  });
});
