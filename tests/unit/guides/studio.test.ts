/**
 * The guide studio's core (utils/guides/studio): the draft model, what the recorder proposes for
 * a picked field, the plain-language advice, the picking mode, and the export, which must give a
 * guide that `parseGuide` (what `pasapas guide validate` runs) accepts with no edit and whose
 * targets find the right fields again. On the demo's real identity page, rendered by the demo's
 * own code.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { PROCEDURES } from '../../../demo/procedures.js';
import { captureClues } from '../../../utils/guides/clues.ts';
import { parseGuide } from '../../../utils/guides/schema.ts';
import {
  addDocument,
  addStep,
  addTerm,
  checkPlainLanguage,
  cleanLabel,
  confirmedStep,
  type Draft,
  draftToGuide,
  exportGuide,
  folderPattern,
  glossaryFromFile,
  headingLead,
  inferValidator,
  moveStep,
  newDraft,
  type PickOutcome,
  pickableIn,
  pickElement,
  proposeCondition,
  proposeStep,
  removeDocument,
  removeStep,
  safeText,
  setStepText,
  startPicker,
  uniqueId,
  updateStep,
} from '../../../utils/guides/studio/index.ts';
import { decideTarget, isStrictValidator } from '../../../utils/guides/target.ts';

// demo/render.js has no type declarations: typed here for the one function used.
const renderPath = '../../../demo/render.js';
const { procedurePageHtml } = (await import(renderPath)) as {
  procedurePageHtml(procedure: unknown, index: number, ctx: Record<string, unknown>): string;
};

const IDENTITY_URL = 'http://127.0.0.1:8123/aide-logement/identite.html?widget=0';

function identityPage(): Document {
  const html = procedurePageHtml(PROCEDURES['aide-logement'], 0, {
    values: {},
    errors: {},
    files: {},
    query: '',
  });
  return new JSDOM(html, { url: IDENTITY_URL }).window.document;
}

const load = (body: string, url = 'https://exemple.fr/demande/etape-1.html') =>
  new JSDOM(`<!doctype html><html lang="fr"><body><main>${body}</main></body></html>`, { url }).window
    .document;

function pick(doc: Document, selector: string) {
  const el = doc.querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  const outcome = pickElement(el, doc);
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`);
  return outcome;
}

/** Records every field of the identity page, in the page's order, as the studio would. */
function recordIdentity(): { doc: Document; draft: Draft; ids: string[] } {
  const doc = identityPage();
  let draft = newDraft({ title: 'Aide au logement', publisher: 'France Services Test', url: IDENTITY_URL });
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const el of pickableIn(doc)) {
    if (el.localName === 'a' || el.localName === 'button') continue;
    const name = el.getAttribute('name') ?? '';
    // One step per radio group.
    if (seen.has(name)) continue;
    seen.add(name);
    const outcome = pickElement(el, doc);
    if (!outcome.ok) throw new Error(outcome.reason);
    draft = addStep(draft, proposeStep(outcome.clues, outcome.page));
    ids.push(el.id);
  }
  return { doc, draft, ids };
}

describe('proposeStep on the demo identity page', () => {
  it('drafts the title from the label, the explanation from the hint, and infers the validator', () => {
    const doc = identityPage();
    const nir = pick(doc, '#nir');
    const step = proposeStep(nir.clues, nir.page);
    expect(step.title.fr).toBe('Numéro de sécurité sociale');
    expect(step.body.fr).toContain('« Numéro de sécurité sociale »');
    expect(step.body.fr).toContain('15 chiffres.');
    expect(step.validator).toBe('nir');
    expect(step.done).toBe('field-valid');
    expect(step.describe.fr).toMatch(/15 chiffres/);
    expect(step.id).toBe('nir');

    const birth = proposeStep(pick(doc, '#date_naissance').clues);
    expect([birth.validator, birth.dateRule]).toEqual(['date', 'past']);
    expect(proposeStep(pick(doc, '#email').clues).validator).toBe('email');
    expect(proposeStep(pick(doc, '#telephone').clues).validator).toBe('phone');
    const name = proposeStep(pick(doc, '#nom').clues);
    expect([name.validator, name.done, name.title.fr]).toEqual([null, 'field-filled', 'Nom de naissance']);
  });

  it('titles a radio button by its question, not by the one answer pointed at', () => {
    const doc = identityPage();
    const step = proposeStep(pick(doc, '#civilite-madame').clues);
    expect(step.title.fr).toBe('Civilité');
    expect(step.body.fr).toBe('Choisissez votre réponse pour « Civilité ».');
    expect(step.done).toBe('field-filled');
  });

  it('a button is clicked, not filled', () => {
    const doc = identityPage();
    const step = proposeStep(pick(doc, 'button[type="submit"]').clues);
    expect(step.done).toBe('clicked');
    expect(step.body.fr).toBe('Cliquez sur le bouton « Suivant ».');
    expect(step.validator).toBeNull();
  });

  it('the page condition is the page’s address (any port, any query) and its section heading', () => {
    const doc = identityPage();
    const nir = pick(doc, '#nir');
    expect(nir.page.url).toBe('http://127.0.0.1:8123/aide-logement/identite.html');
    expect(nir.page.heading).toBe('Votre identité');
    expect(proposeCondition(nir.page)).toEqual({
      urlPattern: 'http://127.0.0.1/aide-logement/identite.html*',
      headingText: 'Votre identité',
    });
    expect(proposeCondition({ url: 'file:///tmp/x.html' })).toBeNull();
  });
});

