import { describe, expect, it } from 'vitest';
import { errorMessage, progressMessages } from '../../../components/features/progress/messages';
import { ProgressError } from '../../../utils/progress/errors';
import { WrongPinError } from '../../../utils/storage/errors';
import { withoutExtraPluralForms } from '../plural-keys';

describe('progress messages', () => {
  it('has every French key in English and Arabic', () => {
    const fr = Object.keys(progressMessages.fr);
    expect(withoutExtraPluralForms(progressMessages.fr, progressMessages.en).sort()).toEqual([...fr].sort());
    expect(withoutExtraPluralForms(progressMessages.fr, progressMessages.ar).sort()).toEqual([...fr].sort());
  });

  it('turns our errors, the storage errors and anything else into a plain message', () => {
    expect(errorMessage('fr', new ProgressError('pin-needed'))).toMatch(/code secret/);
    expect(errorMessage('en', new WrongPinError())).toMatch(/not the right code/);
    expect(errorMessage('fr', new TypeError('x'))).toBe(progressMessages.fr['progress.error.failed']);
  });
});
