import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Guide } from '../../../utils/guides/format';
import { missingSteps, requirementsOf } from '../../../utils/progress/guide';
import {
  currentFields,
  displayValue,
  fieldOf,
  isDirty,
  pageFields,
  readValue,
  writeValue,
} from '../../../utils/progress/page-fields';
import { PUBLIC_DEFAULTS, parsePublicComputer } from '../../../utils/progress/public-config';
import { decideRestore, readAnswer, writeAnswer, writesFor } from '../../../utils/progress/restore';
import { createProgressStore } from '../../../utils/storage/progress';
import { DEFAULT_IDLE_MS, DEFAULT_MAX_AGE_MS } from '../../../utils/storage/vault';
import { parseWidgetConfig } from '../../../utils/widget/config';
import { freshDb } from '../storage/helpers';

function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('missing');
  return value;
}

function page(body: string, url = 'https://site.test/aide-logement/identite.html') {
  const dom = new JSDOM(`<!doctype html><html lang="fr"><body>${body}</body></html>`, { url });
  return dom.window.document;
}

const FORM = `
<form>
  <fieldset><legend>Civilité</legend>
    <input type="radio" name="civilite" id="mme" value="madame"><label for="mme">Madame</label>
    <input type="radio" name="civilite" id="m" value="monsieur"><label for="m">Monsieur</label>
  </fieldset>
  <label for="nom">Nom de naissance</label><input id="nom" name="nom" value="">
  <label for="ville">Commune</label><input id="ville" name="commune" value="Lyon">
  <label for="sit">Situation</label><select id="sit" name="situation"><option value="">Choisir</option><option value="marie">Marié ou mariée</option></select>
  <label for="pw">Mot de passe</label><input id="pw" type="password" name="pw">
  <label for="f">Justificatif</label><input id="f" type="file" name="justificatif">
  <input type="hidden" name="token" value="x">
  <input type="checkbox" id="ok" name="attestation" value="oui"><label for="ok">Je certifie</label>
  <button>Suivant</button>
</form>
<div data-pasapas-host="page"><input name="ours"></div>`;

describe('page fields', () => {
  it('lists what the person fills, with identities that survive a reload; files, hidden inputs and our UI are left out', () => {
    const doc = page(FORM);
    const isOurs = (n: Node) => !!(n as Element).closest?.('[data-pasapas-host]');
    const fields = pageFields(doc, isOurs);
    expect(fields.map((f) => f.identity.name)).toEqual([
      'civilite',
      'nom',
      'commune',
      'situation',
      'pw',
      'attestation=oui',
    ]);
    expect(fields[1]?.identity).toMatchObject({
      name: 'nom',
      id: 'nom',
      label: 'Nom de naissance',
      formIndex: 0,
      position: 1,
      path: '/aide-logement/identite.html',
    });
    // Same page reloaded: same identities.
    expect(pageFields(page(FORM), isOurs).map((f) => f.identity)).toEqual(fields.map((f) => f.identity));
  });

  it('reads and writes every kind of control, and tells which ones changed since the page loaded', () => {
    const doc = page(FORM);
    const fields = pageFields(doc).filter((f) => f.identity.name !== 'ours');
    const by = (name: string) => must(fields.find((f) => f.identity.name === name));
    expect(fields.map(readValue)).toEqual(['', '', 'Lyon', '', '', false]);
    expect(fields.some(isDirty)).toBe(false);
    const events: string[] = [];
    doc.addEventListener('input', (e) => events.push((e.target as Element).id), true);
    expect(writeValue(by('civilite'), 'monsieur')).toBe(true);
    expect(writeValue(by('nom'), 'Martin')).toBe(true);
    expect(writeValue(by('situation'), 'marie')).toBe(true);
    expect(writeValue(by('attestation=oui'), true)).toBe(true);
    expect(writeValue(by('situation'), 'inconnue')).toBe(false);
    expect(fields.map(readValue)).toEqual(['monsieur', 'Martin', 'Lyon', 'marie', '', true]);
    expect(events).toContain('nom');
    expect(fields.filter(isDirty).map((f) => f.identity.name)).toEqual([
      'civilite',
      'nom',
      'situation',
      'attestation=oui',
    ]);
    expect(fieldOf(fields, must(doc.getElementById('m')))?.identity.name).toBe('civilite');
    expect(displayValue(by('situation'), 'marie')).toBe('Marié ou mariée');
    expect(displayValue(by('attestation=oui'), true)).toBe(true);
  });

  it('restores into empty fields and asks about what the site filled (end to end over the store)', async () => {
    const store = createProgressStore(freshDb());
    const p = await store.startOrGet({ guideId: 'g', origin: 'https://site.test', title: 'T' });
    const before = pageFields(page(FORM));
    const by = (name: string) => must(before.find((f) => f.identity.name === name));
    await store.saveMany([
      { procedureId: p.id, identity: by('nom').identity, value: 'Martin' },
      { procedureId: p.id, identity: by('commune').identity, value: 'Paris' },
      { procedureId: p.id, identity: by('pw').identity, value: 'x', descriptor: by('pw').descriptor },
    ]);
    const doc = page(FORM);
    const fields = pageFields(doc);
    const plan = await store.restorePlan(p.id, currentFields(fields));
    const first = decideRestore(plan, undefined);
    expect(first.kind).toBe('offer');
    expect(decideRestore(plan, 'declined').kind).toBe('none');
    const accepted = decideRestore(plan, 'accepted');
    if (accepted.kind !== 'fill') throw new Error('expected fill');
    expect(accepted.fill.map((i) => fields[i.index]?.identity.name)).toEqual(['nom']);
    expect(accepted.conflicts.map((c) => [fields[c.index]?.identity.name, c.currentValue, c.value])).toEqual([
      ['commune', 'Lyon', 'Paris'],
    ]);
    // Without the person's choice the site's value stays.
    expect(writesFor(accepted).map((w) => w.value)).toEqual(['Martin']);
    const commune = must(accepted.conflicts[0]).index;
    expect(writesFor(accepted, new Set([commune])).map((w) => w.value)).toEqual(['Martin', 'Paris']);
  });

  it('remembers the answer for the tab only, and survives blocked storage', () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
    expect(readAnswer(storage, 'p1')).toBeUndefined();
    writeAnswer(storage, 'p1', 'accepted');
    expect(readAnswer(storage, 'p1')).toBe('accepted');
    expect(readAnswer(storage, 'p2')).toBeUndefined();
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('x');
      },
      removeItem: () => {},
    };
    expect(() => writeAnswer(blocked, 'p1', 'declined')).not.toThrow();
    expect(readAnswer(blocked, 'p1')).toBeUndefined();
  });
});

