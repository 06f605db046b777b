/**
 * Guide core costs on a big page: resolving a step target by its label text, side by side with
 * a bare querySelector of the final selector on the same page; and validating a 200-step guide.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { JSDOM } from 'jsdom';
import { canonicalize } from '../utils/guides/canonical.ts';
import { parseGuide } from '../utils/guides/schema.ts';
import { generateKeyPair, signGuide, verifyGuide } from '../utils/guides/signature.ts';
import { resolveTarget } from '../utils/guides/target.ts';

const RUNS = 60;

async function median(fn: () => unknown | Promise<unknown>, runs = RUNS): Promise<number> {
  for (let i = 0; i < 3; i++) await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const ms = (value: number) => Math.round(value * 1000) / 1000;

/** A DSFR-like form: 1,000 groups of 5 elements = 5,000 elements. */
function pageHtml(groups: number): string {
  const parts: string[] = [];
  for (let i = 0; i < groups; i++) {
    parts.push(
      `<div class="fr-input-group"><label class="fr-label" for="champ-${i}">Champ numéro ${i}<span class="fr-hint-text">Aide ${i}</span></label><input class="fr-input" id="champ-${i}" name="champ${i}"><p class="fr-message">ok</p></div>`,
    );
  }
  return `<!doctype html><html lang="fr"><body><main><form>${parts.join('')}</form></main></body></html>`;
}

export default async function () {
  const groups = 1000;
  const html = pageHtml(groups);
  const wanted = 800;
  const rows: Array<Record<string, string | number>> = [];
  const engines: Array<[string, Document]> = [
    ['jsdom', new JSDOM(html, { url: 'http://127.0.0.1/' }).window.document],
    [
      'happy-dom',
      (() => {
        const win = new Window({ url: 'http://127.0.0.1/' });
        win.document.write(html);
        return win.document as unknown as Document;
      })(),
    ],
  ];
  for (const [engine, doc] of engines) {
    const elements = doc.querySelectorAll('*').length;
    const target = { label: `Champ numéro ${wanted}` };
    const found = resolveTarget(target, doc);
    if (found?.element.id !== `champ-${wanted}`)
      throw new Error(`${engine}: wrong element ${found?.element.id}`);
    const byLabel = await median(() => resolveTarget(target, doc));
    const byDsfr = await median(() => resolveTarget({ dsfrGroup: `Champ numéro ${wanted}` }, doc));
    const byId = await median(() => resolveTarget({ id: `champ-${wanted}` }, doc));
    const bare = await median(() => doc.querySelector(`#champ-${wanted}`));
    const bareLabel = await median(() => doc.querySelector(`label[for="champ-${wanted}"]`));
    rows.push(
      { case: `resolveTarget by label text (${engine})`, elements, 'median ms': ms(byLabel), runs: RUNS },
      { case: `resolveTarget by DSFR group (${engine})`, elements, 'median ms': ms(byDsfr), runs: RUNS },
      { case: `resolveTarget by id (${engine})`, elements, 'median ms': ms(byId), runs: RUNS },
      {
        case: `reference: querySelector('#champ-${wanted}') (${engine})`,
        elements,
        'median ms': ms(bare),
        runs: RUNS,
      },
      {
        case: `reference: querySelector('label[for=…]') (${engine})`,
        elements,
        'median ms': ms(bareLabel),
        runs: RUNS,
      },
    );
  }

  const base = JSON.parse(
    readFileSync(new URL('../tests/fixtures/guides/valid-demo.json', import.meta.url), 'utf8'),
  );
  const template = base.steps[1];
  base.steps = Array.from({ length: 200 }, (_, i) => ({
    ...structuredClone(template),
    id: `etape-${i}`,
    body: {
      fr: `Étape ${i} : recopiez le **numéro fiscal** de votre avis.\n\n- 13 chiffres\n- [aide](https://www.impots.gouv.fr/aide)`,
    },
  }));
  const bytes = JSON.stringify(base).length;
  if (!parseGuide(base).ok) throw new Error('200-step guide should be valid');
  const validate = await median(() => parseGuide(base));
  const parseOnly = await median(() => JSON.parse(JSON.stringify(base)));
  const keys = await generateKeyPair();
  const signed = await signGuide(base, keys.privateKey);
  const trusted = [{ keyId: keys.publicKey.keyId, publicKey: keys.publicKey.publicKey }];
  const verify = await median(() => verifyGuide(signed, trusted));
  const canonical = await median(() => canonicalize(signed));
  rows.push(
    {
      case: 'parseGuide, 200-step guide',
      elements: `${Math.round(bytes / 1024)} KB`,
      'median ms': ms(validate),
      runs: RUNS,
    },
    {
      case: 'reference: JSON.stringify + JSON.parse of it',
      elements: `${Math.round(bytes / 1024)} KB`,
      'median ms': ms(parseOnly),
      runs: RUNS,
    },
    {
      case: 'verifyGuide (JCS + Ed25519), 200 steps',
      elements: `${Math.round(bytes / 1024)} KB`,
      'median ms': ms(verify),
      runs: RUNS,
    },
    {
      case: 'canonicalize alone, 200 steps',
      elements: `${Math.round(bytes / 1024)} KB`,
      'median ms': ms(canonical),
      runs: RUNS,
    },
  );
  return {
    title: 'Guides: target resolution and guide validation',
    rows,
    notes: [
      `Page of ${groups} DSFR input groups; the wanted field is number ${wanted}. Median of ${RUNS} runs after 3 warm-up runs.`,
      'resolveTarget by label reads every <label> once (text normalized: case, accents, hint text left out); the reference querySelector already knows the final selector.',
      'parseGuide = safe JSON copy + valibot structure + semantic checks (ids, references, match patterns, safe Markdown).',
    ],
  };
}