describe('inferValidator', () => {
  const cases: Array<[string, Parameters<typeof inferValidator>[0], unknown]> = [
    ['IBAN by label', { tag: 'input', label: 'IBAN du compte' }, { validator: 'iban' }],
    ['BIC by name', { tag: 'input', name: 'bic' }, { validator: 'bic' }],
    ['NIR by label', { tag: 'input', label: 'N° de sécurité sociale' }, { validator: 'nir' }],
    ['numéro fiscal by camel name', { tag: 'input', name: 'numeroFiscal' }, { validator: 'fiscal-number' }],
    ['numéro fiscal by label', { tag: 'input', label: 'Numéro fiscal' }, { validator: 'fiscal-number' }],
    ['CAF number', { tag: 'input', label: 'Numéro d’allocataire' }, { validator: 'caf-number' }],
    ['SIRET', { tag: 'input', label: 'SIRET de l’employeur' }, { validator: 'siret' }],
    [
      'postcode by autocomplete',
      { tag: 'input', autocomplete: 'shipping postal-code' },
      { validator: 'postcode' },
    ],
    ['postcode by name', { tag: 'input', name: 'code_postal' }, { validator: 'postcode' }],
    ['phone by type', { tag: 'input', type: 'tel', label: 'Pour vous joindre' }, { validator: 'phone' }],
    [
      'phone by inputmode',
      { tag: 'input', label: 'Pour vous joindre', inputmode: 'tel' },
      { validator: 'phone' },
    ],
    ['e-mail by label', { tag: 'input', label: 'Courriel' }, { validator: 'email' }],
    ['birth date', { tag: 'input', autocomplete: 'bday' }, { validator: 'date', dateRule: 'past' }],
    [
      'expiry date',
      { tag: 'input', label: 'Date d’expiration du titre' },
      { validator: 'date', dateRule: 'future' },
    ],
    ['plain date', { tag: 'input', label: 'Date du courrier' }, { validator: 'date' }],
    [
      'date by hint',
      { tag: 'input', label: 'Arrivée en France', hint: 'JJ/MM/AAAA' },
      { validator: 'date', dateRule: 'past' },
    ],
    ['nothing to say', { tag: 'input', label: 'Nom de naissance' }, null],
    ['a list is not validated', { tag: 'select', label: 'Code postal' }, null],
    [
      'a phone-looking number in words is not a phone',
      { tag: 'input', label: 'Numéro fiscal du déclarant' },
      { validator: 'fiscal-number' },
    ],
    [
      // The demo's tax reference: its hint names another field, and the accessible name (label
      // with its hint inside) says it too. A fiscal-number check would refuse every real answer.
      'a hint that mentions another field says nothing of this one',
      {
        tag: 'input',
        name: 'reference_avis',
        label: 'Référence de l’avis d’impôt',
        accessibleName: 'Référence de l’avis d’impôt 13 caractères, sous le numéro fiscal',
        hint: '13 caractères, sous le numéro fiscal',
      },
      null,
    ],
    [
      'an accessible name alone still counts',
      { tag: 'input', accessibleName: 'IBAN', hint: '27 caractères, commence par FR' },
      { validator: 'iban' },
    ],
  ];
  for (const [what, clues, expected] of cases)
    it(what, () => expect(inferValidator(clues)).toEqual(expected));
});

