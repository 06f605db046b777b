import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { fieldAreaElements, fieldGroup } from '../../../utils/forms/field-area.ts';

const page = (body: string) => new JSDOM(`<!doctype html><body>${body}</body>`).window.document;

describe('what the person must see of a field', () => {
  it('a DSFR input: the field, its label (with the hint inside) and its messages', () => {
    const doc = page(`
      <form><fieldset aria-labelledby="form-title"><h2 id="form-title">Vous</h2>
      <div class="fr-input-group">
        <label class="fr-label" for="nir">Numéro <span class="fr-hint-text">15 chiffres</span></label>
        <input id="nir" aria-describedby="nir-messages">
        <div class="fr-messages-group" id="nir-messages"></div>
      </div></fieldset></form>`);
    const input = doc.getElementById('nir') as Element;
    expect(fieldAreaElements(input).map((e) => e.id || e.localName)).toEqual([
      'nir',
      'label',
      'nir-messages',
    ]);
  });

  it('a radio: its group with the legend, not the form around it', () => {
    const doc = page(`
      <fieldset id="form"><fieldset id="civ" role="radiogroup" aria-labelledby="civ-legend">
        <legend id="civ-legend">Civilité <span class="fr-hint-text">Une seule réponse</span></legend>
        <input type="radio" id="m" name="c"><label for="m">Madame</label>
        <input type="radio" id="h" name="c"><label for="h">Monsieur</label>
      </fieldset></fieldset>`);
    const radio = doc.getElementById('h') as Element;
    expect(fieldGroup(radio).id).toBe('civ');
    // The legend and the labels are inside the group: the group alone covers them.
    expect(fieldAreaElements(radio).map((e) => e.id)).toEqual(['civ']);
  });

  it('hints and labels elsewhere in the page, by reference', () => {
    const doc = page(`
      <p id="q">Votre ville</p><input id="ville" aria-labelledby="q" aria-describedby="h1 missing h2">
      <p id="h1">Comme sur le courrier</p><p id="h2">Sans le code postal</p>`);
    const input = doc.getElementById('ville') as Element;
    expect(fieldAreaElements(input).map((e) => e.id)).toEqual(['ville', 'q', 'h1', 'h2']);
  });
});
