/**
 * The detector on real markup: what discovery and progress's page fields pass to it (hint,
 * placeholder, aria-label, inputmode) and a password field that a "show" button turned into text.
 */
import { describe, expect, it } from 'vitest';
import { discoverFields } from '../../../utils/forms/discover.ts';
import { isSensitiveField } from '../../../utils/forms/sensitive.ts';
import { pageFields } from '../../../utils/progress/page-fields.ts';
import { fieldById, html } from './helpers.ts';

describe('a password shown in clear by its "show" button', () => {
  const markup = `<form>
      <label for="f7">Votre code</label><input type="password" id="f7" name="field7">
      <button type="button" id="show">Afficher</button>
      <label for="city">Ville</label><input id="city" name="city">
    </form>`;

  it('stays sensitive in discovery after type=password became type=text', () => {
    const dom = html(markup);
    const doc = dom.window.document;
    expect(fieldById(discoverFields(doc), 'f7').sensitive).toBe(true);
    // What the page's "show" button does: the same element, now plain text.
    (doc.getElementById('f7') as HTMLInputElement).type = 'text';
    const again = discoverFields(doc);
    expect(fieldById(again, 'f7').type).toBe('text');
    expect(fieldById(again, 'f7').sensitive).toBe(true);
    expect(fieldById(again, 'city').sensitive).toBe(false);
  });

  it('stays sensitive for progress (the descriptor it saves with)', () => {
    const dom = html(markup);
    const doc = dom.window.document;
    pageFields(doc);
    (doc.getElementById('f7') as HTMLInputElement).type = 'text';
    const secret = pageFields(doc).find((f) => f.info.id === 'f7');
    expect(secret?.descriptor.wasPassword).toBe(true);
    expect(isSensitiveField(secret?.descriptor ?? {})).toBe(true);
  });

  it('a DSFR password component counts as a password even once shown', () => {
    const dom = html(`<div class="fr-password"><label class="fr-label" for="p">Votre code</label>
      <div class="fr-input-wrap"><input class="fr-password__input fr-input" type="text" id="p" name="p"></div>
      <div class="fr-password__checkbox fr-checkbox-group"><input type="checkbox" id="show-p">
      <label for="show-p">Afficher</label></div></div>`);
    const fields = discoverFields(dom.window.document);
    expect(fieldById(fields, 'p').sensitive).toBe(true);
    expect(fieldById(fields, 'show-p').sensitive).toBe(false);
  });
});

describe('clues beyond the label', () => {
  it('uses the hint, the placeholder and the aria-label', () => {
    const dom = html(`<form>
      <label for="c">Code<span class="fr-hint-text">Vous avez reçu ce code par SMS</span></label>
      <input id="c" name="c1">
      <label for="e">Date d'expiration</label><input id="e" name="e1" placeholder="MM/AA">
      <input id="a" name="a1" aria-label="Mot de passe">
      <label for="t">Date d'expiration du titre de séjour</label><input id="t" name="t1" placeholder="JJ/MM/AAAA">
    </form>`);
    const fields = discoverFields(dom.window.document);
    expect(fieldById(fields, 'c').sensitive).toBe(true);
    expect(fieldById(fields, 'e').sensitive).toBe(true);
    expect(fieldById(fields, 'a').sensitive).toBe(true);
    expect(fieldById(fields, 't').sensitive).toBe(false);
    const progress = pageFields(dom.window.document);
    for (const id of ['c', 'e', 'a']) {
      const descriptor = progress.find((f) => f.info.id === id)?.descriptor ?? {};
      expect(isSensitiveField(descriptor), id).toBe(true);
    }
  });
});
