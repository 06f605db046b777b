import { describe, expect, it } from 'vitest';
import { discoverFields, toSerializable } from '../../../utils/forms/discover.ts';
import { discover, dsfrPage, fieldById, fieldByName, fixturePage, html } from './helpers.ts';

describe('discoverFields on the DSFR example pages', () => {
  it('reads labels, hints, errors and constraints of text inputs (DSFR ≥ 1.8 messages)', () => {
    const fields = discover(dsfrPage('component/input'));
    const hinted = fieldById(fields, 'text-input-hint');
    expect(hinted.label).toBe('Libellé champ de saisie');
    expect(hinted.labelSource).toBe('label');
    expect(hinted.hint).toBe('Texte de description additionnel');
    expect(hinted.error).toBeUndefined();
    expect(hinted.dsfr).toBe(true);

    const wrong = fieldById(fields, 'text-input-error');
    expect(wrong.error).toBe('Texte d’erreur obligatoire');
    expect(wrong.invalid).toBe(true);

    const valid = fieldById(fields, 'text-input-valid');
    // "Texte de validation" is neither a hint nor an error.
    expect(valid.hint).toBeUndefined();
    expect(valid.error).toBeUndefined();
    expect(valid.invalid).toBe(false);

    const number = fieldById(fields, 'text-input-number');
    expect(number.type).toBe('number');
    expect(number.constraints).toMatchObject({ pattern: '[0-9]*', inputMode: 'numeric' });

    expect(fieldById(fields, 'text-input-disabled').disabled).toBe(true);
    expect(fieldById(fields, 'text-input-password').sensitive).toBe(true);
    expect(fieldById(fields, 'text-input-text').sensitive).toBe(false);
    // A real label wins over the placeholder.
    expect(fieldById(fields, 'text-input-placeholder').labelSource).toBe('label');
    expect(fieldById(fields, 'textarea').tag).toBe('textarea');
  });

  it('reads the old fr-error-text errors', () => {
    const fields = discover(dsfrPage('component/input/deprecated'));
    const wrong = fieldById(fields, 'text-input-error');
    expect(wrong.error).toBe('Texte d’erreur obligatoire');
    expect(wrong.label).toBe('Libellé champ de saisie');
  });

  it('folds radios of one name into one field with its legend, options, hint and error', () => {
    const fields = discover(dsfrPage('component/radio'));
    const radio = fieldByName(fields, 'radio');
    expect(radio.type).toBe('radio');
    expect(radio.group?.kind).toBe('radio-group');
    expect(radio.label).toBe('Légende pour l’ensemble des éléments');
    expect(radio.labelSource).toBe('legend');
    expect(radio.options?.map((o) => o.value)).toEqual(['1', '2', '3']);
    expect(radio.options?.map((o) => o.selected)).toEqual([false, true, false]);
    expect(radio.elements).toHaveLength(3);
    expect(fields.filter((f) => f.name === 'radio')).toHaveLength(1);

    expect(fieldByName(fields, 'radio-hint').hint).toBe('Texte de description additionnel');
    const wrong = fieldByName(fields, 'radio-error');
    expect(wrong.error).toBe('Texte d’erreur obligatoire');
    expect(wrong.invalid).toBe(true);
    expect(fieldByName(fields, 'radio-disabled').disabled).toBe(true);
    expect(fieldByName(fields, 'radio').error).toBeUndefined();
  });

  it('groups checkboxes of a fieldset and gives them the fieldset error', () => {
    const fields = discover(dsfrPage('component/checkbox'));
    const first = fieldById(fields, 'checkboxes-1');
    expect(first.group).toEqual({
      kind: 'checkbox-group',
      legend: 'Légende pour l’ensemble des éléments',
      id: 'checkboxes',
    });
    const single = fieldById(fields, 'checkbox-hint');
    expect(single.group).toBeUndefined();
    expect(single.hint).toBe('Texte de description additionnel');
    expect(fieldById(fields, 'checkbox-error').error).toBe('Texte d’erreur obligatoire');
    expect(fieldById(fields, 'checkboxes-error-2').error).toBe('Texte d’erreur obligatoire');
    expect(fieldById(fields, 'checkboxes-2').error).toBeUndefined();
  });

  it('lists select options with the selected placeholder', () => {
    const fields = discover(dsfrPage('component/select'));
    const select = fieldById(fields, 'select');
    expect(select.type).toBe('select');
    expect(select.label).toBe('Libellé pour liste déroulante');
    expect(select.options?.[0]).toEqual({
      value: '',
      label: 'Sélectionner une option',
      selected: true,
      disabled: true,
    });
    expect(select.options).toHaveLength(5);
    expect(fieldById(fields, 'select-error').error).toBe('Texte d’erreur obligatoire');
    expect(fieldById(fields, 'select-hint').hint).toBe('Texte de description additionnel');
  });

  it('reads upload fields, their long hint and their error', () => {
    const fields = discover(dsfrPage('component/upload'));
    const upload = fieldById(fields, 'file-upload-with-error');
    expect(upload.type).toBe('file');
    expect(upload.label).toBe('Ajouter un fichier');
    expect(upload.hint).toMatch(/^Indication : taille maximale : 500 Mo/);
    expect(upload.error).toBe('Format de fichier non supporté');
    expect(fieldById(fields, 'file-upload-multiple').constraints.multiple).toBe(true);
  });

  it('reads the login page: aria-required, autocomplete, nested fieldsets, password', () => {
    const fields = discover(dsfrPage('layout/page/login/2-error'));
    const user = fieldByName(fields, 'username');
    expect(user.required).toBe(true);
    expect(user.hint).toBe('Format attendu : nom@domaine.fr');
    expect(user.constraints.autocomplete).toBe('username');
    expect(user.group).toMatchObject({ kind: 'fieldset', legend: 'identifiants', id: 'credentials' });
    expect(user.key).toBe('form:login-7906/name:username');
    const password = fieldByName(fields, 'password');
    expect(password.sensitive).toBe(true);
    expect(password.required).toBe(true);
    const remember = fieldByName(fields, 'remember');
    expect(remember.required).toBe(false);
    // The outer fieldset holds one checkbox of its own: not a checkbox group.
    expect(remember.group?.kind).toBe('fieldset');
    // The show-password box is labelled by aria-label and its state is no secret.
    const show = fieldById(fields, 'password-7904-show');
    expect(show.labelSource).toBe('aria-label');
    expect(show.sensitive).toBe(false);
  });

  it('copes with the duplicate ids and names of the deprecated form page', () => {
    const fields = discover(dsfrPage('component/form/deprecated'));
    const groups = fields.filter((f) => f.name === 'radio-disabled-deprecated');
    expect(groups).toHaveLength(2);
    expect(new Set(groups.map((g) => g.key)).size).toBe(2);
    for (const group of groups) {
      expect(group.options?.map((o) => o.label)).toEqual(['Libellé radio', 'Libellé radio', 'Libellé radio']);
    }
    expect(groups[1]?.disabled).toBe(true);
    expect(groups[0]?.disabled).toBe(false);
    const keys = fields.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('discoverFields on broken markup', () => {
  const fields = discover(fixturePage('broken-form.html'));

  it('uses the placeholder as a last-resort label and says so', () => {
    const nom = fieldByName(fields, 'nom');
    expect(nom.label).toBe('Votre nom de naissance');
    expect(nom.labelSource).toBe('placeholder');
  });

  it('joins several aria-labelledby ids and skips missing ones', () => {
    const prenom = fieldByName(fields, 'prenom');
    expect(prenom.label).toBe("Prénom (tel qu'écrit sur la pièce d'identité)");
    expect(prenom.labelSource).toBe('aria-labelledby');
  });

  it('reads a label wrapping its input without the input', () => {
    const naissance = fieldByName(fields, 'naissance');
    expect(naissance.label).toBe('Date de naissance');
    expect(naissance.labelSource).toBe('wrapping-label');
    expect(naissance.required).toBe(true);
    const enfants = fieldByName(fields, 'enfants');
    expect(enfants.label).toBe("J'ai des enfants à charge");
    expect(enfants.labelSource).toBe('wrapping-label');
  });

  it('pairs labels with elements sharing one id, in order; a trailing * without the page saying what it means is no "required"', () => {
    const allocataire = fieldByName(fields, 'allocataire');
    expect(allocataire.label).toBe('Numéro allocataire');
    // The page has no note such as "les champs marqués d'une * sont obligatoires" (issue 14, pattern 6).
    expect(allocataire.required).toBe(false);
    expect(allocataire.constraints).toMatchObject({
      maxLength: 7,
      pattern: '[0-9]{7}',
      inputMode: 'numeric',
    });
    const cp = fieldByName(fields, 'cp');
    expect(cp.label).toBe('Code postal');
    expect(cp.key).not.toBe(allocataire.key);
  });

  it('takes the previous cell of a layout table, but prefers a title', () => {
    const loyer = fieldByName(fields, 'loyer');
    expect(loyer.label).toBe('Montant du loyer');
    expect(loyer.labelSource).toBe('table-cell');
    const charges = fieldByName(fields, 'charges');
    expect(charges.labelSource).toBe('title');
  });

  it('handles nested fieldsets and radios without fieldset', () => {
    const couple = fieldByName(fields, 'couple');
    expect(couple.label).toBe('Vivez-vous en couple ?');
    expect(couple.group?.id).toBe('couple');
    expect(couple.required).toBe(true);
    expect(fieldByName(fields, 'enfants').group?.legend).toBe('Situation');
    const deja = fieldByName(fields, 'deja');
    expect(deja.label).toBe('Avez-vous déjà reçu une aide ?');
    expect(deja.labelSource).toBe('nearby-text');
    expect(deja.options?.map((o) => o.label)).toEqual(['Oui', 'Non']);
  });

  it('finds ARIA widgets with a tabindex, skips hidden and button inputs', () => {
    const textbox = fields.find((f) => f.type === 'textbox');
    expect(textbox?.label).toBe('Commentaire libre');
    const toggle = fields.find((f) => f.type === 'switch');
    expect(toggle?.label).toBe('Recevoir les courriers par e-mail');
    expect(fields.some((f) => f.name === 'token')).toBe(false);
    expect(fields.some((f) => f.type === 'submit')).toBe(false);
    expect(fieldByName(fields, 'code').sensitive).toBe(true);
    expect(fieldByName(fields, 'pays').options?.map((o) => o.value)).toEqual(['', 'FR', 'DZ']);
  });

  it('gives keys that survive a reload and differ between fields', () => {
    const again = discover(fixturePage('broken-form.html'));
    expect(again.map((f) => f.key)).toEqual(fields.map((f) => f.key));
    expect(new Set(fields.map((f) => f.key)).size).toBe(fields.length);
    expect(fieldByName(fields, 'nom').key).toBe('form:demande/name:nom');
    expect(fields.find((f) => f.type === 'textbox')?.key).toBe('form:demande/label:commentaire-libre');
  });

  it('serialises without DOM references', () => {
    const json = fields.map(toSerializable);
    const text = JSON.stringify(json);
    expect(text).not.toContain('element');
    const couple = json.find((f) => f.name === 'couple');
    expect(couple?.options).toHaveLength(2);
    expect(JSON.parse(text)).toEqual(json);
  });

  it('can be limited to an element and to visible controls', () => {
    const dom = html('<div id="a"><input name="x"></div><div hidden><input name="y"></div><input name="z">');
    const doc = dom.window.document;
    expect(discoverFields(doc.getElementById('a') as Element).map((f) => f.name)).toEqual(['x']);
    expect(discoverFields(doc, { includeHidden: false }).map((f) => f.name)).toEqual(['x', 'z']);
    expect(discoverFields(doc).map((f) => f.name)).toEqual(['x', 'y', 'z']);
  });

  it('returns nothing, without throwing, on a page with no controls', () => {
    expect(discover(html('<p>Rien à remplir</p>'))).toEqual([]);
  });
});