describe('the draft model', () => {
  it('adds, edits, reorders and deletes steps; ids stay unique and well formed', () => {
    let draft = newDraft({
      title: 'Démarche',
      url: 'https://www.caf.fr/allocataires/aides/logement.html?x=1',
    });
    expect(draft.urls).toEqual(['https://www.caf.fr/allocataires/aides/*']);
    draft = addStep(draft, confirmedStep('Préparez vos papiers'));
    draft = addStep(draft, confirmedStep('Préparez vos papiers'));
    draft = addStep(draft, confirmedStep('Cochez les jours'));
    expect(draft.steps.map((s) => s.id)).toEqual([
      'preparez-vos-papiers',
      'preparez-vos-papiers-2',
      'cochez-les-jours',
    ]);
    const [a, b, c] = draft.steps.map((s) => s.key);
    draft = moveStep(draft, c as string, -5);
    expect(draft.steps.map((s) => s.key)).toEqual([c, a, b]);
    draft = moveStep(draft, c as string, 1);
    expect(draft.steps.map((s) => s.key)).toEqual([a, c, b]);
    draft = removeStep(draft, a as string);
    expect(draft.steps.map((s) => s.key)).toEqual([c, b]);
    draft = updateStep(draft, c as string, { id: 'Préparez vos papiers' });
    expect(draft.steps[0]?.id).toBe('preparez-vos-papiers');
    draft = updateStep(draft, c as string, { id: 'preparez-vos-papiers-2' });
    expect(draft.steps[0]?.id).toBe('preparez-vos-papiers-3');
    draft = setStepText(draft, b as string, 'title', 'ar', 'جهّز أوراقك');
    expect(draft.steps[1]?.title).toEqual({ fr: 'Préparez vos papiers', en: '', ar: 'جهّز أوراقك' });
  });

  it('a document removed is unlinked from the steps that named it', () => {
    let draft = addDocument(newDraft(), 'Votre RIB');
    const doc = draft.documents[0];
    draft = addStep(draft, { ...confirmedStep('IBAN'), fromDocument: doc?.id ?? null });
    draft = removeDocument(draft, doc?.key as string);
    expect(draft.documents).toEqual([]);
    expect(draft.steps[0]?.fromDocument).toBeNull();
  });

  it('helpers: folder patterns, unique ids, clean labels', () => {
    expect(folderPattern('http://localhost:5173/a/b/c.html?q=1#x')).toBe('http://localhost/a/b/*');
    expect(folderPattern('chrome://settings')).toBeNull();
    expect(uniqueId('Étape', ['etape', 'etape-2'])).toBe('etape-3');
    expect(uniqueId('', [])).toBe('etape');
    expect(cleanLabel('  nom de naissance * : ')).toBe('Nom de naissance');
    expect(cleanLabel('Téléphone (facultatif)')).toBe('Téléphone');
    expect(safeText('Cliquez <b>ici</b>\u0007', 200)).toBe('Cliquez ‹b>ici‹/b>');
  });
});

