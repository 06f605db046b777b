// @vitest-environment jsdom
/**
 * The side panel's guide view (RemoteGuides) says when the step's field cannot be pointed at with
 * certainty: « ambiguous » (several fields look alike) as well as « missing », with the field in
 * words, as the page's own panel does (issue 12: the side panel showed nothing for ambiguous).
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ServicesContext } from '../../../components/app/services';
import type { PageSnapshot } from '../../../components/features/guides/page-sync';
import { RemoteGuides } from '../../../components/features/guides/RemoteGuides';
import type { Guide } from '../../../utils/guides/format';
import { testServices } from '../panel-services';

const builtinGuide = () =>
  JSON.parse(
    // From the project's root (where vitest runs): the jsdom environment's module URLs are not files.
    readFileSync(join(process.cwd(), 'public/guides/fr.demo.aide-logement.json'), 'utf8'),
  ) as Guide;

function snapshot(target: 'ambiguous' | 'missing' | 'found'): PageSnapshot {
  const guide = builtinGuide();
  const index = guide.steps.findIndex((s) => s.field?.validator === 'fiscal-number');
  return {
    status: 'ready',
    matching: [{ guide, trust: 'builtin' }],
    current: {
      guideId: guide.id,
      index,
      total: guide.steps.length,
      finished: false,
      done: [],
      target,
      description:
        target === 'found' ? null : { kind: 'field', label: 'Numéro fiscal', under: 'Vos ressources' },
      check: null,
      answer: 'write',
    },
    ticked: [],
    key: `k-${target}`,
  };
}

async function show(target: 'ambiguous' | 'missing' | 'found') {
  // The tab in front answers its state; a 'watch' stays unanswered (nothing changes there).
  const send = vi.fn(async (_feature: string, command: unknown) =>
    (command as { action?: string }).action === 'watch' ? new Promise<never>(() => {}) : snapshot(target),
  );
  const services = testServices({
    context: 'sidepanel',
    frontPage: { tabId: async () => 7, windowId: async () => 1, send, onChange: () => () => {} },
  });
  const host = document.createElement('div');
  document.body.append(host);
  await act(async () => {
    render(
      <ServicesContext.Provider value={services}>
        <RemoteGuides />
      </ServicesContext.Provider>,
      host,
    );
  });
  await vi.waitFor(() => expect(host.querySelector('section[data-step]')).not.toBeNull());
  return host;
}

describe('RemoteGuides, a field it cannot point at', () => {
  it('says several fields look alike, and describes the field', async () => {
    const host = await show('ambiguous');
    expect(host.querySelector('[data-testid="guide-ambiguous"]')?.textContent).toContain('Plusieurs champs');
    expect(host.querySelector('[data-testid="guide-target-words"]')?.textContent).toBe(
      'Cherchez vous-même la case « Numéro fiscal », sous « Vos ressources ».',
    );
  });

  it('describes a missing field too, and says nothing of the kind for a found one', async () => {
    const missing = await show('missing');
    expect(missing.querySelector('[data-testid="guide-missing"]')).not.toBeNull();
    expect(missing.querySelector('[data-testid="guide-target-words"]')).not.toBeNull();
    const found = await show('found');
    expect(found.querySelector('[data-testid="guide-ambiguous"]')).toBeNull();
    expect(found.querySelector('[data-testid="guide-target-words"]')).toBeNull();
  });
});
