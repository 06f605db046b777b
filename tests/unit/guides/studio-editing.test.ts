/**
 * The rules behind the studio tab's controls (utils/guides/studio/editing.ts, draft-store.ts):
 * what a pick adds, what a refused pick says, which choices a step offers, how edits become
 * patches, what is installed, and a draft kept in (and read back from) a page's storage.
 */
import { describe, expect, it } from 'vitest';
import {
  addPicked,
  addStep,
  addTerm,
  adviceGlossary,
  confirmedStep,
  DRAFT_KEY,
  dateRulePatch,
  doneKindsFor,
  loadDraft,
  newDraft,
  pickFailureKey,
  saveDraft,
  targetLabel,
  textPatch,
  textToInstall,
  updateStep,
  validatorPatch,
  whenPatch,
} from '../../../utils/guides/studio/index.ts';

const PICKED = {
  ok: true as const,
  kind: 'field' as const,
  clues: { id: 'nom', name: 'nom', label: 'Nom de naissance', tag: 'input', type: 'text' },
  page: { url: 'http://127.0.0.1:8000/aide-logement/identite.html', heading: 'Votre identité' },
};

function memoryStore() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('what the studio tab does with a pick', () => {
  it('adds the picked field as the last step, with its page folder among the addresses', () => {
    const first = addPicked(null, PICKED);
    expect(first.draft.steps).toHaveLength(1);
    expect(first.draft.urls).toEqual(['http://127.0.0.1/aide-logement/*']);
    expect(first.key).toBe(first.draft.steps[0]?.key);
    expect(first.title).toBe('Nom de naissance');
    const second = addPicked(first.draft, {
      ...PICKED,
      clues: { ...PICKED.clues, id: 'prenom', name: 'prenom', label: 'Prénom' },
    });
    expect(second.draft.steps.map((s) => s.id)).toEqual(['nom', 'prenom']);
    expect(second.key).toBe(second.draft.steps[1]?.key);
    expect(second.draft.urls).toHaveLength(1);
  });

  it('says why a pick gave nothing', () => {
    expect(pickFailureKey(null)).toBe('studio.noPage');
    expect(pickFailureKey({ ok: false, reason: 'no-page' })).toBe('studio.noPage');
    expect(pickFailureKey({ ok: false, reason: 'cancelled' })).toBe('studio.cancelled');
    expect(pickFailureKey({ ok: false, reason: 'sensitive' })).toBe('studio.refused.sensitive');
    expect(pickFailureKey({ ok: false, reason: 'not-a-target' })).toBe('studio.refused.not-a-target');
    // A malformed answer from the background is no page, not "refused.undefined".
    expect(pickFailureKey({ ok: false } as never)).toBe('studio.noPage');
  });
});

describe('a step’s choices and edits', () => {
  const draft = addStep(addPicked(null, PICKED).draft, confirmedStep('Préparez vos papiers'));
  const [field, confirmed] = draft.steps as [(typeof draft.steps)[0], (typeof draft.steps)[0]];

  it('names a target by its label, else its accessible name, else its name', () => {
    expect(targetLabel(field)).toBe('Nom de naissance');
    expect(targetLabel(confirmed)).toBeNull();
    const clues = (c: object) => ({ ...field, target: { kind: null, clues: c } });
    expect(targetLabel(clues({ accessibleName: 'Nom', name: 'n' }))).toBe('Nom');
    expect(targetLabel(clues({ name: 'n' }))).toBe('n');
    expect(targetLabel(clues({}))).toBe('?');
  });

  it('offers a step with nothing to point at only « confirmed » and « page changed »', () => {
    expect(doneKindsFor(confirmed)).toEqual(['page-changed', 'confirmed']);
    expect(doneKindsFor(field)).toEqual([
      'field-filled',
      'field-valid',
      'clicked',
      'page-changed',
      'confirmed',
    ]);
  });

  it('keeps a date rule on a date only, and reads the date rule select', () => {
    const dated = { ...field, validator: 'date' as const, dateRule: 'past' as const };
    expect(validatorPatch(dated, 'date')).toEqual({ validator: 'date', dateRule: 'past' });
    expect(validatorPatch(dated, 'iban')).toEqual({ validator: 'iban', dateRule: null });
    expect(validatorPatch(dated, '')).toEqual({ validator: null, dateRule: null });
    expect(dateRulePatch('future')).toEqual({ dateRule: 'future' });
    expect(dateRulePatch('any')).toEqual({ dateRule: null });
    expect(dateRulePatch('<script>')).toEqual({ dateRule: null });
  });

  it('patches one part of the page condition, one language of a text', () => {
    const withWhen = { ...field, when: { urlPattern: 'http://x/*', headingText: 'Votre identité' } };
    expect(whenPatch(withWhen, 'headingText', '')).toEqual({
      when: { urlPattern: 'http://x/*', headingText: undefined },
    });
    expect(whenPatch({ ...field, when: null }, 'urlPattern', 'http://y/*')).toEqual({
      when: { urlPattern: 'http://y/*' },
    });
    const patched = updateStep(draft, field.key, textPatch(field, 'title', 'ar', 'الاسم'));
    expect(patched.steps[0]?.title).toEqual({ fr: field.title.fr, en: '', ar: 'الاسم' });
  });

  it('looks for the guide’s own terms first, then the project’s', () => {
    const withTerm = addTerm(draft, 'CAF', 'Caisse d’allocations familiales');
    expect(adviceGlossary(withTerm, [{ term: 'RIB', definition: 'relevé' }])).toEqual([
      { term: 'CAF', definition: 'Caisse d’allocations familiales' },
      { term: 'RIB', definition: 'relevé' },
    ]);
    expect(adviceGlossary(null, [])).toEqual([]);
  });

  it('installs the signed text when signing worked, else the guide as exported', () => {
    expect(textToInstall('plain', { ok: true, text: 'signed' })).toBe('signed');
    expect(textToInstall('plain', { ok: false })).toBe('plain');
    expect(textToInstall('plain', { ok: true, text: '' })).toBe('plain');
    expect(textToInstall('plain', null)).toBe('plain');
  });
});

describe('the draft kept in the page’s storage', () => {
  it('is written at each change, read back, and removed when discarded', () => {
    const store = memoryStore();
    const draft = addPicked(newDraft({ title: 'Aide' }), PICKED).draft;
    saveDraft(store, draft);
    expect(loadDraft(store)).toEqual(draft);
    saveDraft(store, null);
    expect(store.data.has(DRAFT_KEY)).toBe(false);
    expect(loadDraft(store)).toBeNull();
  });

  it('reads a damaged or foreign value as no draft, and survives a refused storage', () => {
    const store = memoryStore();
    store.setItem(DRAFT_KEY, '{not json');
    expect(loadDraft(store)).toBeNull();
    store.setItem(DRAFT_KEY, '{"steps":"no"}');
    expect(loadDraft(store)).toBeNull();
    expect(loadDraft(undefined)).toBeNull();
    const full = {
      ...store,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(() => saveDraft(full, newDraft())).not.toThrow();
  });
});