describe('plain-language advice', () => {
  const codes = (text: string, options?: Parameters<typeof checkPlainLanguage>[1]) =>
    checkPlainLanguage(text, options).map((a) => a.code);

  it('long sentences, with the count and the limit', () => {
    const long =
      'Vous devez écrire ici le numéro qui se trouve en haut à gauche de votre avis d’impôt sur le revenu de l’année dernière.';
    const advice = checkPlainLanguage(long);
    expect(advice[0]).toMatchObject({ code: 'long-sentence', max: 15 });
    expect((advice[0] as { words: number }).words).toBeGreaterThan(15);
    expect(codes('Écrivez votre nom. Puis votre prénom.')).toEqual([]);
  });

  it('glossary words, with the definition to offer, once', () => {
    const glossary = glossaryFromFile({
      terms: [
        {
          term: 'CAF',
          variants: ['caisse d’allocations familiales'],
          short_fr: 'La Caisse d’allocations familiales.',
        },
        { term: 'RIB', short_fr: 'Relevé d’identité bancaire.' },
      ],
    });
    const advice = checkPlainLanguage('La CAF vous écrit. La caf paie.', { glossary });
    expect(advice).toEqual([
      { code: 'glossary', term: 'CAF', definition: 'La Caisse d’allocations familiales.' },
    ]);
    // A term in the glossary is not also called an unexplained acronym.
    expect(codes('Votre RIB.', { glossary })).toEqual(['glossary']);
  });

  it('abbreviations, plural marks and unexplained acronyms', () => {
    const advice = checkPlainLanguage(
      'Écrivez le N° de dossier. Joignez le(s) justificatif(s) du SPI. Né(e) le…',
    );
    expect(advice).toContainEqual({ code: 'abbreviation', excerpt: 'N°', suggestion: 'numéro' });
    expect(advice).toContainEqual({ code: 'plural-mark', excerpt: 'justificatif(s)' });
    expect(advice).toContainEqual({ code: 'plural-mark', excerpt: 'Né(e)' });
    expect(advice).toContainEqual({ code: 'acronym', excerpt: 'SPI' });
    expect(codes('Le IBAN (numéro de compte) est sur le RIB (relevé) en PDF.')).toEqual([]);
  });

  it('the passive voice when its agent is named, in French and English', () => {
    expect(codes('Votre dossier est traité par la caisse.')).toEqual(['passive']);
    expect(codes('Votre demande a été envoyée par courrier.')).toEqual(['passive']);
    expect(codes('La caisse traite votre dossier. Il est né à Paris.')).toEqual([]);
    expect(codes('The form is checked by the office.', { lang: 'en' })).toEqual(['passive']);
  });

  it('Arabic gets sentence length and glossary only', () => {
    expect(codes('اكتب اسمك. N° CAF', { lang: 'ar' })).toEqual([]);
  });
});

describe('export', () => {
  it('an exported draft validates with no edit, and its targets find the right fields again', () => {
    const { doc, draft, ids } = recordIdentity();
    expect(ids).toEqual(['civilite-madame', 'nom', 'prenom', 'date_naissance', 'nir', 'email', 'telephone']);
    const result = exportGuide(draft);
    if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
    expect(result.fileName).toBe(`${result.guide.id}.json`);
    expect(result.guide.id).toBe('local.127-0-0-1.aide-au-logement');
    expect(result.guide.matches.urls).toEqual(['http://127.0.0.1/aide-logement/*']);
    // The file's text reads back the same (what `pasapas guide validate` reads).
    const again = parseGuide(JSON.parse(result.text));
    expect(again.ok).toBe(true);
    // Every step's target resolves to the field it was recorded on, sensitive steps included.
    result.guide.steps.forEach((step, i) => {
      expect(step.target, step.id).toBeDefined();
      const decision = decideTarget(step.target as NonNullable<typeof step.target>, doc, {
        strict: isStrictValidator(step.field?.validator),
      });
      expect([step.id, decision.status, decision.element?.id]).toEqual([step.id, 'found', ids[i]]);
    });
    const nir = result.guide.steps.find((s) => s.id === 'nir');
    expect(nir?.field).toMatchObject({ validator: 'nir' });
    expect(nir?.done.kind).toBe('field-valid');
    expect(nir?.when).toEqual({
      urlPattern: 'http://127.0.0.1/aide-logement/identite.html*',
      headingText: 'Votre identité',
    });
    const birth = result.guide.steps.find((s) => s.id === 'date-naissance');
    expect(birth?.field).toMatchObject({ validator: 'date', dateRule: { rule: 'past' } });
  });

  it('documents, glossary, confirmed steps and translations travel; empty translations are left out', () => {
    let { draft } = recordIdentity();
    draft = addDocument(draft, 'Votre carte Vitale', 'Elle donne votre numéro.', 'Dans votre portefeuille.');
    draft = addTerm(draft, 'NIR', 'Le numéro de sécurité sociale.');
    draft = addTerm(draft, '', ''); // an empty row the author never filled: left out
    draft = addStep(draft, confirmedStep('Cochez les jours', 'Cochez les jours où vous travaillez.'), 0);
    const nirKey = draft.steps.find((s) => s.id === 'nir')?.key as string;
    draft = updateStep(draft, nirKey, { fromDocument: draft.documents[0]?.id ?? null });
    draft = setStepText(draft, nirKey, 'title', 'en', 'Social security number');
    draft = setStepText(draft, nirKey, 'title', 'ar', 'رقم الضمان الاجتماعي');
    const result = exportGuide(draft);
    if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
    const guide = result.guide;
    expect(guide.documents).toHaveLength(1);
    expect(guide.glossary).toEqual([
      { term: { fr: 'NIR' }, definition: { fr: 'Le numéro de sécurité sociale.' } },
    ]);
    expect(guide.steps[0]).toMatchObject({ id: 'cochez-les-jours', done: { kind: 'confirmed' } });
    expect(guide.steps[0]?.target).toBeUndefined();
    const nir = guide.steps.find((s) => s.id === 'nir');
    expect(nir?.title).toEqual({
      fr: 'Numéro de sécurité sociale',
      en: 'Social security number',
      ar: 'رقم الضمان الاجتماعي',
    });
    expect(nir?.field?.fromDocument).toBe(guide.documents[0]?.id);
    expect(guide.steps[1]?.title).toEqual({ fr: 'Civilité' });
  });

  it('an empty title, summary and publisher get plain defaults; impossible done kinds are fixed', () => {
    let draft = newDraft({ url: 'https://exemple.fr/demande/page.html' });
    draft = addStep(draft, { ...confirmedStep('Lisez la page'), done: 'field-valid' });
    const result = exportGuide(draft);
    if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
    expect(result.guide.title.fr).toBe('Guide de démarche');
    expect(result.guide.summary.fr).toBe('Ce guide vous aide pas à pas : Guide de démarche. Il a 1 étape.');
    expect(result.guide.steps[0]?.done.kind).toBe('confirmed');
  });

  it('what cannot be a guide is reported with the format’s own errors', () => {
    const none = exportGuide(newDraft({ title: 'Sans étape', url: 'https://exemple.fr/a.html' }));
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.errors.map((e) => e.path)).toContain('$.steps');
    // No address at all: the guide could never show.
    const nowhere = addStep(newDraft(), confirmedStep('Une étape'));
    const result = exportGuide(nowhere);
    expect(result.ok).toBe(false);
    expect(draftToGuide(nowhere).matches.urls).toEqual([]);
  });
});

