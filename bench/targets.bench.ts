/**
 * Robustness of step targets (issue 12, item 4). Guides are recorded on the demo's procedure
 * pages with the recorder's own capture code (captureClues, bundled with esbuild and run in a real
 * Chromium), then replayed on mutated copies of those pages (jsdom): ids and classes renamed,
 * wrappers inserted, siblings reordered, labels reworded, hints changed, a similar field inserted
 * before each field, fields moved into a fieldset, the page split in two. For each mutation kind:
 * right field / refused / WRONG field, for the scoring resolver and for the previous first-match
 * resolver (bench/targets/first-match.ts) in the same run. Then the time to resolve one target
 * on a 5,000-element page, in jsdom and in Chromium. Seeded: the same run gives the same table.
 */
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { JSDOM } from 'jsdom';
import { type Browser, chromium, type Page } from 'playwright-core';
import { PROCEDURES } from '../demo/procedures.js';
import { startDemoServer } from '../demo/server.js';
import { type CapturedClues, captureClues } from '../utils/guides/clues.ts';
import type { Target } from '../utils/guides/format.ts';
import { decideTarget, isStrictValidator } from '../utils/guides/target.ts';
import { resolveFirstMatch } from './targets/first-match.ts';

const SEED = 12;
const RUNS = 41;
const CONTROLS = CAPTURE_SELECTOR();

function CAPTURE_SELECTOR() {
  // The fields and buttons of the procedure's form, as an author points at them.
  return 'main form input:not([type="hidden"]), main form select, main form textarea, main form button, main form a[href]';
}

/** Mulberry32: small, seeded, good enough to shuffle. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function bundle(entry: string, globalName: string): Promise<string> {
  const out = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName,
    write: false,
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  return out.outputFiles[0]?.text ?? '';
}

type Recorded = {
  page: string;
  index: number; // among CONTROLS in the page
  what: string;
  strict: boolean;
  target: Target;
};

const STRICT_CHECKS: Record<string, string> = {
  nir: 'nir',
  iban: 'iban',
  'fiscal-number': 'fiscal-number',
  'caf-number': 'caf-number',
};

function strictNames(): Set<string> {
  const out = new Set<string>(['numero_fiscal']);
  for (const procedure of Object.values(PROCEDURES) as Array<{
    pages: Array<{ fields: Array<{ name: string; check?: string }> }>;
  }>)
    for (const page of procedure.pages)
      for (const field of page.fields) if (field.check && STRICT_CHECKS[field.check]) out.add(field.name);
  return out;
}

/** Records every field and button of a page in Chromium; returns the page's HTML as rendered. */
async function recordPage(
  page: Page,
  url: string,
  code: string,
  waitFor?: string,
): Promise<{ html: string; captured: Array<{ index: number; result: unknown; name: string | null }> }> {
  await page.goto(url);
  if (waitFor) await page.waitForSelector(waitFor);
  await page.addScriptTag({ content: code });
  // A string, not a function: the TypeScript loader would add helpers the page does not have.
  return page.evaluate(`(() => {
    const api = window.PasapasClues;
    const all = Array.from(document.querySelectorAll(${JSON.stringify(CONTROLS)}));
    const seenRadio = new Set();
    const captured = [];
    all.forEach((el, index) => {
      const name = el.getAttribute('name');
      if (el.getAttribute('type') === 'radio' && name) {
        if (seenRadio.has(name)) return;
        seenRadio.add(name);
      }
      captured.push({ index, result: api.captureClues(el), name });
    });
    return { html: document.documentElement.outerHTML, captured };
  })()`);
}

// ---------------------------------------------------------------------------------------------
// Mutations: each takes a fresh document and changes it in place, as a site's new version would.

/** A mutated page, and its controls as they were before the mutation (clones for a copied page). */
type Version = { doc: Document; originals?: Element[] };
type Mutation = { kind: string; apply: (doc: Document, rand: () => number) => Array<Document | Version> };

