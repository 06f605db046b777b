import { describe, expect, it } from 'vitest';
import { randomBytes } from '../../../utils/crypto/bytes.ts';
import {
  FeedbackFileError,
  feedbackCsv,
  feedbackFile,
  feedbackJson,
  makeNote,
  notesByStep,
  parseFeedbackFile,
} from '../../../utils/feedback/notes.ts';
import { createFeedbackStore } from '../../../utils/feedback/store.ts';
import { REMOVED, stripPersonal } from '../../../utils/feedback/strip.ts';
import { cipherOf, importDataKeys } from '../../../utils/storage/data-key.ts';

describe('stripPersonal', () => {
  it.each([
    ['mon IBAN FR76 3000 6000 0112 3456 7890 189 ne passe pas', 'mon IBAN [retiré] ne passe pas'],
    ['IBAN FR7630006000011234567890189.', 'IBAN [retiré].'],
    ['un IBAN faux FR76 3000 6000 0112 3456 7890 999', 'un IBAN faux [retiré]'],
    ['NIR 2 84 05 75 112 345 28 refusé', 'NIR [retiré] refusé'],
    ['numéro 284057511234528', 'numéro [retiré]'],
    ['Corse 2 84 05 2A 112 345 28', 'Corse [retiré]'],
    ['écrire à lea.martin@exemple.fr svp', 'écrire à [retiré] svp'],
    ['appelez le 06 12 34 56 78', 'appelez le [retiré]'],
    ['ou +33 6 12 34 56 78', 'ou [retiré]'],
    ['fiscal 3023217600053', 'fiscal [retiré]'],
    [
      'Le bouton Suivant ne marche pas à l’étape 2 sur 6.',
      'Le bouton Suivant ne marche pas à l’étape 2 sur 6.',
    ],
    ['Code postal 75011, en 2026', 'Code postal 75011, en 2026'],
  ])('%s', (input, output) => {
    expect(stripPersonal(input).text).toBe(output);
  });

  it('counts what it removed and bounds the length', () => {
    const result = stripPersonal(`a@b.fr et 0612345678 ${'x'.repeat(400)}`);
    expect(result.removed).toBe(2);
    expect(result.text.length).toBe(300);
    expect(result.text.startsWith(`${REMOVED} et ${REMOVED}`)).toBe(true);
  });
});

describe('feedback notes', () => {
  const date = new Date('2026-12-02T15:30:00Z');
  const note = (stepId: string, comment: string) =>
    makeNote({ guideId: 'fr.demo.aide-logement', guideVersion: '1.0.0', stepId, comment, date }).note;

  it('keeps the day, never the time, and a stripped comment', () => {
    const made = makeNote({
      guideId: 'fr.demo.aide-logement',
      guideVersion: '1.0.0',
      stepId: 'nir',
      comment: 'Le mien 284057511234528 est refusé',
      date,
    });
    expect(made).toEqual({
      note: {
        guideId: 'fr.demo.aide-logement',
        guideVersion: '1.0.0',
        stepId: 'nir',
        day: '2026-12-02',
        comment: 'Le mien [retiré] est refusé',
      },
      removed: 1,
    });
  });

  it('exports a guide’s notes as JSON and CSV, and the JSON reads back', () => {
    const notes = [
      note('nir', 'Trop long, "clé" ?'),
      note('iban', '=1+1'),
      { ...note('x', 'autre'), guideId: 'fr.autre.g' },
    ];
    const file = feedbackFile(
      { id: 'fr.demo.aide-logement', version: '1.0.0', contact: 'guides@demo.fr' },
      notes,
    );
    expect(file.notes).toHaveLength(2);
    const csv = feedbackCsv(file);
    expect(csv.split('\r\n')).toEqual([
      'guideId,guideVersion,stepId,day,comment',
      'fr.demo.aide-logement,1.0.0,nir,2026-12-02,"Trop long, ""clé"" ?"',
      `fr.demo.aide-logement,1.0.0,iban,2026-12-02,"'=1+1"`,
      '',
    ]);
    const back = parseFeedbackFile(feedbackJson(file));
    expect(back).toEqual(file);
    expect([...notesByStep(back.notes).keys()]).toEqual(['nir', 'iban']);
  });

  it('refuses what is not a feedback file, with a typed error', () => {
    const code = (text: string) => {
      try {
        parseFeedbackFile(text);
        return 'read';
      } catch (error) {
        expect(error).toBeInstanceOf(FeedbackFileError);
        return (error as FeedbackFileError).code;
      }
    };
    expect(code('{')).toBe('not-json');
    expect(code('{"formatVersion":1,"id":"fr.x.y"}')).toBe('not-feedback');
    expect(
      code(
        JSON.stringify({
          format: 'pasapas-feedback',
          version: 1,
          guideId: 'a.b',
          guideVersion: '1',
          notes: [{ stepId: 1 }],
        }),
      ),
    ).toBe('not-feedback');
  });

  it('strips again what a hand-edited file carries', () => {
    const file = {
      format: 'pasapas-feedback',
      version: 1,
      guideId: 'a.b',
      guideVersion: '1',
      notes: [{ guideId: 'a.b', guideVersion: '1', stepId: 's', day: '2026-12-01', comment: 'mail a@b.fr' }],
    };
    expect(parseFeedbackFile(JSON.stringify(file)).notes[0]?.comment).toBe('mail [retiré]');
  });
});

describe('feedback store', () => {
  const memoryBox = () => {
    let value: unknown;
    return {
      box: {
        read: async () => value,
        write: async (v: unknown) => {
          value = v;
        },
      },
      peek: () => value,
    };
  };
  const keyOf = async () => cipherOf(await importDataKeys(randomBytes(64)));
  const date = new Date('2026-12-02T10:00:00Z');
  const n = (guideId: string, comment: string) =>
    makeNote({ guideId, guideVersion: '1.0.0', stepId: 'nom', comment, date }).note;

  it('keeps notes sealed, lists them per guide, clears one guide', async () => {
    const { box, peek } = memoryBox();
    const key = await keyOf();
    const store = createFeedbackStore(box, async () => key);
    await Promise.all([store.add(n('a.b', 'Madame Dupont ne comprend pas')), store.add(n('c.d', 'flou'))]);
    expect(JSON.stringify(peek())).not.toContain('Dupont');
    expect((await store.list('a.b')).map((x) => x.comment)).toEqual(['Madame Dupont ne comprend pas']);
    expect(await store.list()).toHaveLength(2);
    expect(await store.clear('a.b')).toBe(1);
    expect((await store.list()).map((x) => x.guideId)).toEqual(['c.d']);
  });

  it('reads nothing once the key is gone (a wipe)', async () => {
    const { box } = memoryBox();
    let key: Awaited<ReturnType<typeof keyOf>> | null = await keyOf();
    const store = createFeedbackStore(box, async (create) => {
      if (!key && create) key = await keyOf();
      return key;
    });
    await store.add(n('a.b', 'x'));
    key = null;
    expect(await store.list()).toEqual([]);
    await store.add(n('a.b', 'y'));
    expect((await store.list()).map((x) => x.comment)).toEqual(['y']);
  });
});