describe('the picking mode', () => {
  const FORM = `<h2>Vos coordonnées <span>Étape 2</span></h2>
    <form>
      <label for="a">Prénom</label><input id="a" name="prenom">
      <label for="p">Mot de passe</label><input id="p" type="password" name="pw">
      <label>Courriel <input id="m" type="email" name="mail"></label>
      <input type="hidden" name="token">
      <button type="submit" id="go">Envoyer</button>
    </form>`;

  function run(doc: Document) {
    const outcomes: PickOutcome[] = [];
    const shown: Array<string | null> = [];
    const picker = startPicker({
      doc,
      done: (o) => outcomes.push(o),
      show: (el) => shown.push(el?.id ?? null),
    });
    const key = (k: string, shiftKey = false) => {
      const view = doc.defaultView as Window & typeof globalThis;
      const e = new view.KeyboardEvent('keydown', {
        key: k,
        shiftKey,
        bubbles: true,
        cancelable: true,
      });
      doc.activeElement?.dispatchEvent(e) ?? doc.dispatchEvent(e);
      return e;
    };
    return { picker, outcomes, shown, key };
  }

  it('Tab and arrows move through the fields (hidden ones skipped), Enter picks, the page never sees the keys', () => {
    const doc = load(FORM);
    let pageSaw = 0;
    doc.addEventListener('keydown', () => pageSaw++);
    const { outcomes, shown, key } = run(doc);
    const tab = key('Tab');
    expect(tab.defaultPrevented).toBe(true);
    key('ArrowDown');
    key('ArrowDown');
    key('Tab', true);
    expect(shown).toEqual(['a', 'p', 'm', 'p']);
    key('ArrowDown');
    key('Enter');
    expect(pageSaw).toBe(0);
    expect(outcomes).toHaveLength(1);
    const outcome = outcomes[0];
    if (!outcome?.ok) throw new Error('not picked');
    expect(outcome.clues).toMatchObject({ id: 'm', name: 'mail', type: 'email', label: 'Courriel' });
    expect(outcome.page).toEqual({
      url: 'https://exemple.fr/demande/etape-1.html',
      heading: 'Vos coordonnées',
    });
    // Finished: the keys are the page's again.
    key('Tab');
    expect(pageSaw).toBe(1);
  });

  it('a password field is refused; Escape cancels', () => {
    const doc = load(FORM);
    const first = run(doc);
    first.key('Tab');
    first.key('Tab');
    first.key('Enter');
    expect(first.outcomes).toEqual([{ ok: false, reason: 'sensitive' }]);
    const second = run(doc);
    second.key('Escape');
    expect(second.outcomes).toEqual([{ ok: false, reason: 'cancelled' }]);
  });

  it('a click picks the field (or the field a label names) and the page does not get the click', () => {
    const doc = load(FORM);
    let submitted = 0;
    doc.querySelector('form')?.addEventListener('submit', (e) => {
      submitted++;
      e.preventDefault();
    });
    const { outcomes } = run(doc);
    (doc.querySelector('#go') as HTMLButtonElement).click();
    expect(submitted).toBe(0);
    expect(outcomes[0]).toMatchObject({ ok: true, kind: 'button', clues: { label: 'Envoyer' } });
    const again = run(doc);
    (doc.querySelector('label[for="a"]') as HTMLElement).click();
    expect(again.outcomes[0]).toMatchObject({ ok: true, clues: { id: 'a', label: 'Prénom' } });
  });

  it('never reads a value: what was typed is nowhere in the pick', () => {
    const doc = load(FORM);
    (doc.querySelector('#a') as HTMLInputElement).value = 'Aïcha-secret';
    const picked = pickElement(doc.querySelector('#a') as Element, doc);
    expect(JSON.stringify(picked)).not.toContain('Aïcha-secret');
    expect(captureClues(doc.querySelector('#p') as Element)).toEqual({ ok: false, reason: 'sensitive' });
  });

  it('headingLead keeps a heading’s own words', () => {
    const doc = load('<h2>Votre identité <span>Étape 1 sur 6</span></h2><h3><span>Seul</span></h3>');
    expect(headingLead(doc.querySelector('h2') as Element)).toBe('Votre identité');
    expect(headingLead(doc.querySelector('h3') as Element)).toBe('Seul');
  });
});

