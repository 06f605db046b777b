import { describe, expect, it } from 'vitest';
import {
  checkInfo,
  createInfoStore,
  exportInfos,
  type InfoEntry,
  InfoError,
  InfoValueError,
  importInfos,
  matchFields,
} from '../../../utils/infos/index.ts';
import type { FillTarget } from '../../../utils/ocr/fill/targets.ts';
import { HandoverError } from '../../../utils/storage/errors.ts';
import { createProgressStore } from '../../../utils/storage/progress.ts';
import { createVault, unlockVault, wipeProcedureData } from '../../../utils/storage/vault.ts';
import { freshDb, LOW_ITERATIONS, rawDump } from '../storage/helpers.ts';

const IBAN = 'FR7630006000011234567890189';
const NIR = '255081416802538';

function storesOn(db = freshDb()) {
  const progress = createProgressStore(db, { device: true });
  // One millisecond per entry: the list is in the order the entries were made.
  let now = Date.UTC(2026, 11, 2, 9, 0, 0);
  const infos = createInfoStore(db, { cipher: progress.cipher, clock: () => now++ });
  return { db, progress, infos };
}

describe('checking a value', () => {
  it('uses the project validators and keeps their plain message', () => {
    const bad = checkInfo('iban', 'FR7630006000011234567890188');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.code).toBe('bad-checksum');
      expect(bad.message('fr')).toMatch(/IBAN|chiffres|erreur/i);
      expect(bad.message('ar')).not.toBe(bad.message('fr'));
    }
    expect(checkInfo('iban', IBAN)).toEqual({ ok: true, value: 'FR76 3000 6000 0112 3456 7890 189' });
    expect(checkInfo('birth-date', '31/02/1990').ok).toBe(false);
    expect(checkInfo('birth-date', '14/07/1985')).toEqual({ ok: true, value: '14/07/1985' });
    expect(checkInfo('family-name', '  Martin   Dupont ')).toEqual({ ok: true, value: 'Martin Dupont' });
    expect(checkInfo('family-name', 'a\u0000b').ok).toBe(false);
    expect(checkInfo('city', 'x'.repeat(101)).ok).toBe(false);
    expect(checkInfo('email', 'pas une adresse').ok).toBe(false);
  });
});

describe('the personal file', () => {
  it('keeps typed entries sealed: nothing in clear in the database', async () => {
    const { db, infos } = storesOn();
    const iban = await infos.put({ kind: 'iban', value: IBAN });
    await infos.put({ kind: 'nir', value: NIR }, undefined);
    await infos.put({ kind: 'family-name', value: 'Zébulonnet' });
    const list = await infos.list();
    expect(list.map((e) => e.kind)).toEqual(['iban', 'nir', 'family-name']);
    expect(list[0]).toMatchObject({ id: iban.id, source: { kind: 'typed' } });
    const dump = await rawDump(db);
    for (const needle of [
      'Zébulonnet',
      'Zebulonnet',
      'FR76',
      '3000 6000',
      NIR,
      'family-name',
      'typed',
      'iban',
    ])
      expect(dump).not.toContain(needle);
  });

  it('refuses a bad value with a typed error and writes nothing', async () => {
    const { db, infos } = storesOn();
    const error = await infos.put({ kind: 'nir', value: '255081416802539' }).catch((e) => e);
    expect(error).toBeInstanceOf(InfoValueError);
    expect((error as InfoValueError).reason).toBe('bad-checksum');
    expect((error as InfoValueError).text('fr')).toBeTruthy();
    expect(await db.infos.count()).toBe(0);
  });

  it('edits and deletes, keeps the source of a value read from a document', async () => {
    const { infos } = storesOn();
    const e = await infos.put({
      kind: 'fiscal-number',
      value: '3023217600053',
      source: { kind: '2ddoc', document: 'avis-imposition' },
    });
    await infos.put({ kind: 'fiscal-number', value: '3023217600053', source: { kind: 'typed' } }, e.id);
    expect((await infos.list())[0]?.source).toEqual({ kind: 'typed' });
    await expect(infos.put({ kind: 'city', value: 'Lyon' }, 'nope')).rejects.toBeInstanceOf(InfoError);
    await infos.remove(e.id);
    expect(await infos.list()).toEqual([]);
  });

  it('is closed while the public-computer vault is locked, and gone with the session', async () => {
    const { db, progress, infos } = storesOn();
    await infos.put({ kind: 'city', value: 'Besançon' });
    const vault = await createVault(db, '482915', { iterations: LOW_ITERATIONS });
    progress.setVault(vault);
    // Moved under the vault's key when public-computer mode starts.
    expect((await infos.list()).map((e) => e.value)).toEqual(['Besançon']);
    vault.lock();
    await expect(infos.list()).rejects.toMatchObject({ code: 'locked' });
    progress.setVault(null);
    await expect(infos.list()).rejects.toMatchObject({ code: 'locked' });
    await expect(infos.put({ kind: 'city', value: 'Dole' })).rejects.toMatchObject({ code: 'locked' });
    const again = await unlockVault(db, '482915');
    progress.setVault(again);
    expect(await infos.list()).toHaveLength(1);
    await wipeProcedureData(db);
    expect(await db.infos.count()).toBe(0);
  });

  it('is emptied by wiping everything', async () => {
    const { db, progress, infos } = storesOn();
    await infos.put({ kind: 'email', value: 'a.b@exemple.fr' });
    const report = await progress.wipeAll();
    expect(report.nothingLeft).toBe(true);
    expect(await db.infos.count()).toBe(0);
  });
});

