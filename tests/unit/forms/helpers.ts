import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { discoverFields } from '../../../utils/forms/discover.ts';
import type { FieldInfo } from '../../../utils/forms/types.ts';

export const DSFR_EXAMPLES = join(process.cwd(), 'node_modules/@gouvfr/dsfr/example');
export const FIXTURE_PAGES = join(process.cwd(), 'tests/fixtures/pages');

export function dsfrPage(path: string): JSDOM {
  return new JSDOM(readFileSync(join(DSFR_EXAMPLES, path, 'index.html'), 'utf8'), {
    url: 'https://example.test/',
  });
}

export function fixturePage(name: string): JSDOM {
  return new JSDOM(readFileSync(join(FIXTURE_PAGES, name), 'utf8'), { url: 'https://example.test/' });
}

export function html(body: string): JSDOM {
  return new JSDOM(`<!doctype html><html lang="fr"><body>${body}</body></html>`, {
    url: 'https://example.test/',
  });
}

export function fieldById(fields: FieldInfo[], id: string): FieldInfo {
  const field = fields.find((f) => f.id === id || f.element.id === id);
  if (!field) throw new Error(`no field ${id} among ${fields.map((f) => f.key).join(', ')}`);
  return field;
}

export function fieldByName(fields: FieldInfo[], name: string): FieldInfo {
  const field = fields.find((f) => f.name === name);
  if (!field) throw new Error(`no field named ${name} among ${fields.map((f) => f.key).join(', ')}`);
  return field;
}

export function discover(dom: JSDOM): FieldInfo[] {
  return discoverFields(dom.window.document);
}