describe('guide requirements', () => {
  it('lists the fill-in steps still missing, by the step title', async () => {
    const guide = {
      id: 'g',
      title: { fr: 'G' },
      documents: [],
      steps: [
        {
          id: 'nom',
          title: { fr: 'Votre nom' },
          target: { name: 'nom' },
          field: { describe: { fr: '' } },
          done: { kind: 'field-filled' },
        },
        {
          id: 'prenom',
          title: { fr: 'Votre prénom', en: 'Your first name' },
          target: { name: 'prenom' },
          field: { describe: { fr: '' } },
          done: { kind: 'field-filled' },
        },
        {
          id: 'suivant',
          title: { fr: 'Suivant' },
          target: { selector: 'button' },
          done: { kind: 'clicked' },
        },
      ],
    } as unknown as Guide;
    const store = createProgressStore(freshDb());
    const p = await store.startOrGet({ guideId: 'g', origin: 'https://site.test', title: 'T' });
    await store.saveField(p.id, { name: 'nom', formIndex: 0, position: 0, path: '/a.html' }, 'Martin');
    const [summary] = await store.listProcedures({ requirements: () => requirementsOf(guide, 'en') });
    expect(missingSteps(must(summary))).toEqual(['Your first name']);
    const [unknown] = await store.listProcedures();
    expect(missingSteps(must(unknown))).toBeNull();
  });
});

describe('public-computer configuration', () => {
  it('defaults to the vault defaults', () => {
    expect(PUBLIC_DEFAULTS.idleMinutes * 60_000).toBe(DEFAULT_IDLE_MS);
    expect(PUBLIC_DEFAULTS.maxHours * 3_600_000).toBe(DEFAULT_MAX_AGE_MS);
  });

  it('accepts flags and settings, clamps out-of-range values and reports them', () => {
    expect(parsePublicComputer('true').config.enabled).toBe(true);
    expect(parsePublicComputer(false).config.enabled).toBe(false);
    expect(parsePublicComputer({ idleMinutes: 5, maxHours: '3' }).config).toEqual({
      enabled: true,
      idleMinutes: 5,
      maxHours: 3,
    });
    const odd = parsePublicComputer({ idleMinutes: 500, maxHours: 'beaucoup' });
    expect(odd.config).toMatchObject({ idleMinutes: 60, maxHours: 8 });
    expect(odd.problems.map((p) => p.field)).toEqual(['idleMinutes', 'maxHours']);
    expect(parsePublicComputer('peut-être').problems).toEqual([{ field: 'enabled', code: 'invalid' }]);
  });

  it('is a widget option with fr/en problem messages', () => {
    expect(parseWidgetConfig({ publicComputer: 'true' }, [])).toMatchObject({
      config: { publicComputer: { enabled: true } },
      problems: [],
    });
    const bad = parseWidgetConfig({ publicComputer: 'peut-être' }, []);
    expect(bad.config.publicComputer?.enabled).toBe(false);
    expect(bad.problems[0]?.field).toBe('publicComputer');
    expect(bad.problems[0]?.message.fr).toMatch(/ordinateur public/);
    expect(bad.problems[0]?.message.en).toMatch(/public computer/);
    expect(parseWidgetConfig({}, []).config.publicComputer).toBeUndefined();
  });
});
