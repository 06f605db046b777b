/**
 * The Firefox build's panel is one module that imports nothing (widgets/vite.panel-firefox.config.ts):
 * in Firefox ESR, a navigation that cuts short the page script's dynamic import of a module whose own
 * imports are still loading crashes the tab (README, « Firefox »). The Chromium build and the widget
 * keep the lazy chunks. Its working is checked by the Firefox tests that open the panel
 * (firefox-session-end, firefox-at-rest).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIREFOX_EXTENSION } from './firefox-harness';
import { EXTENSION, ROOT } from './harness';

/** What a built module imports: its import and re-export statements, and `import("./…")`. */
function imports(source: string): string[] {
  const statements =
    /^\s*(?:import|export)\b[^;\n]*?\bfrom\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm;
  const found = [...source.matchAll(statements)].map((m) => m[1] ?? m[2] ?? '');
  const dynamic = [...source.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1] ?? '');
  return [...found, ...dynamic];
}

describe('the panel as each build ships it', () => {
  test('Firefox: panel/panel.js alone, importing nothing', () => {
    const dir = join(FIREFOX_EXTENSION, 'panel');
    expect(readdirSync(dir).sort()).toEqual(['assets', 'panel.js']);
    const source = readFileSync(join(dir, 'panel.js'), 'utf8');
    expect(imports(source)).toEqual([]);
    // Still the whole panel: its tabs are in it.
    expect(source).toContain('mountPanel');
    expect(source.length).toBeGreaterThan(1_000_000);
  });

  test('Chromium and the widget: the lazy chunks, which the same check finds', () => {
    for (const dir of [join(EXTENSION, 'panel'), join(ROOT, 'dist/widget/panel')]) {
      if (!existsSync(dir)) throw new Error(`${dir} missing: npm run build`);
      const source = readFileSync(join(dir, 'panel.js'), 'utf8');
      expect(imports(source).filter((path) => path.startsWith('./chunks/')).length).toBeGreaterThan(5);
    }
  });
});
