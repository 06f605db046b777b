import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, lookupKey, openDatabase } from '../../../utils/storage/db.ts';
import { fieldKey } from '../../../utils/storage/field-identity.ts';
import { createProgressStore } from '../../../utils/storage/progress.ts';
import { dbOn, freshDb, freshFactory } from './helpers.ts';

describe('schema versions', () => {
  it('opens at the current version with every table', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        'catalogs',
        'documents',
        'fieldValues',
        'infos',
        'installedGuides',
        'procedures',
        'settings',
        'stepProgress',
        'vault',
      ].sort(),
    );
    db.close();
  });

  it('defaults to the real IndexedDB name "pasapas"', () => {
    const db = openDatabase(undefined, { indexedDB: freshFactory(), IDBKeyRange });
    expect(db.name).toBe('pasapas');
  });
});

describe('upgrade from v1 (as shipped)', () => {
  async function writeV1(factory: IDBFactory) {
    const v1 = dbOn(factory, 'pasapas', { upToVersion: 1 });
    await v1.open();
    expect(v1.verno).toBe(1);
    expect(v1.tables.map((t) => t.name).sort()).toEqual(['fieldValues', 'procedures', 'settings']);
    await v1.table('procedures').bulkAdd([
      {
        id: 'p1',
        guideId: 'caf-apl',
        url: 'https://www.caf.fr/demande/etape-2?dossier=123456',
        title: 'Aide au logement',
        currentStep: 'revenus',
        completedSteps: ['identite', 'logement'],
        startedAt: 1000,
        updatedAt: 2000,
      },
      { id: 'p2', guideId: 'impots', url: 'not a url', title: 'Impôts', startedAt: 1, updatedAt: 1 },
    ]);
    await v1.table('fieldValues').bulkAdd([
      {
        procedureId: 'p1',
        fieldKey: 'old-key-nom',
        name: 'nom',
        label: 'Nom',
        formIndex: 0,
        position: 0,
        page: '/demande/etape-1',
        value: 'Dupont',
        updatedAt: 1500,
      },
      {
        procedureId: 'p1',
        fieldKey: 'old-key-2',
        label: 'Ville',
        position: 3,
        page: '/demande/etape-2',
        value: 'Lyon',
      },
    ]);
    await v1.table('settings').put({ key: 'lang', value: 'ar' });
    v1.close();
  }

  it('keeps every v1 row and moves fields to their v3 places', async () => {
    const factory = freshFactory();
    await writeV1(factory);

    const db = dbOn(factory, 'pasapas');
    await db.open();
    expect(db.verno).toBe(DB_VERSION);

    const p1 = await db.procedures.get('p1');
    expect(p1).toMatchObject({
      id: 'p1',
      guideId: 'caf-apl',
      origin: 'https://www.caf.fr',
      title: 'Aide au logement',
      currentStep: 'revenus',
      lookup: lookupKey('caf-apl', 'https://www.caf.fr'),
    });
    // The full URL (with a file number in its query) is gone, and so is the old step list.
    expect(p1).not.toHaveProperty('url');
    expect(p1).not.toHaveProperty('completedSteps');
    expect((await db.procedures.get('p2'))?.origin).toBe('');

    const steps = await db.stepProgress.where('procedureId').equals('p1').toArray();
    expect(steps.map((s) => s.stepId).sort()).toEqual(['identite', 'logement']);
    expect(steps.every((s) => s.done)).toBe(true);

    const fields = await db.fieldValues.where('procedureId').equals('p1').toArray();
    expect(fields).toHaveLength(2);
    const nom = fields.find((f) => f.value === 'Dupont');
    expect(nom?.identity).toEqual({
      name: 'nom',
      label: 'Nom',
      formIndex: 0,
      position: 0,
      path: '/demande/etape-1',
    });
    if (!nom?.identity) throw new Error('nom missing');
    expect(nom.fieldKey).toBe(fieldKey(nom.identity));
    const ville = fields.find((f) => f.value === 'Lyon');
    expect(ville?.identity).toEqual({ label: 'Ville', formIndex: 0, position: 3, path: '/demande/etape-2' });

    expect(await db.settings.get('lang')).toEqual({ key: 'lang', value: 'ar' });

    // The new index works on upgraded rows, and the service reads them back.
    const store = createProgressStore(db);
    const again = await store.startOrGet({ guideId: 'caf-apl', origin: 'https://www.caf.fr', title: 'x' });
    expect(again.id).toBe('p1');
    const plan = await store.restorePlan('p1', [
      {
        identity: { name: 'nom', label: 'Nom', formIndex: 0, position: 0, path: '/demande/etape-1' },
        currentValue: '',
      },
    ]);
    expect(plan.fill.map((f) => f.value)).toEqual(['Dupont']);
    db.close();
  });

  it('upgrades from v2 too (with v2 rows in the new tables)', async () => {
    const factory = freshFactory();
    const v2 = dbOn(factory, 'pasapas', { upToVersion: 2 });
    await v2.open();
    expect(v2.verno).toBe(2);
    await v2.table('procedures').add({
      id: 'q',
      guideId: 'ants-titre',
      origin: 'https://ants.gouv.fr',
      title: 'Titre',
      currentStep: null,
      startedAt: 5,
      updatedAt: 6,
    });
    const identity = { name: 'ville', formIndex: 0, position: 1, path: '/f' };
    await v2
      .table('fieldValues')
      .add({ procedureId: 'q', fieldKey: fieldKey(identity), identity, value: 'Nice', updatedAt: 6 });
    await v2.table('documents').add({ procedureId: 'q', docId: 'photo', ticked: true, updatedAt: 6 });
    await v2.table('installedGuides').add({
      id: 'ants-titre',
      version: '1.0.0',
      source: 'file',
      json: '{}',
      verified: 'unsigned',
      installedAt: 1,
      updatedAt: 1,
    });
    await v2.table('catalogs').add({
      url: 'https://example.org/c.json',
      etag: 'W/"1"',
      lastModified: null,
      json: '{}',
      fetchedAt: 1,
    });
    v2.close();

    const db = dbOn(factory, 'pasapas');
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(
      await db.procedures.where('lookup').equals(lookupKey('ants-titre', 'https://ants.gouv.fr')).count(),
    ).toBe(1);
    expect((await db.fieldValues.toArray())[0]?.value).toBe('Nice');
    expect(await db.documents.count()).toBe(1);
    expect((await db.installedGuides.get('ants-titre'))?.version).toBe('1.0.0');
    expect((await db.catalogs.get('https://example.org/c.json'))?.etag).toBe('W/"1"');
    expect(await db.vault.count()).toBe(0);
    db.close();
  });

  it('coalesces two v1 rows that map to the same new key, keeping the newest', async () => {
    const factory = freshFactory();
    const v1 = dbOn(factory, 'pasapas', { upToVersion: 1 });
    await v1
      .table('procedures')
      .add({ id: 'p', guideId: 'g', url: 'https://a.fr/', title: 't', startedAt: 1, updatedAt: 1 });
    const base = { procedureId: 'p', name: 'nom', formIndex: 0, position: 0, page: '/x' };
    await v1.table('fieldValues').bulkAdd([
      { ...base, fieldKey: 'a', value: 'ancien', updatedAt: 1 },
      { ...base, fieldKey: 'b', value: 'récent', updatedAt: 2 },
    ]);
    v1.close();
    const db = dbOn(factory, 'pasapas');
    const rows = await db.fieldValues.toArray();
    expect(rows.map((r) => r.value)).toEqual(['récent']);
    db.close();
  });
});

describe('upgrade to v4 ("Mes informations")', () => {
  it('keeps a v3 database as it was and adds an empty infos table', async () => {
    const factory = freshFactory();
    const v3 = dbOn(factory, 'pasapas', { upToVersion: 3 });
    await v3.table('procedures').add({
      id: 'p',
      lookup: lookupKey('g', 'https://a.fr'),
      guideId: 'g',
      origin: 'https://a.fr',
      title: 't',
      currentStep: null,
      startedAt: 1,
      updatedAt: 1,
    });
    v3.close();
    const db = dbOn(factory, 'pasapas');
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.procedures.count()).toBe(1);
    expect(await db.infos.count()).toBe(0);
    db.close();
  });
});
