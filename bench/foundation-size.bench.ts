import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

/** Gzipped sizes of what runs on every page and what loads on first use, against the targets. */
export default async function sizes() {
  const content = join(ROOT, '.output/chrome-mv3/content-scripts/content.js');
  const loader = join(ROOT, 'dist/widget/widget.js');
  const panelDir = join(ROOT, 'public/panel');
  const panelFirst = join(panelDir, 'panel.js');
  const chunks = filesUnder(panelDir).filter((f) => f.endsWith('.js'));
  const allPanel = chunks.reduce((sum, f) => sum + gz(f), 0);
  // What the first opening loads: the entry plus the chunks it imports statically.
  const entry = readFileSync(panelFirst, 'utf8');
  const staticImports = [...entry.matchAll(/from"\.\/(chunks\/[^"]+)"/g)].map((m) =>
    join(panelDir, m[1] ?? ''),
  );
  const firstOpen = gz(panelFirst) + staticImports.reduce((sum, f) => sum + gz(f), 0);
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
      row('panel, first opening (entry + static chunks, no fonts)', firstOpen, 50 * 1024),
      row(`panel, all ${chunks.length} chunks (every feature tab)`, allPanel, 50 * 1024 * 4),
    ],
    notes: [
      'Fonts are bundled files loaded only when the person picks them (Atkinson 17 KB, OpenDyslexic 115 KB per weight).',
    ],
  };
}
