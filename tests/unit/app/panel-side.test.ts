/**
 * The panel and its launcher stay on the side the site configured (right by default), whatever our
 * language: in Arabic (dir="rtl") they used to move to the left, onto a French page's labels
 * (issue 13, problem 9). jsdom applies the stylesheets' physical `right`/`left`; a logical
 * `inset-inline-end` would follow our dir.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const css = (name: string) => readFileSync(path.join(ROOT, 'components/styles', name), 'utf8');

function sides(position: 'right' | 'left', lang: 'fr' | 'ar') {
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const dom = new JSDOM(
    `<!doctype html><html lang="fr" dir="ltr"><head><style>${css('host.css')}</style><style>${css('panel.css')}</style></head>
     <body><div class="pp-root pp-floating pp-${position}" dir="${dir}" lang="${lang}">
       <button class="pp-launcher">?</button><section class="pp-panel">…</section></div></body></html>`,
    { pretendToBeVisual: true },
  );
  const doc = dom.window.document;
  const style = (sel: string) => dom.window.getComputedStyle(doc.querySelector(sel) as Element);
  const panel = style('.pp-panel');
  const launcher = style('.pp-launcher');
  return {
    panel: { right: panel.right, left: panel.left },
    launcher: { right: launcher.right, left: launcher.left },
  };
}

describe('which side the panel docks to', () => {
  it.each(['fr', 'ar'] as const)('stays on the right of a French page, in %s', (lang) => {
    expect(sides('right', lang)).toEqual({
      panel: { right: '16px', left: 'auto' },
      launcher: { right: '16px', left: 'auto' },
    });
  });

  it.each(['fr', 'ar'] as const)('stays on the left when the site asks for the left, in %s', (lang) => {
    expect(sides('left', lang)).toEqual({
      panel: { right: 'auto', left: '16px' },
      launcher: { right: 'auto', left: '16px' },
    });
  });

  it('uses no logical side for the panel or the launcher', () => {
    const rules = [css('panel.css'), css('host.css')]
      .join('\n')
      .split('}')
      .filter(
        (rule) =>
          /\.pp-(?:panel|launcher)\s*\{/.test(rule) || /\.pp-left[^{]*\.pp-(?:panel|launcher)/.test(rule),
      );
    expect(rules.length).toBeGreaterThanOrEqual(4);
    for (const rule of rules) expect(rule).not.toMatch(/inset-inline-(?:start|end)/);
  });
});
