import { describe, expect, it } from 'vitest';
import { bodyHasMore, stepLine } from '../../../utils/guides/step-line';

describe('a step in one line', () => {
  it('is the first sentence of its explanation, as plain text', () => {
    const body = 'Écrivez votre nom de famille. Mettez le nom que vous aviez à la naissance.';
    expect(stepLine(body)).toBe('Écrivez votre nom de famille.');
    expect(bodyHasMore(body, stepLine(body))).toBe(true);
    expect(stepLine('Il a **15 chiffres**. Il est écrit sur votre carte Vitale.')).toBe('Il a 15 chiffres.');
  });
  it('is the whole text when it is one sentence', () => {
    const body = 'Cochez **Madame** ou **Monsieur**.';
    expect(stepLine(body)).toBe('Cochez Madame ou Monsieur.');
    expect(bodyHasMore(body, stepLine(body))).toBe(false);
  });
  it('ends sentences in Arabic too', () => {
    expect(stepLine('ما اسمك؟ اكتب اسم العائلة.')).toBe('ما اسمك؟');
  });
  it('has no one-line form when the sentence introduces a list', () => {
    expect(stepLine('Préparez ces papiers :\n\n- Votre avis d’impôt\n- Votre RIB')).toBeNull();
    expect(stepLine('- Votre avis d’impôt\n- Votre RIB')).toBeNull();
  });
});
