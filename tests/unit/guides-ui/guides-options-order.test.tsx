// @vitest-environment jsdom
/**
 * The options page's "Guides" section puts the trusted keys before the catalogs: a catalog added
 * before its key lists a tampered guide as merely "non vérifié" (issue 13, problem 12).
 */
import { signal } from '@preact/signals';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { type PanelServices, ServicesContext } from '../../../components/app/services';
import { GuidesOptions } from '../../../components/features/guides/GuidesOptions';
import { guidesOptionsMessages } from '../../../components/features/guides/options-messages';
import type { Lang } from '../../../utils/i18n';

const hosts: HTMLElement[] = [];
afterEach(() => {
  for (const host of hosts.splice(0)) {
    render(null, host);
    host.remove();
  }
});

function mount(lang: Lang): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  hosts.push(host);
  // The section only reads the language from the panel's services.
  const services = { lang: signal(lang) } as unknown as PanelServices;
  render(
    <ServicesContext.Provider value={services}>
      <GuidesOptions />
    </ServicesContext.Provider>,
    host,
  );
  return host;
}

describe('options page, guides section', () => {
  it.each(['fr', 'en', 'ar'] as const)('shows the trusted keys before the catalogs (%s)', (lang) => {
    const host = mount(lang);
    const headings = [...host.querySelectorAll('h3')].map((h) => h.textContent);
    const strings = guidesOptionsMessages[lang] ?? {};
    const keys = headings.indexOf(strings['gopt.keys.title'] ?? '');
    const catalogs = headings.indexOf(strings['gopt.catalog.title'] ?? '');
    expect(keys).toBeGreaterThanOrEqual(0);
    expect(catalogs).toBeGreaterThan(keys);
    // The key form too comes before the catalog form, in the keyboard's order.
    const forms = [...host.querySelectorAll('form')].map((f) => f.dataset.testid);
    expect(forms).toEqual(['key-form', 'catalog-form']);
  });
});
