// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGuideService, type GuideService } from '../../../components/app/guide-service';
import { isOurs } from '../../../components/app/is-ours';
import { type Guide, parseGuide } from '../../../utils/guides/schema';

/** Two steps on fields « a » and « c »; « b » between them has none (an optional field). */
function guide(): Guide {
  const parsed = parseGuide({
    formatVersion: 1,
    id: 'fr.test.focus',
    version: '1.0.0',
    title: { fr: 'Essai' },
    summary: { fr: 'Essai' },
    publisher: { name: 'Test', url: 'https://exemple.fr' },
    matches: { urls: ['http://localhost/*'] },
    documents: [],
    glossary: [],
    steps: ['a', 'c'].map((id) => ({
      id,
      title: { fr: id },
      body: { fr: id },
      target: { id },
      done: { kind: 'field-filled' },
    })),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed));
  return parsed.guide;
}

const input = (id: string) => document.getElementById(id) as HTMLInputElement;

let service: GuideService | undefined;
afterEach(() => {
  service?.dispose();
  document.body.innerHTML = '';
  // The session keeps its step in the tab's storage: each test starts the guide afresh.
  sessionStorage.clear();
  vi.useRealTimers();
});

/** The person fills « a » and leaves it; `how` moves focus to « b » the way they did. */
function leaveAFor(how: 'tab' | 'other') {
  vi.useFakeTimers({ toFake: ['setTimeout'] });
  document.body.innerHTML = '<input id="a"><input id="b"><input id="c">';
  service = createGuideService({ doc: document, isOurs, sources: {} });
  const session = service.start(guide());
  expect(session.view().state.step?.id).toBe('a');
  input('a').focus();
  input('a').value = 'Martin';
  input('a').dispatchEvent(new Event('input', { bubbles: true }));
  if (how === 'tab') input('a').dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
  input('a').dispatchEvent(new Event('change', { bubbles: true }));
  input('b').focus();
  expect(session.view().state.step?.id).toBe('c');
  expect(session.view().element).toBe(input('c'));
  // The focus move is queued after the event that finished the step (a timer): run it now.
  vi.runOnlyPendingTimers();
}

describe('a step done on leaving its field moves focus only where the person did not choose', () => {
  it('an empty field reached by the Tab that finished the step is left for the next step’s field', () => {
    leaveAFor('tab');
    expect(document.activeElement?.id).toBe('c');
  });

  it('an empty field the person went to another way (screen reader, label, script) keeps focus', () => {
    leaveAFor('other');
    expect(document.activeElement?.id).toBe('b');
  });
});