const groupsOf = (doc: Document) =>
  Array.from(
    doc.querySelectorAll('main form > fieldset > .fr-fieldset__element, main form .fr-fieldset__element'),
  )
    .filter((el) => el.parentElement?.closest('.fr-fieldset__element') === null)
    .filter((el) => el.querySelector('input, select, textarea'));

const word = (rand: () => number) => `z${Math.floor(rand() * 1e9).toString(36)}`;

function renameIdsAndClasses(doc: Document, rand: () => number) {
  const ids = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('[id]'))) {
    const next = word(rand);
    ids.set(el.id, next);
    el.id = next;
  }
  for (const attr of ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls']) {
    for (const el of Array.from(doc.querySelectorAll(`[${attr}]`))) {
      const value = (el.getAttribute(attr) ?? '')
        .split(/\s+/)
        .map((id) => ids.get(id) ?? id)
        .join(' ');
      el.setAttribute(attr, value);
    }
  }
  const classes = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('[class]'))) {
    const value = Array.from(el.classList)
      .map((c) => {
        if (!classes.has(c)) classes.set(c, word(rand));
        return classes.get(c);
      })
      .join(' ');
    el.setAttribute('class', value);
  }
  return [doc];
}

function insertWrappers(doc: Document, rand: () => number) {
  for (const control of Array.from(
    doc.querySelectorAll('main form input, main form select, main form textarea'),
  )) {
    const wrap = doc.createElement('div');
    wrap.className = word(rand);
    control.replaceWith(wrap);
    wrap.append(control);
  }
  for (const group of groupsOf(doc)) {
    const outer = doc.createElement('div');
    const inner = doc.createElement('span');
    group.replaceWith(outer);
    outer.append(inner);
    inner.append(group);
  }
  return [doc];
}

function reorderSiblings(doc: Document, rand: () => number) {
  const groups = groupsOf(doc);
  const parent = groups[0]?.parentElement;
  if (!parent) return [doc];
  const order = groups.map((g) => ({ g, k: rand() }));
  order.sort((a, b) => a.k - b.k);
  const anchor = groups[groups.length - 1]?.nextSibling ?? null;
  for (const { g } of order) parent.insertBefore(g, anchor);
  return [doc];
}

