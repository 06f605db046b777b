/**
 * The three built-in guides against the demo site they were written for: they parse, every step
 * applies to exactly one page, every target resolves there (shadow root and iframe included),
 * every field of the site is covered, and every example is accepted by both Pas à pas and the site.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { JSDOM, requestInterceptor } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CANTINE_FIELDS, type DemoField, PROCEDURES } from '../../../demo/procedures.js';
import { type DemoServer, startDemoServer } from '../../../demo/server.js';
import { checkValue } from '../../../demo/site/assets/checks.js';
import { parseCatalog } from '../../../utils/guides/catalog.ts';
import type { Guide, Step } from '../../../utils/guides/format.ts';
import { stepApplies } from '../../../utils/guides/match.ts';
import { parseGuide } from '../../../utils/guides/schema.ts';
import { resolveTarget } from '../../../utils/guides/target.ts';
import { validate } from '../../../utils/validators/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const GUIDES_DIR = path.join(ROOT, 'public/guides');

type Seen = { url: string; resolvedName?: string | null; resolved: boolean };
type Report = Map<string, Seen[]>;

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

function loadGuide(file: string): Guide {
  const result = parseGuide(JSON.parse(readFileSync(path.join(GUIDES_DIR, file), 'utf8')));
  if (!result.ok)
    throw new Error(`${file}: ${result.errors.map((e) => `${e.path} ${e.message.en}`).join('; ')}`);
  return result.guide;
}

/** Loads a server-rendered page with its same-origin iframes (stylesheets skipped, scripts not run). */
async function loadPage(url: string): Promise<Document> {
  const dom = await JSDOM.fromURL(url, {
    resources: {
      interceptors: [
        requestInterceptor((_request, { element }) =>
          element?.localName === 'link'
            ? new Response('', { headers: { 'content-type': 'text/css' } })
            : undefined,
        ),
      ],
    },
  });
  const doc = dom.window.document;
  if (doc.readyState !== 'complete')
    await new Promise((resolve) => dom.window.addEventListener('load', resolve));
  return doc;
}

/** Records, for each step, on which pages it applies and whether its target resolves there. */
function observe(report: Report, steps: Step[], url: string, doc: Document) {
  const pageUrl = doc.location?.href ?? url;
  for (const step of steps) {
    if (!stepApplies(step, { url: pageUrl, document: doc })) continue;
    const found = step.target ? resolveTarget(step.target, doc) : null;
    const seen: Seen = { url: pageUrl, resolved: step.target ? found !== null : true };
    if (found) seen.resolvedName = found.element.getAttribute('name');
    report.set(step.id, [...(report.get(step.id) ?? []), seen]);
  }
}

function expectEveryStepPlaced(guide: Guide, report: Report) {
  for (const step of guide.steps) {
    const seen = report.get(step.id) ?? [];
    // Exactly one page: a step that applies to several pages would make the guide jump around.
    expect(
      seen.map((s) => s.url),
      `step ${step.id}`,
    ).toHaveLength(1);
    expect(seen[0]?.resolved, `target of step ${step.id} on ${seen[0]?.url}`).toBe(true);
    if (step.target?.name) expect(seen[0]?.resolvedName, `step ${step.id}`).toBe(step.target.name);
  }
}

/** Each example is accepted by our validator and by the site's own check (or is one of its options). */
function expectExamplesAccepted(guide: Guide, fields: DemoField[]) {
  for (const step of guide.steps) {
    const example = step.field?.example;
    const name = step.target?.name;
    if (!example || !name) continue;
    if (step.field?.validator) {
      const result = validate(step.field.validator, example, step.field.dateRule);
      expect(result.valid, `${step.id}: ${example} (${result.code})`).toBe(true);
    }
    const def = fields.find((f) => f.name === name);
    expect(def, `site field for ${name}`).toBeDefined();
    if (!def) continue;
    if (def.options) expect(def.options.map(([, label]) => label)).toContain(example);
    else expect(checkValue(def, example), `${step.id}: ${example}`).toBeNull();
  }
}

function expectAllFieldsCovered(guide: Guide, fields: DemoField[]) {
  const targeted = new Set(guide.steps.map((s) => s.target?.name).filter(Boolean));
  // Secret fields (passwords) are never targeted by a guide: its text speaks of them instead.
  const missing = fields.filter((f) => !f.sensitive && !targeted.has(f.name)).map((f) => f.name);
  expect(missing).toEqual([]);
}

const PAGES = {
  'aide-logement': [
    '',
    'identite.html',
    'foyer.html',
    'ressources.html',
    'banque.html',
    'documents.html',
    'recapitulatif.html',
    'confirmation.html',
  ],
  emploi: ['', 'identite.html', 'contact.html', 'situation.html', 'compte.html', 'confirmation.html'],
} as const;

