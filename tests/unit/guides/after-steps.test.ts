import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseGuide } from '../../../utils/guides/schema.ts';
import { demoGuide } from './helpers.ts';

const afterStep = (id: string) => ({
  id,
  title: { fr: 'La caisse vous répond' },
  body: { fr: 'Vous recevez la réponse par courrier.' },
  delay: { fr: 'Environ 2 mois', ar: 'حوالي شهرين' },
});

describe('guide afterSteps, help and publisher.contact', () => {
  it('accepts what happens next, helplines, services and a contact', () => {
    const guide = demoGuide();
    guide.publisher.contact = 'guides@exemple.fr';
    guide.afterSteps = [afterStep('reponse'), { ...afterStep('pieces'), deadline: { fr: 'Sous 15 jours' } }];
    guide.help = {
      services: ['Aide aux démarches administratives'],
      helplines: [
        { id: 'ligne', name: { fr: 'Ligne d’aide' }, phone: '3230', hours: { fr: 'De 9 h à 16 h' } },
      ],
    };
    const result = parseGuide(guide);
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (result.ok) {
      expect(result.guide.afterSteps?.[1]?.deadline?.fr).toBe('Sous 15 jours');
      expect(result.guide.help?.helplines?.[0]?.phone).toBe('3230');
    }
  });

  it('says where each mistake is', () => {
    const guide = demoGuide();
    guide.publisher.contact = 'écrivez-nous';
    guide.afterSteps = [
      afterStep('a'),
      afterStep('a'),
      { id: 'b', title: { fr: '' }, body: { fr: 'x' }, oops: 1 },
    ];
    guide.help = {
      helplines: [
        { id: 'l', name: { fr: 'Sans moyen' } },
        { id: 'm', name: { fr: 'Lettres' }, phone: 'appelez' },
      ],
    };
    const result = parseGuide(guide);
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((e) => `${e.path} ${e.code}`);
    // Structure first (valibot stops there), then the whole-guide checks once the structure holds.
    expect(paths).toEqual(
      expect.arrayContaining([
        '$.afterSteps[2].title.fr required',
        '$.afterSteps[2].oops unknown-property',
        '$.help.helplines[1].phone bad-format',
      ]),
    );
    guide.afterSteps.pop();
    guide.help.helplines.pop();
    const second = parseGuide(guide);
    const codes = second.ok ? [] : second.errors.map((e) => `${e.path} ${e.code}`);
    expect(codes).toEqual([
      '$.publisher.contact bad-contact',
      '$.afterSteps[1].id duplicate-id',
      '$.help.helplines[0].phone helpline-empty',
    ]);
    if (!second.ok) expect(second.errors[0]?.message.fr).toContain('adresse e-mail');
  });

  it('takes an https address as contact, not a plain http one', () => {
    const guide = demoGuide();
    guide.publisher.contact = 'https://exemple.fr/contact';
    expect(parseGuide(guide).ok).toBe(true);
    guide.publisher.contact = 'http://exemple.fr/contact';
    expect(parseGuide(guide).ok).toBe(false);
  });
});

describe('pasapas guide validate', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'pasapas-after-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('reports afterSteps and help problems with their path', () => {
    const guide = demoGuide();
    guide.afterSteps = [afterStep('x'), afterStep('x')];
    const file = join(dir, 'g.json');
    writeFileSync(file, JSON.stringify(guide));
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const out = spawnSync(process.execPath, [join(root, 'bin/pasapas.js'), 'guide', 'validate', file], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('$.afterSteps[1].id: L’identifiant « x » est déjà utilisé.');
  });
});
