// @vitest-environment jsdom
/** The author line follows the panel's language (issue 13, problem 9). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { signal } from '@preact/signals';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { type PanelServices, ServicesContext } from '../../../components/app/services';
import { guidesMessages } from '../../../components/features/guides/messages';
import { TrustLine } from '../../../components/features/guides/parts';
import { parseGuide } from '../../../utils/guides/schema';
import { createTranslator, type Lang } from '../../../utils/i18n';

const translate = createTranslator(guidesMessages);
const hosts: HTMLElement[] = [];
afterEach(() => {
  for (const host of hosts.splice(0)) {
    render(null, host);
    host.remove();
  }
});

function line(lang: Lang, trust: 'builtin' | 'site' | 'unverified') {
  // Read from disk by path: under jsdom, import.meta.url-based helpers resolve against the page.
  const raw = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../fixtures/guides/valid-demo.json'), 'utf8'),
  );
  raw.publisher.name = { fr: 'Mairie d’Exemple', en: 'Exemple town hall', ar: 'بلدية إكزامبل' };
  const parsed = parseGuide(raw);
  if (!parsed.ok) throw new Error('the test guide must parse');
  const host = document.createElement('div');
  document.body.append(host);
  hosts.push(host);
  const services = { lang: signal(lang) } as unknown as PanelServices;
  render(
    <ServicesContext.Provider value={services}>
      <TrustLine guide={parsed.guide} trust={trust} t={(key, params) => translate(lang, key, params)} />
    </ServicesContext.Provider>,
    host,
  );
  return host.textContent ?? '';
}

describe('TrustLine', () => {
  it('names the author in the panel’s language', () => {
    expect(line('fr', 'builtin')).toContain('Auteur : Mairie d’Exemple.');
    expect(line('en', 'builtin')).toContain('Author: Exemple town hall.');
    const ar = line('ar', 'unverified');
    expect(ar).toContain('بلدية إكزامبل');
    expect(ar).not.toContain('Mairie');
  });

  it('says « Guide de ce site » for the embedding site’s own guides', () => {
    expect(line('fr', 'site')).toContain('Guide de ce site.');
    expect(line('ar', 'site')).toContain('دليل من هذا الموقع.');
  });
});
