/**
 * Looking at our screens (issue 13's measures, shared by screens.test, phone.test and the document
 * readings): the three sizes a person uses, the panel's language, what of ours sticks out sideways, and
 * what of ours covers the page's field.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** A phone (360 × 740), 200 % zoom on a 1280 × 900 screen (640 × 450 CSS px), a laptop (1280 × 900). */
export const SIZES = [
  { name: '360', viewport: { width: 360, height: 740 } },
  { name: 'zoom200', viewport: { width: 640, height: 450 } },
  { name: '1280', viewport: { width: 1280, height: 900 } },
] as const;

const inPanel = (page: Page, selector: string) => page.locator(`[data-pasapas="panel"] ${selector}`);

/** The panel's language, chosen in its header (behind « Menu » on the bottom sheet). */
export async function chooseLang(page: Page, lang: 'fr' | 'ar') {
  const select = inPanel(page, '.pp-lang select');
  const menu = inPanel(page, '[data-action="menu"]');
  const closeMenu = !(await select.isVisible());
  if (closeMenu) await menu.click();
  await select.selectOption(lang);
  await expect.poll(() => page.locator('.pp-root').getAttribute('lang')).toBe(lang);
  if (closeMenu && (await menu.getAttribute('aria-expanded')) === 'true') await menu.click();
}

/** What of ours sticks out sideways: past the screen, or wider than the box that holds it. */
export async function sideways(page: Page): Promise<string[]> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const name = (el: Element) =>
      `${el.localName}.${(el.getAttribute('class') ?? '').split(' ')[0]}${el.id ? `#${el.id}` : ''}`;
    for (const host of document.querySelectorAll('[data-pasapas-host]')) {
      const root = host.shadowRoot;
      if (!root) continue;
      for (const el of root.querySelectorAll('*')) {
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        // A screen-reader-only text is 1 px and clipped: nothing shows.
        if (style.position === 'absolute' && r.width <= 1) continue;
        if (r.left < -1 || r.right > innerWidth + 1)
          found.push(`${name(el)}: ${Math.round(r.left)}..${Math.round(r.right)} of ${innerWidth}`);
        if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1)
          found.push(`${name(el)}: scrolls sideways by ${el.scrollWidth - el.clientWidth} px`);
      }
    }
    return found;
  });
  // Our own frames (the extension's reading of documents, the PIN): their page must fit them.
  for (const frame of page.frames()) {
    if (frame === page.mainFrame() || !frame.url().startsWith('chrome-extension://')) continue;
    const wide = await frame
      .evaluate(() => {
        const doc = document.scrollingElement ?? document.documentElement;
        return doc.scrollWidth - doc.clientWidth;
      })
      .catch(() => 0);
    if (wide > 1) problems.push(`frame ${new URL(frame.url()).pathname}: scrolls sideways by ${wide} px`);
  }
  return problems;
}

/**
 * What covers `selectors` (each must be on screen, and at its centre and four inner corners show
 * itself): an empty list when they are all in view and clear of us.
 */
export function covered(page: Page, selectors: string[]): Promise<string[]> {
  return page.evaluate((sels) => {
    const problems: string[] = [];
    // Our UI: closed shadow roots on web pages, reached here through the test's way in (closed-roots.ts).
    const roots = [...document.querySelectorAll('[data-pasapas-host]')]
      .map((host) => host.shadowRoot)
      .filter((root): root is ShadowRoot => root !== null);
    const painted: { name: string; box: DOMRect }[] = [];
    for (const root of roots)
      for (const el of root.querySelectorAll('*')) {
        // What shows of it: its box cut by the scrolling boxes around it (the panel scrolls).
        let box = el.getBoundingClientRect();
        for (let up = el.parentElement; up && box.width > 0 && box.height > 0; up = up.parentElement) {
          const o = getComputedStyle(up);
          if (o.overflowX === 'visible' && o.overflowY === 'visible') continue;
          const c = up.getBoundingClientRect();
          const left = Math.max(box.left, c.left);
          const top = Math.max(box.top, c.top);
          box = new DOMRect(
            left,
            top,
            Math.max(0, Math.min(box.right, c.right) - left),
            Math.max(0, Math.min(box.bottom, c.bottom) - top),
          );
        }
        if (box.width === 0 || box.height === 0) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
        const background = style.backgroundColor;
        const paints =
          !/^(transparent|rgba\(.*,\s*0\))$/.test(background) ||
          [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '') ||
          /^(button|input|select|svg|img|iframe)$/.test(el.localName);
        if (paints)
          painted.push({
            name: `${el.localName}.${(el.getAttribute('class') ?? '').split(' ')[0]}[${el.getAttribute('data-pasapas') ?? ''}]`,
            box,
          });
      }
    for (const sel of sels) {
      const target = document.querySelector(sel);
      if (!target) {
        problems.push(`${sel}: not on the page`);
        continue;
      }
      const r = target.getBoundingClientRect();
      if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) {
        problems.push(
          `${sel}: not all on screen (${Math.round(r.top)}..${Math.round(r.bottom)} of ${innerHeight})`,
        );
        continue;
      }
      const inset = Math.min(3, r.width / 4, r.height / 4);
      const points = [
        [(r.left + r.right) / 2, (r.top + r.bottom) / 2],
        [r.left + inset, r.top + inset],
        [r.right - inset, r.top + inset],
        [r.left + inset, r.bottom - inset],
        [r.right - inset, r.bottom - inset],
      ] as const;
      for (const [x, y] of points) {
        const where = `${sel} at ${Math.round(x)},${Math.round(y)}`;
        const top = document.elementsFromPoint(x, y)[0];
        if (!top || !target.contains(top))
          problems.push(`${where}: under ${top?.closest('[data-pasapas-host]') ? 'our UI' : top?.localName}`);
        for (const root of roots) {
          const ours = root.elementsFromPoint(x, y).find((el) => el.getRootNode() === root);
          if (ours)
            problems.push(`${where}: under our ${ours.localName}.${ours.getAttribute('class') ?? ''}`);
        }
        for (const p of painted)
          if (x >= p.box.left && x <= p.box.right && y >= p.box.top && y <= p.box.bottom)
            problems.push(`${where}: under our ${p.name}`);
      }
    }
    return problems;
  }, selectors);
}

