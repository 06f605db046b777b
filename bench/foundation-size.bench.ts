import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The panel's chunks and what each imports, statically (`from "./x.js"`) or lazily (`import("./x.js")`). */
function importGraph() {
  const read = (file: string) => readFileSync(file, 'utf8');
  const refs = (file: string, re: RegExp) =>
    [...read(file).matchAll(re)].map((m) => resolve(dirname(file), m[1] ?? ''));
  const closure = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const dep of refs(file, /(?:from|import)\s*"(\.\.?\/[^"]+\.js)"/g)) closure(dep, seen);
    return seen;
  };
  const lazy = (file: string) => refs(file, /import\(\s*"(\.\.?\/[^"]+\.js)"\s*\)/g);
  return { closure, lazy };
}

/** Gzipped sizes of what runs on every page and what loads on first use, against the targets. */
export default async function sizes() {
  const content = join(ROOT, '.output/chrome-mv3/every-page.js');
  const loader = join(ROOT, 'dist/widget/widget.js');
  const panelDir = join(ROOT, 'public/panel');
  const panelFirst = join(panelDir, 'panel.js');
  const chunks = filesUnder(panelDir).filter((f) => f.endsWith('.js'));
  const allPanel = chunks.reduce((sum, f) => sum + gz(f), 0);
  const { closure, lazy } = importGraph();
  const size = (files: Set<string>) => [...files].reduce((sum, f) => sum + gz(f), 0);
  // What the first opening loads: the entry, its static imports, and the first tab (guides).
  const entry = closure(panelFirst);
  const tabs = lazy(panelFirst).filter((f) => /Tab-[^/]*\.js$/.test(f));
  const firstTab = tabs.find((f) => /GuidesTab-/.test(f)) ?? tabs[0];
  const firstOpen = new Set([...entry, ...(firstTab ? closure(firstTab) : [])]);
  const tabRows = tabs.map((tab) => {
    const extra = new Set([...closure(tab)].filter((f) => !entry.has(f)));
    return {
      what: `  + opening the ${
        tab
          .split('/')
          .pop()
          ?.match(/^.*?Tab/)?.[0]
      } tab`,
      'gzip size': kb(size(extra)),
      target: '',
      ok: '',
      reference: '',
    };
  });
  const row = (what: string, bytes: number, target: number, reference?: string) => ({
    what,
    'gzip size': kb(bytes),
    target: kb(target),
    ok: bytes <= target ? 'yes' : 'NO',
    reference: reference ?? '',
  });
  return {
    title: 'Foundation — bundle sizes (gzip -9)',
    rows: [
      row('content script (every page)', gz(content), 15 * 1024),
      row(
        'widget loader (every page of the site)',
        gz(loader),
        10 * 1024,
        'Orange Confort+ widget: 33 KB gz',
      ),
      row('panel chunk (entry + its static imports, no fonts)', size(entry), 50 * 1024),
      {
        what: 'panel, first opening (the chunk + the guides tab, shown first)',
        'gzip size': kb(size(firstOpen)),
        target: '',
        ok: '',
        reference: '',
      },
      ...tabRows,
      {
        what: 'Firefox build: the panel as one module, read whole at every opening',
        'gzip size': kb(gz(join(ROOT, 'dist/panel-firefox/panel.js'))),
        target: '',
        ok: '',
        reference: 'its cut loading does not crash Firefox ESR (README, « Firefox »)',
      },
      {
        what: `panel, all ${chunks.length} chunks`,
        'gzip size': kb(allPanel),
        target: '',
        ok: '',
        reference: 'the OCR engine wrapper and pdf.js load only when a document is read',
      },
    ],
    notes: [
      'Fonts are bundled files loaded only when the person picks them (Atkinson 17 KB, OpenDyslexic 115 KB per weight).',
    ],
  };
}