/** "Numéro fiscal" → "N° fiscal"; "Date de naissance" → "Naissance (date) :" — the same words for a person. */
export function reword(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (/num[ée]ro/i.test(t)) return t.replace(/num[ée]ro/i, 'N°');
  const words = t.split(' ');
  if (words.length >= 3 && /^(de|du|des|d’|d')$/i.test(words[1] ?? '')) {
    const [first, , ...rest] = words;
    const tail = rest.join(' ');
    return `${tail.charAt(0).toUpperCase()}${tail.slice(1)} (${(first ?? '').toLowerCase()}) :`;
  }
  return `${t} :`;
}

function rewordLabels(doc: Document) {
  for (const label of Array.from(doc.querySelectorAll('main form label, main form legend'))) {
    const first = Array.from(label.childNodes).find((n) => n.nodeType === 3 && (n.nodeValue ?? '').trim());
    if (first) first.nodeValue = ` ${reword(first.nodeValue ?? '')} `;
  }
  return [doc];
}

function changeHints(doc: Document, rand: () => number) {
  const hints = [
    'Vérifiez avant de continuer',
    'Comme sur vos papiers',
    'Sans espace',
    'Voir votre courrier',
  ];
  for (const hint of Array.from(doc.querySelectorAll('.fr-hint-text')))
    hint.textContent = hints[Math.floor(rand() * hints.length)] ?? '';
  return [doc];
}

/** Before each field, a look-alike for another person: "Nom de naissance du conjoint". */
function insertSimilar(doc: Document) {
  for (const group of groupsOf(doc)) {
    const copy = group.cloneNode(true) as Element;
    for (const el of Array.from(copy.querySelectorAll('[id]'))) el.id = `${el.id}-conjoint`;
    for (const el of Array.from(copy.querySelectorAll('[for]')))
      el.setAttribute('for', `${el.getAttribute('for')}-conjoint`);
    for (const attr of ['aria-labelledby', 'aria-describedby'])
      for (const el of Array.from(copy.querySelectorAll(`[${attr}]`)))
        el.setAttribute(
          attr,
          (el.getAttribute(attr) ?? '')
            .split(/\s+/)
            .map((id) => `${id}-conjoint`)
            .join(' '),
        );
    for (const el of Array.from(copy.querySelectorAll('[name]')))
      el.setAttribute('name', `${el.getAttribute('name')}_conjoint`);
    for (const label of Array.from(copy.querySelectorAll('label, legend'))) {
      const first = Array.from(label.childNodes).find((n) => n.nodeType === 3 && (n.nodeValue ?? '').trim());
      if (first) first.nodeValue = ` ${(first.nodeValue ?? '').trim()} du conjoint `;
    }
    group.before(copy);
  }
  return [doc];
}

/**
 * A site that numbers its fields: a look-alike inserted before each field takes over its id and
 * name, and the field itself gets the next ones. Ids and names now point at the wrong field.
 */
function insertSimilarShifted(doc: Document) {
  insertSimilar(doc);
  for (const copy of Array.from(doc.querySelectorAll('[name$="_conjoint"]'))) {
    const name = (copy.getAttribute('name') ?? '').replace(/_conjoint$/, '');
    const originals = Array.from(doc.querySelectorAll(`[name="${name}"]`));
    for (const original of originals) original.setAttribute('name', `${name}_2`);
    copy.setAttribute('name', name);
  }
  for (const copy of Array.from(doc.querySelectorAll('[id$="-conjoint"]'))) {
    const id = copy.id.replace(/-conjoint$/, '');
    const original = doc.getElementById(id);
    if (original) {
      original.id = `${id}-2`;
      for (const el of Array.from(doc.querySelectorAll(`[for="${id}"]`))) el.setAttribute('for', `${id}-2`);
    }
    copy.id = id;
    for (const el of Array.from(doc.querySelectorAll(`[for="${id}-conjoint"]`))) el.setAttribute('for', id);
  }
  return [doc];
}

function intoFieldsets(doc: Document) {
  const groups = groupsOf(doc);
  for (let i = 0; i < groups.length; i += 2) {
    const fieldset = doc.createElement('fieldset');
    fieldset.className = 'fr-fieldset';
    const legend = doc.createElement('legend');
    legend.className = 'fr-fieldset__legend';
    legend.textContent = `Informations complémentaires ${i / 2 + 1}`;
    fieldset.append(legend);
    const first = groups[i] as Element;
    first.before(fieldset);
    fieldset.append(first);
    const second = groups[i + 1];
    if (second) fieldset.append(second);
  }
  return [doc];
}

/** The form's fields split over two pages: the first half here, the second half on a copy. */
function splitPage(doc: Document): Version[] {
  const copy = doc.cloneNode(true) as Document;
  const copied = Array.from(copy.querySelectorAll(CONTROLS));
  const groups = groupsOf(doc);
  const half = Math.ceil(groups.length / 2);
  groups.slice(half).forEach((g) => {
    g.remove();
  });
  groupsOf(copy)
    .slice(0, half)
    .forEach((g) => {
      g.remove();
    });
  return [{ doc }, { doc: copy, originals: copied }];
}

const MUTATIONS: Mutation[] = [
  { kind: 'none (page as recorded)', apply: (d) => [d] },
  { kind: 'ids and classes renamed', apply: renameIdsAndClasses },
  { kind: 'wrappers inserted', apply: insertWrappers },
  { kind: 'siblings reordered', apply: reorderSiblings },
  { kind: 'labels reworded', apply: (d) => rewordLabels(d) },
  { kind: 'hints changed', apply: changeHints },
  { kind: 'similar field inserted before', apply: (d) => insertSimilar(d) },
  { kind: 'similar field inserted before, taking its id and name', apply: (d) => insertSimilarShifted(d) },
  { kind: 'moved into a fieldset', apply: (d) => intoFieldsets(d) },
  { kind: 'page split in two', apply: (d) => splitPage(d) },
];

type Tally = { right: number; refused: number; wrong: number; total: number };
const tally = (): Tally => ({ right: 0, refused: 0, wrong: 0, total: 0 });
const pct = (n: number, t: number) => (t === 0 ? '–' : `${Math.round((n / t) * 1000) / 10} %`);

function count(t: Tally, found: Element | null, expected: Element | null) {
  t.total++;
  if (expected === null) {
    if (found) t.wrong++;
    else t.right++; // refusing on a page without the field is the right answer
  } else if (!found) t.refused++;
  else if (found === expected) t.right++;
  else t.wrong++;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timeIt(fn: () => unknown): Promise<number> {
  for (let i = 0; i < 3; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The guides bench's page: 1,000 DSFR input groups of 5 elements. */
function bigPage(groups: number, renamed = false): string {
  const parts: string[] = [];
  for (let i = 0; i < groups; i++) {
    const id = renamed ? `n${i}x` : `champ-${i}`;
    const name = renamed ? `n${i}y` : `champ${i}`;
    parts.push(
      `<div class="fr-input-group"><label class="fr-label" for="${id}">Champ numéro ${i}<span class="fr-hint-text">Aide ${i}</span></label><input class="fr-input" id="${id}" name="${name}"><p class="fr-message">ok</p></div>`,
    );
  }
  return `<!doctype html><html lang="fr"><body><main><h1>Formulaire</h1><form>${parts.join('')}</form></main></body></html>`;
}

/**
 * A page of 5,000 elements as administration sites make them: a header menu, text, a table, and a
 * form of 120 fields whose labels share their words ("Nom du conjoint", "Nom de l’enfant 2"…).
 */
export function realisticPage(): { html: string; wanted: string } {
  const rand = rng(SEED + 1);
  const subjects = [
    'du demandeur',
    'du conjoint',
    'de l’enfant 1',
    'de l’enfant 2',
    'de l’enfant 3',
    'du parent',
  ];
  const fields = [
    'Nom',
    'Prénom',
    'Date de naissance',
    'Lieu de naissance',
    'Numéro de sécurité sociale',
    'Nationalité',
    'Situation professionnelle',
    'Revenus mensuels',
    'Adresse électronique',
    'Numéro de téléphone',
    'Numéro d’allocataire',
    'Organisme de rattachement',
    'Date d’entrée en France',
    'Niveau de formation',
    'Taux d’invalidité',
    'Pension alimentaire',
    'Numéro fiscal',
    'Revenu fiscal de référence',
    'IBAN',
    'Titulaire du compte',
  ];
  const parts: string[] = ['<header><nav><ul>'];
  for (let i = 0; i < 400; i++) parts.push(`<li><a href="/rubrique-${i}">Rubrique ${i}</a></li>`);
  parts.push('</ul></nav></header><main><h1>Demande d’allocation</h1>');
  for (let i = 0; i < 700; i++)
    parts.push(`<p>Paragraphe ${i} <span>explicatif</span> avec un <a href="#n${i}">renvoi</a>.</p>`);
  parts.push('<table>');
  for (let r = 0; r < 230; r++) {
    parts.push('<tr>');
    for (let c = 0; c < 5; c++) parts.push(`<td>${Math.floor(rand() * 1000)}</td>`);
    parts.push('</tr>');
  }
  parts.push('</table><form>');
  let n = 0;
  let wanted = '';
  for (const subject of subjects) {
    parts.push(
      `<fieldset class="fr-fieldset"><legend>Informations ${subject}</legend><h2>Personne ${subject}</h2>`,
    );
    for (const label of fields) {
      const id = `f${n++}`;
      if (label === 'Numéro de sécurité sociale' && subject === 'de l’enfant 2') wanted = id;
      parts.push(
        `<div class="fr-fieldset__element"><div class="fr-input-group"><label class="fr-label" for="${id}">${label} ${subject}<span class="fr-hint-text">Comme sur vos papiers</span></label><input class="fr-input" id="${id}" name="${id}" aria-describedby="${id}-m"><div class="fr-messages-group" id="${id}-m"></div></div></div>`,
      );
    }
    parts.push('</fieldset>');
  }
  parts.push('<button type="submit">Envoyer</button></form></main>');
  return { html: `<!doctype html><html lang="fr"><body>${parts.join('')}</body></html>`, wanted };
}

export default async function () {
  const server = await startDemoServer({ port: 0 });
  let browser: Browser | null = null;
  const rows: Array<Record<string, string | number>> = [];
  const extra: Array<Record<string, string | number>> = [];
  const notes: string[] = [];
  try {
    const [cluesCode, resolverCode] = await Promise.all([
      bundle('../utils/guides/clues.ts', 'PasapasClues'),
      bundle('./targets/in-page.ts', 'PasapasTargets'),
    ]);
    browser = await chromium.launch({ executablePath: process.env.PASAPAS_CHROMIUM ?? '/usr/bin/chromium' });
    const page = await browser.newPage();
    const strictFields = strictNames();
    const pages: Array<[string, string, string?]> = [];
    for (const slug of ['identite', 'foyer', 'ressources', 'banque', 'documents', 'recapitulatif'])
      pages.push([`aide-logement/${slug}`, `${server.url}/aide-logement/${slug}.html?widget=0`]);
    for (const slug of ['identite', 'contact', 'situation', 'compte'])
      pages.push([`emploi/${slug}`, `${server.url}/emploi/${slug}.html?widget=0`]);

    // 1. Record, in Chromium.
    const recorded: Recorded[] = [];
    const htmlOf = new Map<string, string>();
    let refusedSecret = 0;
    for (const [key, url, waitFor] of pages) {
      const { html, captured } = await recordPage(page, url, cluesCode, waitFor);
      htmlOf.set(key, `<!doctype html>${html}`);
      for (const { index, result, name } of captured) {
        const r = result as { ok: boolean; clues?: CapturedClues; reason?: string };
        if (!r.ok || !r.clues) {
          if (r.reason === 'sensitive') refusedSecret++;
          continue;
        }
        const c = r.clues;
        // What the recorder writes: the captured clues, plus the hand-written fields older
        // versions read (the first-match resolver replays with those).
        const target: Target = { clues: c };
        if (c.id) target.id = c.id;
        if (c.name) target.name = c.name;
        if (c.label) target.label = c.label;
        // A button or link has no id or name here: a guide author would have written a selector.
        if (!c.id && !c.name && c.tag) target.selector = `form ${c.tag}${c.type ? `[type="${c.type}"]` : ''}`;
        recorded.push({
          page: key,
          index,
          what: `${c.tag}${c.type ? `[${c.type}]` : ''} « ${c.label ?? c.accessibleName ?? '?'} »`,
          strict:
            !!name &&
            strictFields.has(name) &&
            isStrictValidator(name === 'numero_fiscal' ? 'fiscal-number' : name),
          target,
        });
      }
    }

    // 2. Replay on mutated copies, in jsdom.
    const byKind = new Map<string, { ours: Tally; old: Tally; oursStrict: Tally; oldStrict: Tally }>();
    const wrongExamples: string[] = [];
    const refusedExamples: string[] = [];
    const rand = rng(SEED);
    for (const mutation of MUTATIONS) {
      const entry = { ours: tally(), old: tally(), oursStrict: tally(), oldStrict: tally() };
      byKind.set(mutation.kind, entry);
      for (const [key] of pages) {
        const dom = new JSDOM(htmlOf.get(key) ?? '', { url: `${server.url}/${key}.html` });
        const doc = dom.window.document;
        const originals = Array.from(doc.querySelectorAll(CONTROLS));
        const versions = mutation.apply(doc, rand).map((v) => ('doc' in v ? v : { doc: v }));
        for (const step of recorded.filter((r) => r.page === key)) {
          for (const { doc: version, originals: mapped } of versions) {
            const original = (mapped ?? originals)[step.index] ?? null;
            const expected = original && version.contains(original) ? original : null;
            const decision = decideTarget(step.target, version, { strict: step.strict });
            const ours = decision.status === 'found' ? (decision.element ?? null) : null;
            const old = resolveFirstMatch(step.target, version)?.element ?? null;
            count(entry.ours, ours, expected);
            count(entry.old, old, expected);
            if (step.strict) {
              count(entry.oursStrict, ours, expected);
              count(entry.oldStrict, old, expected);
            }
            if (ours && ours !== expected && wrongExamples.length < 5)
              wrongExamples.push(`${mutation.kind}: ${key} ${step.what} → ${ours.outerHTML.slice(0, 80)}`);
            if (!ours && expected && refusedExamples.length < 12)
              refusedExamples.push(
                `${mutation.kind}: ${key} ${step.what} (${decision.status} ${decision.score}/${decision.runnerUp}${step.strict ? ', sensitive' : ''})`,
              );
          }
        }
      }
    }
    const all = { ours: tally(), old: tally(), oursStrict: tally(), oldStrict: tally() };
    for (const [kind, t] of byKind) {
      for (const k of ['ours', 'old', 'oursStrict', 'oldStrict'] as const) {
        all[k].right += t[k].right;
        all[k].refused += t[k].refused;
        all[k].wrong += t[k].wrong;
        all[k].total += t[k].total;
      }
      rows.push({
        mutation: kind,
        replays: t.ours.total,
        'scoring: right': pct(t.ours.right, t.ours.total),
        'scoring: refused': pct(t.ours.refused, t.ours.total),
        'scoring: WRONG': pct(t.ours.wrong, t.ours.total),
        'first-match: right': pct(t.old.right, t.old.total),
        'first-match: refused': pct(t.old.refused, t.old.total),
        'first-match: WRONG': pct(t.old.wrong, t.old.total),
      });
    }
    for (const [label, o, f] of [
      ['all mutations', all.ours, all.old],
      ['sensitive steps (IBAN, NIR, n° fiscal, CAF), all mutations', all.oursStrict, all.oldStrict],
    ] as const)
      rows.push({
        mutation: `**${label}**`,
        replays: o.total,
        'scoring: right': pct(o.right, o.total),
        'scoring: refused': pct(o.refused, o.total),
        'scoring: WRONG': pct(o.wrong, o.total),
        'first-match: right': pct(f.right, f.total),
        'first-match: refused': pct(f.refused, f.total),
        'first-match: WRONG': pct(f.wrong, f.total),
      });

    // 3. Time on a 5,000-element page: jsdom and Chromium.
    const timing: Array<Record<string, string | number>> = [];
    const wanted = 800;
    const plain = new JSDOM(bigPage(1000), { url: 'http://127.0.0.1/' }).window.document;
    const renamed = new JSDOM(bigPage(1000, true), { url: 'http://127.0.0.1/' }).window.document;
    const elements = plain.querySelectorAll('*').length;
    const elementsOf = (doc: Document) => doc.querySelectorAll('*').length;
    const capture = captureClues(plain.getElementById(`champ-${wanted}`) as Element);
    if (!capture.ok) throw new Error('capture failed on the big page');
    const captured: Target = { clues: capture.clues, id: `champ-${wanted}`, name: `champ${wanted}` };
    const handWritten: Target = { label: `Champ numéro ${wanted}` };
    const real = realisticPage();
    const realDoc = new JSDOM(real.html, { url: 'http://127.0.0.1/' }).window.document;
    const realCapture = captureClues(realDoc.getElementById(real.wanted) as Element);
    if (!realCapture.ok) throw new Error('capture failed on the realistic page');
    const realRenamed = new JSDOM(real.html.replace(/(id|name|for|aria-describedby)="f(\d+)/g, '$1="g$2'), {
      url: 'http://127.0.0.1/',
    }).window.document;
    const realTarget: Target = { clues: realCapture.clues, id: real.wanted, name: real.wanted };
    const cases: Array<[string, Target, Document, string]> = [
      ['realistic page, recorded target', realTarget, realDoc, real.wanted],
      [
        'realistic page, recorded target, ids and names renamed',
        realTarget,
        realRenamed,
        `g${real.wanted.slice(1)}`,
      ],
      [
        'realistic page, hand-written { label }',
        { label: realCapture.clues.label ?? '' },
        realDoc,
        real.wanted,
      ],
      ['1,000 near-identical labels, recorded target', captured, plain, `champ-${wanted}`],
      [
        '1,000 near-identical labels, recorded target, ids and names renamed',
        captured,
        renamed,
        `n${wanted}x`,
      ],
      ['1,000 near-identical labels, hand-written { label }', handWritten, plain, `champ-${wanted}`],
    ];
    for (const [what, target, doc, id] of cases) {
      const decision = decideTarget(target, doc);
      if (decision.element?.id !== id) throw new Error(`${what}: ${decision.status} ${decision.element?.id}`);
      timing.push({
        case: `${what} (jsdom)`,
        elements: elementsOf(doc),
        'scoring median ms': Math.round((await timeIt(() => decideTarget(target, doc))) * 1000) / 1000,
        'first-match median ms':
          Math.round((await timeIt(() => resolveFirstMatch(target, doc))) * 1000) / 1000,
      });
    }
    await page.setContent(bigPage(1000));
    await page.addScriptTag({ content: resolverCode });
    const inPage = (await page.evaluate(`(() => {
      const api = window.PasapasTargets;
      const runs = ${RUNS};
      const wanted = ${wanted};
      const med = (fn) => {
        for (let i = 0; i < 3; i++) fn();
        const times = [];
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          fn();
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        return times[Math.floor(times.length / 2)];
      };
      const capture = api.captureClues(document.getElementById('champ-' + wanted));
      const captured = { clues: capture.clues, id: 'champ-' + wanted, name: 'champ' + wanted };
      const hand = { label: 'Champ numéro ' + wanted };
      const out = [];
      const check = (target, id) => {
        const d = api.decideTarget(target, document);
        if (!d.element || d.element.id !== id) throw new Error('wrong or no element: ' + d.status);
      };
      check(hand, 'champ-' + wanted);
      out.push(['1,000 near-identical labels, hand-written { label }', med(() => api.decideTarget(hand, document)), med(() => api.resolveFirstMatch(hand, document))]);
      check(captured, 'champ-' + wanted);
      out.push(['1,000 near-identical labels, recorded target', med(() => api.decideTarget(captured, document)), med(() => api.resolveFirstMatch(captured, document))]);
      for (const input of Array.from(document.querySelectorAll('input'))) {
        const i = input.id.replace(/\\D/g, '');
        const label = document.querySelector('label[for="' + input.id + '"]');
        input.id = 'n' + i + 'x';
        input.setAttribute('name', 'n' + i + 'y');
        if (label) label.setAttribute('for', input.id);
      }
      check(captured, 'n' + wanted + 'x');
      out.push(['1,000 near-identical labels, recorded target, ids and names renamed', med(() => api.decideTarget(captured, document)), med(() => api.resolveFirstMatch(captured, document))]);
      return out;
    })()`)) as Array<[string, number, number]>;
    await page.setContent(real.html);
    await page.addScriptTag({ content: resolverCode });
    const inReal = (await page.evaluate(`(() => {
      const api = window.PasapasTargets;
      const med = (fn) => {
        for (let i = 0; i < 3; i++) fn();
        const times = [];
        for (let i = 0; i < ${RUNS}; i++) {
          const t = performance.now();
          fn();
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        return times[Math.floor(times.length / 2)];
      };
      const wanted = ${JSON.stringify(real.wanted)};
      const capture = api.captureClues(document.getElementById(wanted));
      const captured = { clues: capture.clues, id: wanted, name: wanted };
      const hand = { label: capture.clues.label };
      const check = (target, id) => {
        const d = api.decideTarget(target, document);
        if (!d.element || d.element.id !== id) throw new Error('wrong or no element: ' + d.status);
      };
      const out = [];
      check(captured, wanted);
      out.push(['realistic page, recorded target', med(() => api.decideTarget(captured, document)), med(() => api.resolveFirstMatch(captured, document))]);
      check(hand, wanted);
      out.push(['realistic page, hand-written { label }', med(() => api.decideTarget(hand, document)), med(() => api.resolveFirstMatch(hand, document))]);
      for (const el of Array.from(document.querySelectorAll('[id^="f"], [for^="f"]'))) {
        for (const attr of ['id', 'name', 'for', 'aria-describedby']) {
          const v = el.getAttribute(attr);
          if (v && /^f\\d/.test(v)) el.setAttribute(attr, 'g' + v.slice(1));
        }
      }
      check(captured, 'g' + wanted.slice(1));
      out.push(['realistic page, recorded target, ids and names renamed', med(() => api.decideTarget(captured, document)), med(() => api.resolveFirstMatch(captured, document))]);
      return [out, document.querySelectorAll('*').length];
    })()`)) as [Array<[string, number, number]>, number];
    for (const [what, ours, old] of inReal[0])
      timing.push({
        case: `${what} (Chromium)`,
        elements: inReal[1],
        'scoring median ms': Math.round(ours * 1000) / 1000,
        'first-match median ms': Math.round(old * 1000) / 1000,
      });
    for (const [what, ours, old] of inPage)
      timing.push({
        case: `${what} (Chromium)`,
        elements,
        'scoring median ms': Math.round(ours * 1000) / 1000,
        'first-match median ms': Math.round(old * 1000) / 1000,
      });
    const timeRows = timing;

    notes.push(
      `${recorded.length} targets recorded with captureClues in Chromium (${chromium.name()}) on ${pages.length} demo pages (housing aid and job seeker procedures; fields and buttons of the form, one per radio group); ${refusedSecret} password fields refused by the capture. Replayed in jsdom on mutated copies of the pages as Chromium rendered them; seed ${SEED}.`,
      '"right" = the recorded field itself; on the half of a split page that lacks the field, refusing is right and pointing at anything is WRONG. "refused" = the step says it cannot find the field with certainty (ambiguous or missing) and highlights nothing.',
      'The first-match resolver replays the same targets through its hand-written clues (id, name, label), which the recorder also writes.',
      'Same-origin iframe and shadow-root fields are not in this replay (the serialized page does not carry them); unit tests cover them.',
      `Timing: median of ${RUNS} runs after 3 warm-up runs, wall time. "Realistic page": 5,000 elements (menu, text, table) with a form of 120 fields whose labels share their words ("Numéro de sécurité sociale de l’enfant 2"). "1,000 near-identical labels": field ${wanted} of 1,000 DSFR groups labelled "Champ numéro N", the worst case for word matching. "ids and names renamed" makes the resolver read every text of the page. Load average at the end of the run: ${loadavg()
        .map((n) => n.toFixed(1))
        .join(
          ' ',
        )} on ${cpus().length} cores (the first-match column, measured in the same run, is the reference).`,
      ...(wrongExamples.length ? [`Wrong picks by the scoring resolver: ${wrongExamples.join(' | ')}`] : []),
      ...(refusedExamples.length ? [`Refused by the scoring resolver: ${refusedExamples.join(' | ')}`] : []),
    );
    extra.push(...timeRows);
  } finally {
    await browser?.close();
    await server.close();
  }
  // One table per section in the report: the timing rows have their own columns.
  notes.push(
    ...extra.map(
      (t) =>
        `Time, ${t.case}: scoring ${t['scoring median ms']} ms, first-match ${t['first-match median ms']} ms (median, ${t.elements} elements).`,
    ),
  );
  return { title: 'Guides: target robustness on mutated pages (scoring vs first-match)', rows, notes };
}
