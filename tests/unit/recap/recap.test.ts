import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseGuideText } from '../../../utils/guides/schema.ts';
import { buildRecap, type RecapInput, sensitiveNumbers } from '../../../utils/recap/recap.ts';

const file = fileURLToPath(new URL('../../../public/guides/fr.demo.aide-logement.json', import.meta.url));
const parsed = parseGuideText(readFileSync(file, 'utf8'));
if (!parsed.ok) throw new Error('demo guide invalid');
const guide = parsed.guide;

const input = (more: Partial<RecapInput> = {}): RecapInput => ({
  guide,
  lang: 'fr',
  date: new Date('2026-12-02T10:00:00Z'),
  done: new Set(['bienvenue', 'civilite', 'nom']),
  finished: false,
  sent: new Set(),
  numbers: [],
  shown: new Set(),
  ...more,
});

describe('buildRecap', () => {
  it('says what is done, what is left, the papers, what comes next and the helplines', () => {
    const recap = buildRecap(input({ sent: new Set(['rib']) }));
    expect(recap.title).toBe('Demande d’aide au logement (démo)');
    expect(recap.date).toBe('2 décembre 2026');
    expect(recap.done.map((s) => s.id)).toEqual(['bienvenue', 'civilite', 'nom']);
    expect(recap.left[0]?.id).toBe('prenom');
    expect(recap.left).toHaveLength(guide.steps.length - 3);
    expect(recap.documents.map((d) => d.id)).not.toContain('rib');
    expect(recap.documents.map((d) => d.id)).toContain('avis-impot');
    expect(recap.next.map((n) => n.delay)).toEqual([
      'Dans les minutes qui suivent',
      undefined,
      'Environ 2 mois',
    ]);
    expect(recap.deadlines).toEqual([
      {
        id: 'pieces-manquantes',
        title: 'Envoyez les papiers qui manquent',
        deadline: 'Dans les 15 jours après le courrier',
      },
    ]);
    expect(recap.helplines[0]).toMatchObject({
      phone: '01 99 00 00 00',
      hours: 'Du lundi au vendredi, de 9 h à 16 h',
    });
  });

  it('speaks the person’s language, French where the guide has no translation', () => {
    const recap = buildRecap(input({ lang: 'ar' }));
    expect(recap.title).toBe('طلب مساعدة السكن (تجريبي)');
    expect(recap.next[2]?.delay).toBe('حوالي شهرين');
    expect(recap.date).toMatch(/2026|٢٠٢٦/);
  });

  it('leaves nothing to do once the procedure is finished', () => {
    expect(buildRecap(input({ finished: true })).left).toEqual([]);
  });

  it('prints a sensitive number only when the person ticked it, and counts the others', () => {
    const numbers = [
      { stepId: 'iban', kind: 'iban' as const, value: 'FR76 3000 6000 0112 3456 7890 189' },
      { stepId: 'nir', kind: 'nir' as const, value: '269054958815780' },
      { stepId: 'nom', kind: 'iban' as const, value: 'not a sensitive step? still an iban kind' },
      { stepId: 'unknown', kind: 'nir' as const, value: '1' },
      { stepId: 'code-postal', kind: 'postcode' as const, value: '69001' },
    ];
    expect(sensitiveNumbers(guide, numbers).map((n) => n.stepId)).toEqual(['nom', 'nir', 'iban']);
    const none = buildRecap(input({ numbers }));
    expect(none.numbers).toEqual([]);
    expect(none.numbersLeftOut).toBe(3);
    expect(JSON.stringify(none)).not.toContain('269054958815780');
    const one = buildRecap(input({ numbers, shown: new Set(['iban']) }));
    expect(one.numbers).toEqual([
      { id: 'iban', title: expect.any(String), value: 'FR76 3000 6000 0112 3456 7890 189' },
    ]);
    expect(one.numbersLeftOut).toBe(2);
    expect(JSON.stringify(one)).not.toContain('269054958815780');
  });

  it('copes with a guide that declares nothing after its steps', () => {
    const bare = { ...guide, afterSteps: undefined, help: undefined };
    const recap = buildRecap(input({ guide: bare }));
    expect(recap.next).toEqual([]);
    expect(recap.deadlines).toEqual([]);
    expect(recap.helplines).toEqual([]);
  });
});
