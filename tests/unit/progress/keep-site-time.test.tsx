// @vitest-environment jsdom
/** « Réponses gardées à 14:04. »: the hour through Intl.DateTimeFormat in the panel's language (issue 13, problem 10). */
import { signal } from '@preact/signals';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { type PanelServices, ServicesContext } from '../../../components/app/services';
import type { Agent } from '../../../components/features/progress/agent';
import { KeepSite } from '../../../components/features/progress/KeepSite';
import { progressMessages } from '../../../components/features/progress/messages';
import { createTranslator, type Lang } from '../../../utils/i18n';

const translate = createTranslator(progressMessages);
const hosts: HTMLElement[] = [];
afterEach(() => {
  for (const host of hosts.splice(0)) {
    render(null, host);
    host.remove();
  }
});

function savedLine(lang: Lang, at: number): string {
  const host = document.createElement('div');
  document.body.append(host);
  hosts.push(host);
  // Only what the "saved at" line reads from the agent.
  const agent = {
    target: signal(document.body),
    procedure: signal('aide-logement'),
    savedAt: signal(at),
  } as unknown as Agent;
  render(
    <ServicesContext.Provider value={{ lang: signal(lang) } as unknown as PanelServices}>
      <KeepSite
        agent={agent}
        t={(key, params) => translate(lang, key, params)}
        onDone={() => {}}
        act={async () => {}}
      />
    </ServicesContext.Provider>,
    host,
  );
  return host.querySelector('[data-testid="saved-at"]')?.textContent ?? '';
}

describe('the time the answers were kept', () => {
  const at = new Date(2026, 11, 2, 14, 4, 37).getTime();
  it.each(['fr', 'en', 'ar'] as const)(
    'is the hour in the panel’s language (%s), without seconds',
    (lang) => {
      const hour = new Intl.DateTimeFormat(lang, { timeStyle: 'short' }).format(at);
      expect(savedLine(lang, at)).toContain(hour);
      expect(savedLine(lang, at)).not.toContain('37');
    },
  );
  it('reads « Réponses gardées à 14:04. » in French', () => {
    expect(savedLine('fr', at)).toBe('Réponses gardées à 14:04.');
  });
});