describe('built-in guides on the demo site', () => {
  for (const id of ['aide-logement', 'emploi'] as const) {
    it(`fr.demo.${id}: every step placed on one page, targets resolved, fields covered, examples accepted`, async () => {
      const guide = loadGuide(`fr.demo.${id}.json`);
      const report: Report = new Map();
      const withoutWidget: Report = new Map();
      for (const slug of PAGES[id]) {
        const url = `${server.url}/${id}/${slug}`;
        observe(report, guide.steps, url, await loadPage(url));
        observe(withoutWidget, guide.steps, url, await loadPage(`${url}?widget=0`));
      }
      // Without the widget (as the extension tests load pages), steps land on the same pages.
      const pagesOf = (r: Report) =>
        [...r].map(([step, seen]) => [step, seen.map((s) => s.url.replace(/\?.*$/, ''))]);
      expect(pagesOf(withoutWidget)).toEqual(pagesOf(report));
      expectEveryStepPlaced(guide, report);
      const fields = PROCEDURES[id].pages.flatMap((p) => p.fields);
      expectAllFieldsCovered(guide, fields);
      expectExamplesAccepted(guide, fields);
      // Loads every page of the procedure twice (with and without the widget), each with its frames, into
      // jsdom: 2–5 s here when idle, up to 21 s measured with both cores busy and other suites running.
    }, 60_000);
  }

  it('fr.demo.cantine: steps placed on the SPA routes, late fields and the shadow-root field found', async () => {
    const guide = loadGuide('fr.demo.cantine.json');
    const html = await (await fetch(`${server.url}/spa/`)).text();
    const dom = new JSDOM(html, { url: `${server.url}/spa/` });
    const win = dom.window;
    // spa.js is a browser module: give it this window as its globals, then let it render.
    const globals: Record<string, unknown> = {
      window: win,
      document: win.document,
      history: win.history,
      location: win.location,
      customElements: win.customElements,
      HTMLElement: win.HTMLElement,
      Element: win.Element,
    };
    for (const [key, value] of Object.entries(globals)) {
      Object.defineProperty(globalThis, key, { value, configurable: true, writable: true });
    }
    await import('../../../demo/site/assets/spa.js');
    const report: Report = new Map();
    const go = async (route: string, ready?: string) => {
      win.history.pushState({}, '', route);
      win.dispatchEvent(new win.PopStateEvent('popstate'));
      if (ready)
        await vi.waitFor(() => expect(win.document.querySelector(ready)).not.toBeNull(), {
          timeout: 10_000,
          interval: 20,
        });
      observe(report, guide.steps, win.location.href, win.document);
    };
    observe(report, guide.steps, win.location.href, win.document);
    await go('/spa/foyer');
    // The tax fields arrive after 400 ms: not there at first, there after.
    win.history.pushState({}, '', '/spa/impots');
    win.dispatchEvent(new win.PopStateEvent('popstate'));
    expect(win.document.querySelector('[name="numero_fiscal"]')).toBeNull();
    await go('/spa/impots', '[name="numero_fiscal"]');
    await go('/spa/fin');
    const ecole = report.get('ecole')?.[0];
    expect(ecole?.resolvedName).toBe('ecole');
    expectEveryStepPlaced(guide, report);
    expectAllFieldsCovered(guide, CANTINE_FIELDS);
    expectExamplesAccepted(guide, CANTINE_FIELDS);
  });

  it('the catalog lists the three guides with the hashes of their files', () => {
    const parsed = parseCatalog(JSON.parse(readFileSync(path.join(GUIDES_DIR, 'index.json'), 'utf8')));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.catalog.guides.map((g) => g.id).sort()).toEqual([
      'fr.demo.aide-logement',
      'fr.demo.cantine',
      'fr.demo.emploi',
    ]);
    for (const entry of parsed.catalog.guides) {
      const bytes = readFileSync(path.join(GUIDES_DIR, entry.url));
      expect(
        createHash('sha256').update(bytes).digest('hex'),
        `${entry.url} changed: rebuild index.json`,
      ).toBe(entry.sha256);
      expect(loadGuide(entry.url).version).toBe(entry.version);
    }
  });

  it('every guide text exists in French, English and Arabic', () => {
    for (const file of ['fr.demo.aide-logement.json', 'fr.demo.cantine.json', 'fr.demo.emploi.json']) {
      const guide = loadGuide(file);
      const texts = [
        guide.title,
        guide.summary,
        ...guide.documents.flatMap((d) => [d.name, d.why, d.where]),
        ...guide.glossary.flatMap((g) => [g.term, g.definition]),
        ...guide.steps.flatMap((s) => [s.title, s.body, ...(s.field ? [s.field.describe] : [])]),
      ];
      for (const text of texts) {
        expect(text.en, `${file}: ${text.fr}`).toBeTruthy();
        expect(text.ar, `${file}: ${text.fr}`).toBeTruthy();
      }
    }
  });

  it('the command line accepts the three guides (exit code 0)', async () => {
    const files = ['fr.demo.aide-logement.json', 'fr.demo.cantine.json', 'fr.demo.emploi.json'].map((f) =>
      path.join(GUIDES_DIR, f),
    );
    const run = promisify(execFile);
    const { stdout } = await run(
      process.execPath,
      [path.join(ROOT, 'bin/pasapas.js'), 'guide', 'validate', ...files],
      { cwd: ROOT },
    );
    expect(stdout).toContain('3 guide(s)');
  }, 60_000);
});
