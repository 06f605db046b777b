// @vitest-environment jsdom
/** The panel's words for a field it cannot point at: ambiguous or missing, never for a found field. */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { guidesMessages } from '../../../components/features/guides/messages';
import { TargetWords } from '../../../components/features/guides/TargetWords';
import { translate } from '../../../utils/i18n';

const t = (key: string, params?: Record<string, string | number>) =>
  translate(guidesMessages, 'fr', key, params);
const description = { kind: 'field' as const, label: 'Numéro fiscal', under: 'Vos revenus' };

describe('TargetWords', () => {
  it('says several fields look alike and describes the field, highlighting nothing', () => {
    const box = document.createElement('div');
    render(<TargetWords view={{ target: 'ambiguous', description }} t={t} />, box);
    expect(box.querySelector('[data-testid="guide-ambiguous"]')?.textContent).toContain('Plusieurs champs');
    expect(box.querySelector('[data-testid="guide-target-words"]')?.textContent).toBe(
      'Cherchez vous-même la case « Numéro fiscal », sous « Vos revenus ».',
    );
  });

  it('describes a missing field, and says nothing for a found one', () => {
    const box = document.createElement('div');
    render(<TargetWords view={{ target: 'missing', description }} t={t} />, box);
    expect(box.querySelector('[data-testid="guide-ambiguous"]')).toBeNull();
    expect(box.querySelector('[data-testid="guide-target-words"]')).not.toBeNull();
    render(<TargetWords view={{ target: 'found', description: null }} t={t} />, box);
    expect(box.textContent).toBe('');
  });
});