describe('export and import', () => {
  it('travels in the encrypted handover file, and a wrong passphrase changes nothing', async () => {
    const from = storesOn();
    await from.infos.put({ kind: 'iban', value: IBAN, source: { kind: 'ocr', document: 'rib' } });
    await from.infos.put({ kind: 'given-names', value: 'Inès Marie' });
    const text = await exportInfos(from.infos, 'cheval violet 42', { iterations: LOW_ITERATIONS });
    expect(text).not.toContain('Inès');
    const to = storesOn();
    await expect(importInfos(to.infos, text, 'mauvaise phrase')).rejects.toBeInstanceOf(HandoverError);
    expect(await to.db.infos.count()).toBe(0);
    expect(await importInfos(to.infos, text, 'cheval violet 42')).toEqual({ imported: 2 });
    const list = await to.infos.list();
    expect(list.map((e) => [e.kind, e.value, e.source.kind])).toEqual([
      ['iban', 'FR76 3000 6000 0112 3456 7890 189', 'ocr'],
      ['given-names', 'Inès Marie', 'typed'],
    ]);
  });

  it('says when there is nothing to export', async () => {
    await expect(exportInfos(storesOn().infos, 'cheval violet 42')).rejects.toMatchObject({
      code: 'empty-export',
    });
  });
});

describe('matching page fields by meaning', () => {
  const t = (key: string, label: string, extra: Partial<FillTarget> = {}): FillTarget => ({
    key,
    label,
    type: 'text',
    dsfr: true,
    ...extra,
  });
  const entry = (id: string, kind: InfoEntry['kind'], value: string): InfoEntry => ({
    id,
    kind,
    value,
    source: { kind: 'typed' },
    at: 1,
  });
  const entries = [
    entry('n', 'family-name', 'Dupont'),
    entry('p', 'given-names', 'Inès'),
    entry('d', 'birth-date', '14/07/1985'),
    entry('i', 'iban', 'FR76 3000 6000 0112 3456 7890 189'),
    entry('c', 'city', 'Lyon'),
    entry('e', 'email', 'ines@exemple.fr'),
    entry('t', 'phone', '06 12 34 56 78'),
    entry('f', 'fiscal-number', '30 23 217 600 053'),
  ];
  // The demo housing procedure's fields.
  const targets = [
    t('nom', 'Nom de naissance', { name: 'nom', autocomplete: 'family-name' }),
    t('prenom', 'Prénom', { name: 'prenom', autocomplete: 'given-name' }),
    t('naissance', 'Date de naissance', { name: 'date_naissance', autocomplete: 'bday', type: 'date' }),
    t('entree', 'Date d’entrée dans le logement', { name: 'date_entree' }),
    t('commune', 'Commune', { name: 'commune', autocomplete: 'address-level2' }),
    t('mail', 'Adresse électronique', { name: 'email', autocomplete: 'email', type: 'email' }),
    t('tel', 'Numéro de téléphone', { name: 'telephone', autocomplete: 'tel', type: 'tel' }),
    t('rfr', 'Revenu fiscal de référence', { name: 'revenu_fiscal_reference' }),
    t('fiscal', 'Numéro fiscal', { name: 'numero_fiscal' }),
    t('iban', 'IBAN', { name: 'iban' }),
    t('titulaire', 'Titulaire du compte', { name: 'titulaire', autocomplete: 'name' }),
  ];

  it('offers each field the entry it asks for, in the form the field takes', () => {
    const offers = matchFields(targets, entries);
    expect(Object.fromEntries(offers.map((o) => [o.targetKey, o.value]))).toEqual({
      nom: 'Dupont',
      prenom: 'Inès',
      naissance: '1985-07-14',
      commune: 'Lyon',
      mail: 'ines@exemple.fr',
      tel: '06 12 34 56 78',
      fiscal: '3023217600053',
      iban: 'FR7630006000011234567890189',
    });
  });

  it('leaves out a field that already holds the value and says what a field holds before replacing it', () => {
    const offers = matchFields(
      targets,
      entries,
      new Map([
        ['nom', 'Dupont'],
        ['prenom', 'Ines-M'],
      ]),
    );
    expect(offers.find((o) => o.targetKey === 'nom')).toBeUndefined();
    expect(offers.find((o) => o.targetKey === 'prenom')).toMatchObject({ value: 'Inès', current: 'Ines-M' });
  });
});
