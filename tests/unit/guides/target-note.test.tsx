// @vitest-environment jsdom
/** The panel says why it does not point at a secret field, in the person's language. */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { guidesMessages } from '../../../components/features/guides/messages';
import { TargetNote } from '../../../components/features/guides/parts';

const t = (key: string) => (guidesMessages.fr as Record<string, string>)[key] ?? key;

describe('TargetNote', () => {
  it('a secret field gets its own plain message, not "not found"', () => {
    const box = document.createElement('div');
    render(<TargetNote target="sensitive" notFound={false} t={t} />, box);
    expect(box.querySelector('[data-testid="guide-sensitive"]')?.textContent).toContain('secret');
    expect(box.querySelector('[data-testid="guide-missing"]')).toBeNull();
    render(<TargetNote target="missing" notFound={false} t={t} />, box);
    expect(box.querySelector('[data-testid="guide-missing"]')).not.toBeNull();
    expect(box.querySelector('[data-testid="guide-sensitive"]')).toBeNull();
  });

  it('the message exists in French, English and Arabic', () => {
    for (const lang of ['fr', 'en', 'ar'] as const)
      expect((guidesMessages[lang] as Record<string, string>)['guides.sensitive']).toBeTruthy();
  });
});