/**
 * Every control of ours in `scope` (a selector in our shadow roots) reached by Tab, each with a
 * visible focus (an outline or a ring) and on screen when it has it. A radio group is one stop.
 * Starts from the first control (focused by script, then Tab from there on).
 */
export async function keyboardSweep(page: Page, scope: string): Promise<string[]> {
  const controls = await page.evaluate((scope) => {
    for (const host of document.querySelectorAll('[data-pasapas-host]')) {
      const box = host.shadowRoot?.querySelector(scope);
      if (!box) continue;
      const all = [
        ...box.querySelectorAll<HTMLElement>(
          'button, input, select, textarea, summary, a[href], [tabindex]:not([tabindex="-1"])',
        ),
      ].filter((el) => !(el as HTMLButtonElement).disabled && el.checkVisibility());
      const stops: string[] = [];
      for (const el of all) {
        const radio = el.localName === 'input' && (el as HTMLInputElement).type === 'radio';
        const stop = radio ? `radio ${(el as HTMLInputElement).name}` : String(stops.length);
        el.setAttribute('data-sweep', stop);
        if (!stops.includes(stop)) stops.push(stop);
      }
      (all[0] as HTMLElement | undefined)?.focus();
      return stops.map((stop) => {
        const el = box.querySelector(`[data-sweep="${stop}"]`) as HTMLElement;
        return {
          stop,
          name: `${el.localName} « ${(el.textContent || el.getAttribute('aria-label') || el.getAttribute('name') || '').trim().slice(0, 40)} »`,
        };
      });
    }
    return [];
  }, scope);
  if (controls.length === 0) return [`${scope}: no control`];
  const problems: string[] = [];
  const reached = new Set<string>();
  const read = () =>
    page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el) return null;
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        stop: el.getAttribute('data-sweep'),
        ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none',
        onScreen:
          r.width > 0 &&
          r.top >= -1 &&
          r.left >= -1 &&
          r.bottom <= innerHeight + 1 &&
          r.right <= innerWidth + 1,
        box: `${Math.round(r.left)},${Math.round(r.top)}..${Math.round(r.right)},${Math.round(r.bottom)} of ${innerWidth}×${innerHeight}`,
      };
    });
  for (let i = 0; i < controls.length * 2 + 10 && reached.size < controls.length; i++) {
    if (i > 0) await page.keyboard.press('Tab');
    let seen = await read();
    // The panel may still be scrolling the focused control into view: polled until it is there.
    await expect
      .poll(
        async () => {
          seen = await read();
          return seen?.onScreen ?? true;
        },
        { timeout: 3000 },
      )
      .toBe(true)
      .catch(() => {});
    const now = seen;
    if (!now?.stop || reached.has(now.stop)) continue;
    reached.add(now.stop);
    const name = controls.find((c) => c.stop === now.stop)?.name ?? now.stop;
    // The first is focused by script: its focus ring is the keyboard's only after a key.
    if (i > 0 && !now.ring) problems.push(`${name}: no visible focus`);
    if (!now.onScreen) problems.push(`${name}: focused off screen (${now.box})`);
  }
  for (const c of controls) if (!reached.has(c.stop)) problems.push(`${c.name}: not reached by Tab`);
  await page.evaluate(() => {
    for (const host of document.querySelectorAll('[data-pasapas-host]'))
      for (const el of host.shadowRoot?.querySelectorAll('[data-sweep]') ?? [])
        el.removeAttribute('data-sweep');
  });
  return problems;
}