describe('the picking mode beside our own panel (the widget)', () => {
  it('keys and clicks in our panel are the panel’s: neither moved, picked nor stopped', () => {
    const doc = load(
      '<form><input id="a" name="a"><input id="b" name="b"></form><div data-pasapas-host="widget"><button id="ours">Case suivante</button></div>',
    );
    const ours = doc.querySelector('[data-pasapas-host]') as Element;
    const outcomes: PickOutcome[] = [];
    const shown: Array<string | null> = [];
    startPicker({
      doc,
      isOurs: (n) => ours.contains(n),
      done: (o) => outcomes.push(o),
      show: (el) => shown.push(el?.id ?? null),
    });
    const view = doc.defaultView as Window & typeof globalThis;
    const button = doc.querySelector('#ours') as HTMLButtonElement;
    for (const key of ['Tab', 'Enter', 'Escape']) {
      const e = new view.KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      button.dispatchEvent(e);
      expect(e.defaultPrevented).toBe(false);
    }
    let clicked = 0;
    button.addEventListener('click', () => clicked++);
    button.click();
    expect(clicked).toBe(1);
    expect(outcomes).toEqual([]);
    expect(shown).toEqual([]);
    // The page's keys still pick.
    const tab = new view.KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    doc.body.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(true);
    expect(shown).toEqual(['a']);
  });
});

describe('the picking mode, one field after another', () => {
  it('showAfter starts just after the last picked field; the pick names the element', () => {
    const doc = load('<form><input id="a" name="a"><input id="b" name="b"><input id="c" name="c"></form>');
    const picked: Array<string | null> = [];
    const picker = startPicker({ doc, done: (_o, el) => picked.push(el?.id ?? null) });
    expect(picker.showAfter(doc.querySelector('#a'))?.id).toBe('b');
    expect(picker.showAfter(doc.querySelector('#c'))?.id).toBe('a');
    expect(picker.showAfter(null)?.id).toBe('a');
    picker.move(1);
    picker.choose();
    expect(picked).toEqual(['b']);
  });
});

