/**
 * captureClues: what the recorder keeps of a field or button, on any DOM (jsdom here). Several
 * independent clues, never a value, never a secret field.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { captureClues } from '../../../utils/guides/clues.ts';

const load = (body: string) =>
  new JSDOM(`<!doctype html><html lang="fr"><body>${body}</body></html>`, {
    url: 'https://exemple.fr/demande',
  }).window.document;

const FORM = `
<main>
  <h1>Demande d’aide</h1>
  <h2>Vos revenus</h2>
  <form>
    <fieldset class="fr-fieldset">
      <legend class="fr-fieldset__legend">Votre avis d’impôt</legend>
      <div class="fr-fieldset__element">
        <div class="fr-input-group">
          <label class="fr-label" for="fiscal">Numéro fiscal <span class="fr-hint-text">13 chiffres, en haut de l’avis</span></label>
          <input class="fr-input" id="fiscal" name="numero_fiscal" autocomplete="off" inputmode="numeric" aria-describedby="fiscal-messages">
          <div class="fr-messages-group" id="fiscal-messages"><p class="fr-message fr-message--error">Numéro invalide</p></div>
        </div>
      </div>
      <div class="fr-fieldset__element">
        <div class="fr-input-group">
          <label class="fr-label" for="ref">Référence de l’avis</label>
          <input class="fr-input" id="ref" name="reference_avis" autocomplete="off">
        </div>
      </div>
    </fieldset>
    <fieldset class="fr-fieldset" id="sit" aria-labelledby="sit-legend">
      <legend id="sit-legend">Situation familiale</legend>
      <div class="fr-radio-group"><input type="radio" id="s1" name="situation" value="seul"><label for="s1">Seul</label></div>
      <div class="fr-radio-group"><input type="radio" id="s2" name="situation" value="couple"><label for="s2">En couple</label></div>
    </fieldset>
    <label>Commentaire <textarea name="commentaire">texte tapé par la personne</textarea></label>
    <span id="ville-l">Ville</span><input name="ville" aria-labelledby="ville-l">
    <input name="pays" aria-label="Pays de naissance">
    <input name="cp" placeholder="Code postal">
    <select id="logement" name="logement"><option>Locataire</option><option selected>Propriétaire</option></select>
    <label for="logement">Type de logement</label>
    <button type="submit">Continuer</button>
  </form>
</main>`;

describe('captureClues', () => {
  it('keeps several independent clues of a DSFR field', () => {
    const doc = load(FORM);
    const result = captureClues(doc.getElementById('fiscal') as Element);
    expect(result).toMatchObject({ ok: true, kind: 'field' });
    if (!result.ok) return;
    expect(result.clues).toEqual({
      id: 'fiscal',
      name: 'numero_fiscal',
      label: 'Numéro fiscal',
      accessibleName: expect.stringContaining('Numéro fiscal'),
      hint: '13 chiffres, en haut de l’avis',
      group: 'Votre avis d’impôt',
      heading: 'Vos revenus',
      tag: 'input',
      position: { index: 0, count: 6 },
      path: 'form > fieldset > div > div > input',
    });
    // autocomplete="off" says nothing about the field; an error message is not its hint.
    expect(result.clues.autocomplete).toBeUndefined();
    expect(result.clues.hint).not.toContain('invalide');
  });

  it('reads labels as sites write them: wrapping, aria-labelledby, aria-label, placeholder, label after the field', () => {
    const doc = load(FORM);
    const clues = (selector: string) => {
      const result = captureClues(doc.querySelector(selector) as Element);
      if (!result.ok) throw new Error(result.reason);
      return result.clues;
    };
    expect(clues('[name="commentaire"]')).toMatchObject({ label: 'Commentaire', tag: 'textarea' });
    expect(clues('[name="ville"]')).toMatchObject({ label: 'Ville', accessibleName: 'Ville' });
    expect(clues('[name="pays"]')).toMatchObject({ accessibleName: 'Pays de naissance' });
    expect(clues('[name="pays"]').label).toBeUndefined();
    expect(clues('[name="cp"]')).toMatchObject({ accessibleName: 'Code postal' });
    expect(clues('#logement')).toMatchObject({ label: 'Type de logement', tag: 'select' });
    expect(clues('button')).toMatchObject({ label: 'Continuer', tag: 'button', type: 'submit' });
  });

  it('gives a radio option its group and counts its group once among similar fields', () => {
    const doc = load(FORM);
    const second = captureClues(doc.getElementById('s2') as Element);
    expect(second).toMatchObject({
      ok: true,
      kind: 'choice',
      clues: {
        label: 'En couple',
        group: 'Situation familiale',
        type: 'radio',
        position: { index: 0, count: 1 },
      },
    });
  });

  it('takes the field of a label or a DSFR group the author pointed at', () => {
    const doc = load(FORM);
    const label = doc.querySelector('label[for="ref"]') as Element;
    expect(captureClues(label)).toMatchObject({ ok: true, clues: { id: 'ref' } });
    expect(captureClues(label.parentElement as Element)).toMatchObject({ ok: true, clues: { id: 'ref' } });
    expect(captureClues(doc.querySelector('h2') as Element)).toEqual({ ok: false, reason: 'not-a-target' });
  });

  it('never reads a value: not the text typed, not the option chosen, not a box ticked', () => {
    const doc = load(FORM);
    for (const el of Array.from(doc.querySelectorAll('input, textarea, select'))) {
      for (const prop of ['value', 'checked', 'selectedIndex', 'selectedOptions', 'files']) {
        Object.defineProperty(el, prop, {
          get() {
            throw new Error(`read ${prop} of ${el.getAttribute('name')}`);
          },
        });
      }
    }
    for (const el of Array.from(doc.querySelectorAll('input, textarea, select, button'))) {
      const result = captureClues(el);
      expect(result.ok).toBe(true);
      expect(JSON.stringify(result)).not.toContain('texte tapé');
      expect(JSON.stringify(result)).not.toContain('Propriétaire');
    }
  });

  it.each([
    ['a password', '<label for="p">Mot de passe</label><input id="p" type="password">'],
    [
      'a password shown as text (DSFR)',
      '<div class="fr-password"><label for="p">Code</label><input id="p"></div>',
    ],
    ['a card number', '<label for="c">Numéro</label><input id="c" autocomplete="cc-number">'],
    ['a card code', '<label for="c">Cryptogramme</label><input id="c" name="cvv">'],
    ['a one-time code', '<label for="o">Code reçu</label><input id="o" autocomplete="one-time-code">'],
  ])('refuses %s', (_what, html) => {
    const doc = load(`<form>${html}</form>`);
    expect(captureClues(doc.querySelector('input') as Element)).toEqual({ ok: false, reason: 'sensitive' });
  });
});
