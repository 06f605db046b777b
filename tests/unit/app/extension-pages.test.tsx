// @vitest-environment jsdom
/**
 * "Mes démarches" and our PIN frame are composed from the registry (FeatureDefinition.pages): the
 * pages name no feature, and show what the registered features contribute — here the progress
 * feature's list of procedures and its shared-computer frame, which stays inert when unclaimed.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServicesContext } from '../../../components/app/services';
import { features } from '../../../components/features';
import { DemarchesPage } from '../../../components/pages/DemarchesPage';
import { SessionPage } from '../../../components/pages/SessionPage';
import type { ProgressClient } from '../../../utils/progress/types';
import { testServices } from '../panel-services';

/** The views load their chunks on first use: seconds on a busy machine. */
const LOADED = { timeout: 15_000 };

afterEach(() => {
  render(null, document.body);
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

function mount(page: preact.JSX.Element, storage: () => Promise<ProgressClient>) {
  const host = document.createElement('div');
  document.body.append(host);
  const services = testServices({ context: 'sidepanel', storage });
  render(<ServicesContext.Provider value={services}>{page}</ServicesContext.Provider>, host);
  return host;
}

describe('extension pages composed from the registry', () => {
  it('the registry says which features have a view in each page', () => {
    const withView = (page: 'demarches' | 'session') =>
      features
        .all()
        .filter((f) => f.pages?.[page])
        .map((f) => f.id);
    expect(withView('demarches')).toEqual(['progress']);
    expect(withView('session')).toEqual(['progress']);
  });

  it('"Mes démarches" shows the progress feature’s view, titled, with every site’s list', async () => {
    const list = vi.fn(async () => []);
    const client = { list, mode: async () => ({ kind: 'clear' }) } as unknown as ProgressClient;
    const host = mount(<DemarchesPage announcement={{ value: '' }} />, () => Promise.resolve(client));
    await vi.waitFor(() => expect(host.querySelector('h1')?.textContent).toBe('Mes démarches'), LOADED);
    // Set by an effect, which runs after the paint.
    await vi.waitFor(() => expect(document.title).toBe('Mes démarches — Pas à pas'));
    await vi.waitFor(() => expect(list).toHaveBeenCalled(), LOADED);
  });

  it('an unclaimed PIN frame says it is not ours and calls nothing', async () => {
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        disconnect() {}
      },
    );
    const storage = vi.fn(() => Promise.reject(new Error('not claimed')));
    const host = mount(<SessionPage view="tab" claimed={false} announcement={{ value: '' }} />, storage);
    await vi.waitFor(
      () => expect(host.querySelector('[data-testid="session-refused"]')?.getAttribute('role')).toBe('alert'),
      LOADED,
    );
    expect(host.querySelector('[data-testid="session-page"]')?.getAttribute('data-claimed')).toBe('false');
    expect(storage).not.toHaveBeenCalled();
  });
});