describe('the picking mode, into open shadow roots and same-origin iframes', () => {
  it('lists, moves to and picks fields inside them; the picks are found again by the resolver', () => {
    const doc = load(
      '<h2>Votre CV</h2><form><input id="a" name="a"><iframe id="f" title="CV"></iframe><div id="host"></div></form>',
      'http://127.0.0.1:8123/cv.html?x=1',
    );
    const frame = doc.querySelector('#f') as HTMLIFrameElement;
    const inner = frame.contentDocument as Document;
    inner.body.innerHTML = '<label for="metier">Métier recherché</label><input id="metier" name="metier">';
    const shadow = (doc.querySelector('#host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<label for="ecole">École de l’enfant</label><input id="ecole" name="ecole">';
    expect(pickableIn(doc).map((el) => el.id)).toEqual(['a', 'metier', 'ecole']);

    const outcomes: PickOutcome[] = [];
    const picker = startPicker({ doc, done: (o) => outcomes.push(o) });
    expect(picker.showAfter(doc.querySelector('#a'))?.id).toBe('metier');
    // The author's keys in the frame (focus is there) drive the picker too; the frame never sees them.
    let frameSaw = 0;
    inner.addEventListener('keydown', () => frameSaw++);
    const press = (key: string) => {
      const view = inner.defaultView as Window & typeof globalThis;
      const e = new view.KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      inner.body.dispatchEvent(e);
      return e;
    };
    expect(press('Tab').defaultPrevented).toBe(true);
    expect(picker.current()?.id).toBe('ecole');
    press('ArrowUp');
    press('Enter');
    expect(frameSaw).toBe(0);
    const [outcome] = outcomes;
    if (!outcome?.ok) throw new Error('no pick');
    expect(outcome.clues).toMatchObject({ id: 'metier', label: 'Métier recherché' });
    // The page of the pick is the top page, with its heading before the frame.
    expect(outcome.page).toEqual({ url: 'http://127.0.0.1:8123/cv.html', heading: 'Votre CV' });
    expect(decideTarget({ clues: outcome.clues }, doc).element?.id).toBe('metier');

    // The shadow root's field, by a second pick.
    const again: PickOutcome[] = [];
    const second = startPicker({ doc, done: (o) => again.push(o) });
    second.showAfter(inner.querySelector('#metier'));
    second.choose();
    if (!again[0]?.ok) throw new Error('no pick');
    expect(again[0].clues).toMatchObject({ id: 'ecole', label: 'École de l’enfant' });
    expect(decideTarget({ clues: again[0].clues }, doc).element?.id).toBe('ecole');
  });
});

describe('recording on broken markup', () => {
  it('labels wrapping inputs, aria-label only, placeholder only, a label in a table cell: every target found again', () => {
    const doc = load(`<h1>Demande de carte</h1>
      <form>
        <p><label>Nom de famille <input type="text" name="nom"></label></p>
        <p><input type="text" aria-label="Prénom"></p>
        <p><input type="text" placeholder="Code postal"></p>
        <p><input type="text" placeholder="Commune"></p>
        <table>
          <tr><td>Numéro fiscal</td><td><input type="text" name="champ3"></td></tr>
          <tr><td><label for="t5">Téléphone</label></td><td><input type="text" id="t5"></td></tr>
        </table>
        <button>Envoyer</button>
      </form>`);
    const fields = pickableIn(doc);
    expect(fields).toHaveLength(7);
    let draft = newDraft({ title: 'Carte' });
    for (const el of fields) {
      const outcome = pickElement(el, doc);
      if (!outcome.ok) throw new Error(outcome.reason);
      draft = addStep(draft, proposeStep(outcome.clues, outcome.page));
    }
    // Titles from what a person reads: the wrapping label, the aria-label, the placeholder.
    expect(draft.steps.map((s) => s.title.fr)).toEqual([
      'Nom de famille',
      'Prénom',
      'Code postal',
      'Commune',
      // A label that is only text in the neighbouring cell is what a person reads as its name.
      'Numéro fiscal',
      'Téléphone',
      'Envoyer',
    ]);
    const exported = exportGuide(draft);
    if (!exported.ok) throw new Error(JSON.stringify(exported.errors));
    // Found again on the page, each on its own element, with certainty.
    exported.guide.steps.forEach((step, i) => {
      const decision = decideTarget(step.target ?? {}, doc, {
        strict: isStrictValidator(step.field?.validator),
      });
      expect([step.id, decision.status, decision.element === fields[i]]).toEqual([step.id, 'found', true]);
    });
    // The postcode was guessed from its placeholder alone.
    expect(exported.guide.steps[2]?.field?.validator).toBe('postcode');
  });
});
