/**
 * `pasapas guide validate|catalog|keygen|sign|verify`: the same core code as the extension,
 * so what a mediator validates here is what the extension accepts.
 */
import { existsSync } from 'node:fs';
import { chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sha256Hex } from '../../utils/guides/bytes.ts';
import { buildCatalog, type CatalogFile, parseCatalog } from '../../utils/guides/catalog.ts';
import {
  type CheckedElement,
  checkGuidePage,
  describeInFrench,
  type PageCheck,
  type StepCheck,
  summarizeGuideCheck,
} from '../../utils/guides/health.ts';
import { parseGuideTextWithKeys } from '../../utils/guides/keys.ts';
import { type GuideError, guideErrorText, parseGuideText } from '../../utils/guides/schema.ts';
import {
  generateKeyPair,
  readPrivateKey,
  readPublicKey,
  signGuide,
  type TrustedKey,
  type Verification,
  verifyGuide,
} from '../../utils/guides/signature.ts';
import { isLang, type Lang } from '../../utils/i18n/index.ts';

export const summary =
  'valider, signer, vérifier des guides, les essayer sur des pages, construire un catalogue';

const USAGE = [
  'Usage :',
  '  pasapas guide validate <fichier.json…> [--pubkey <cle-publique.json> …]',
  '                                                     vérifie le format des guides (avec --pubkey, un',
  '                                                     guide signé par ces clés peut viser tout le web)',
  '  pasapas guide check <guide.json> <page.html…> [--url U …] [--json]',
  '                                                     essaie chaque étape sur les pages : champ trouvé,',
  '                                                     incertain ou introuvable (--url : l’adresse des pages,',
  '                                                     une par page, ou un dossier terminé par /)',
  '  pasapas guide catalog <dossier> [-o catalog.json] [--name "Nom"]',
  '                                                     construit le catalogue des guides du dossier',
  '  pasapas guide keygen [-o cle-privee.json] [--id nom]',
  '                                                     crée une paire de clés de signature',
  '  pasapas guide sign <guide.json> --key <cle-privee.json> [-o sortie.json]',
  '                                                     signe un guide (sans -o : le fichier est remplacé)',
  '  pasapas guide verify <guide.json|catalog.json> --pubkey <cle-publique.json> [--pubkey …]',
  '                                                     vérifie la signature (et les empreintes d’un catalogue)',
  'Option commune : --lang fr|en|ar (langue des messages d’erreur, français par défaut).',
].join('\n');

type Parsed = { positional: string[]; options: Map<string, string[]>; flags: Set<string> };

const VALUE_OPTIONS = new Set(['-o', '--out', '--key', '--pubkey', '--name', '--id', '--lang', '--url']);

function parseArgs(args: string[]): Parsed {
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (VALUE_OPTIONS.has(arg)) {
      const value = args[i + 1];
      if (value === undefined) throw new UsageError(`L’option ${arg} demande une valeur.`);
      const key = arg === '--out' ? '-o' : arg;
      options.set(key, [...(options.get(key) ?? []), value]);
      i++;
    } else if (arg.startsWith('-') && arg !== '-') {
      flags.add(arg);
    } else {
      positional.push(arg);
    }
  }
  return { positional, options, flags };
}

class UsageError extends Error {
  readonly code = 'usage';
}

const one = (p: Parsed, key: string) => p.options.get(key)?.at(-1);

async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`Impossible de lire ${what} « ${path} ».`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${what[0]?.toUpperCase()}${what.slice(1)} « ${path} » n’est pas du JSON valide.`);
  }
}

function printErrors(file: string, errors: GuideError[], lang: Lang) {
  for (const error of errors) console.error(`${file}: ${error.path}: ${guideErrorText(error, lang)}`);
}

async function validateCommand(p: Parsed, lang: Lang): Promise<number> {
  if (p.positional.length === 0) throw new UsageError('Indiquez au moins un fichier de guide.');
  const keys = await publicKeys(p.options.get('--pubkey') ?? []);
  let failures = 0;
  for (const file of p.positional) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      console.error(`${file}: impossible de lire ce fichier.`);
      failures++;
      continue;
    }
    const { parsed: result } = await parseGuideTextWithKeys(text, keys);
    if (result.ok)
      console.log(
        `${file}: valide (${result.guide.id} ${result.guide.version}, ${result.guide.steps.length} étapes)`,
      );
    else {
      printErrors(file, result.errors, lang);
      failures++;
    }
  }
  const total = p.positional.length;
  console.log(
    failures === 0 ? `${total} guide(s) valide(s).` : `${failures} guide(s) sur ${total} à corriger.`,
  );
  return failures === 0 ? 0 : 1;
}

/** The address each page is checked at: --url per page, a base ending in "/", or the file itself. */
function pageUrls(pages: string[], urls: string[]): string[] {
  if (urls.length === 0) return pages.map((page) => pathToFileURL(resolve(page)).href);
  const check = (url: string) => {
    try {
      return new URL(url).href;
    } catch {
      throw new UsageError(`Adresse invalide : ${url}`);
    }
  };
  if (urls.length === pages.length) return urls.map(check);
  if (urls.length === 1) {
    const base = urls[0] as string;
    return pages.map((page) => check(base.endsWith('/') ? `${base}${basename(page)}` : base));
  }
  throw new UsageError(
    'Donnez une adresse (--url) par page, ou une seule adresse de dossier terminée par /.',
  );
}

const percent = (score: number) => `${Math.round(score * 100)} %`;

function elementText(el: CheckedElement): string {
  const parts = [el.name ? `name=${el.name}` : '', el.id ? `id=${el.id}` : ''].filter(Boolean).join(', ');
  const label = el.label ? `« ${el.label} »` : `<${el.tag}>`;
  return parts ? `${label} (${parts})` : label;
}

const CLUE_WORDS: Record<string, string> = { id: 'l’id', name: 'le nom (name)' };

/** Found by its label while the page gave its recorded id or name to another field: worth recording again. */
function reassigned(step: StepCheck): string {
  if (step.setAside.length === 0) return '';
  const what = step.setAside.map((k) => CLUE_WORDS[k] ?? k).join(' et ');
  const verb =
    step.setAside.length > 1
      ? 'enregistrés pour cette étape désignent'
      : 'enregistré pour cette étape désigne';
  return `\n    attention : ${what} ${verb} maintenant une autre case ; la case a été retrouvée par son libellé. Enregistrez l’étape à nouveau.`;
}

function stepLine(step: StepCheck): string {
  const strict = step.strict ? ' [étape sensible : exigence plus haute]' : '';
  switch (step.status) {
    case 'found':
      return `  ✓ ${step.stepId} : trouvé — ${elementText(step.element as CheckedElement)}, confiance ${percent(step.score)}${strict}${reassigned(step)}`;
    case 'sensitive':
      return `  ✗ ${step.stepId} : refusé — ${elementText(step.element as CheckedElement)} est un champ secret (mot de passe, carte, code) : un guide ne le vise jamais`;
    case 'ambiguous':
      return `  ? ${step.stepId} : incertain — ${describeInFrench(step.description)} ; plusieurs champs possibles : ${step.candidates
        .slice(0, 3)
        .map((c) => `${elementText(c)} ${percent(c.score)}`)
        .join(' ; ')}${strict}`;
    default:
      return `  ✗ ${step.stepId} : introuvable — ${describeInFrench(step.description)}${
        step.score > 0 ? ` (le plus proche : ${percent(step.score)})` : ''
      }${strict}`;
  }
}

async function checkCommand(p: Parsed, lang: Lang): Promise<number> {
  const [file, ...pages] = p.positional;
  if (!file || pages.length === 0) throw new UsageError('Indiquez le guide puis au moins une page HTML.');
  const urls = pageUrls(pages, p.options.get('--url') ?? []);
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`Impossible de lire le guide « ${file} ».`);
  });
  // Checked as any mediator would have it, signature or not: this is about pages, not trust.
  const parsed = parseGuideText(text, { trusted: true });
  if (!parsed.ok) {
    printErrors(file, parsed.errors, lang);
    return 1;
  }
  const guide = parsed.guide;
  // jsdom only now: `pasapas guide validate` does not need it.
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const results: Array<PageCheck & { file: string }> = [];
  for (const [i, page] of pages.entries()) {
    const html = await readFile(page, 'utf8').catch(() => {
      throw new UsageError(`Impossible de lire la page « ${page} ».`);
    });
    // The page's scripts never run and its resources are not fetched: the file as it is.
    const dom = new JSDOM(html, { url: urls[i] as string, virtualConsole: new VirtualConsole() });
    try {
      results.push({ file: page, ...checkGuidePage(guide, dom.window.document, urls[i] as string) });
    } finally {
      dom.window.close();
    }
  }
  const summary = summarizeGuideCheck(guide, results);
  const ok = summary.notFound.length === 0 && summary.notApplied.length === 0;
  if (p.flags.has('--json')) {
    console.log(
      JSON.stringify(
        { guide: { id: guide.id, version: guide.version }, pages: results, ...summary, ok },
        null,
        2,
      ),
    );
    return ok ? 0 : 1;
  }
  console.log(`Guide ${guide.id} ${guide.version} : ${pages.length} page(s).`);
  for (const result of results) {
    console.log('');
    console.log(`${result.file} (${result.url})`);
    if (result.steps.length === 0) console.log('  aucune étape de ce guide ne s’applique à cette page.');
    for (const step of result.steps) console.log(stepLine(step));
  }
  console.log('');
  const counts = results.flatMap((r) => r.steps);
  const n = (status: StepCheck['status']) => counts.filter((s) => s.status === status).length;
  console.log(
    `Résumé : ${n('found')} trouvé(s), ${n('ambiguous')} incertain(s), ${n('missing')} introuvable(s)${
      n('sensitive') ? `, ${n('sensitive')} refusé(s)` : ''
    }.`,
  );
  if (summary.notFound.length > 0)
    console.log(`Étapes trouvées sur aucune page : ${summary.notFound.join(', ')}.`);
  if (summary.notApplied.length > 0)
    console.log(
      `Étapes sans page à vérifier (leur condition « when » ne vaut pour aucune page donnée) : ${summary.notApplied.join(', ')}.`,
    );
  console.log(ok ? 'Toutes les étapes trouvent leur champ.' : 'Le guide est à revoir pour ces pages.');
  return ok ? 0 : 1;
}

async function listJsonFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
      out.push(...(await listJsonFiles(path)));
    else if (entry.isFile() && entry.name.endsWith('.json')) out.push(path);
  }
  return out.sort();
}

function looksLikeGuide(json: unknown): boolean {
  return json !== null && typeof json === 'object' && 'steps' in json;
}

async function catalogCommand(p: Parsed, lang: Lang): Promise<number> {
  const dir = p.positional[0];
  if (!dir) throw new UsageError('Indiquez le dossier des guides.');
  if (!existsSync(dir) || !(await stat(dir)).isDirectory())
    throw new UsageError(`Le dossier « ${dir} » n’existe pas.`);
  const out = resolve(one(p, '-o') ?? join(dir, 'catalog.json'));
  const files: CatalogFile[] = [];
  for (const path of await listJsonFiles(dir)) {
    if (resolve(path) === out) continue;
    const content = await readFile(path);
    let json: unknown;
    try {
      json = JSON.parse(content.toString('utf8'));
    } catch {
      json = null;
    }
    // Other JSON files (keys, old catalogs) are not guides: leave them out quietly.
    if (json !== null && !looksLikeGuide(json)) continue;
    files.push({
      url: relative(dirname(out), resolve(path)).split(sep).join('/'),
      content: new Uint8Array(content),
    });
  }
  const name = one(p, '--name') ?? basename(resolve(dir));
  const { catalog, problems } = await buildCatalog(files, { name });
  for (const problem of problems) printErrors(problem.url, problem.errors, lang);
  await writeFile(out, `${JSON.stringify(catalog, null, 2)}\n`);
  console.log(
    `Catalogue écrit : ${out} (${catalog.guides.length} guide(s)${problems.length ? `, ${problems.length} ignoré(s)` : ''}).`,
  );
  return problems.length === 0 ? 0 : 1;
}

async function keygenCommand(p: Parsed): Promise<number> {
  const out = one(p, '-o') ?? 'pasapas-cle-privee.json';
  if (existsSync(out))
    throw new UsageError(`Le fichier « ${out} » existe déjà : choisissez un autre nom avec -o.`);
  const pair = await generateKeyPair(one(p, '--id'));
  const pubPath = out.endsWith('.json') ? `${out.slice(0, -5)}.pub.json` : `${out}.pub.json`;
  await writeFile(out, `${JSON.stringify(pair.privateKey, null, 2)}\n`, { mode: 0o600 });
  await chmod(out, 0o600);
  await writeFile(pubPath, `${JSON.stringify(pair.publicKey, null, 2)}\n`);
  console.log(`Clé privée : ${out} (gardez-la secrète, ne la publiez jamais).`);
  console.log(`Clé publique : ${pubPath} (à donner aux médiateurs et à mettre dans l’extension).`);
  console.log(JSON.stringify(pair.publicKey));
  return 0;
}

async function signCommand(p: Parsed, lang: Lang): Promise<number> {
  const file = p.positional[0];
  const keyPath = one(p, '--key');
  if (!file || !keyPath) throw new UsageError('Indiquez le guide et la clé privée (--key).');
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`Impossible de lire le guide « ${file} ».`);
  });
  // Signing is what lets a mediator who trusts the key accept a guide covering the whole web.
  const parsed = parseGuideText(text, { trusted: true });
  if (!parsed.ok) {
    printErrors(file, parsed.errors, lang);
    console.error('Le guide n’est pas signé : corrigez-le d’abord.');
    return 1;
  }
  let key: ReturnType<typeof readPrivateKey>;
  try {
    key = readPrivateKey(await readJsonFile(keyPath, 'la clé privée'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`« ${keyPath} » n’est pas une clé privée Pas à pas.`);
  }
  const signed = await signGuide(JSON.parse(text) as object, key);
  const out = one(p, '-o') ?? file;
  await writeFile(out, `${JSON.stringify(signed, null, 2)}\n`);
  console.log(`Guide signé avec la clé ${key.keyId} : ${out}`);
  return 0;
}

const VERIFY_TEXT: Record<Verification, string> = {
  verified: 'signature vérifiée',
  unsigned: 'guide non signé',
  'untrusted-key': 'signé avec une clé inconnue',
  invalid: 'signature fausse : le guide a été modifié',
};

async function publicKeys(paths: readonly string[]): Promise<TrustedKey[]> {
  const keys: TrustedKey[] = [];
  for (const path of paths) {
    try {
      keys.push(readPublicKey(await readJsonFile(path, 'la clé publique')));
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`« ${path} » n’est pas une clé publique Pas à pas.`);
    }
  }
  return keys;
}

async function verifyCommand(p: Parsed, lang: Lang): Promise<number> {
  const file = p.positional[0];
  const keyPaths = p.options.get('--pubkey') ?? [];
  if (!file || keyPaths.length === 0)
    throw new UsageError('Indiquez le fichier et au moins une clé publique (--pubkey).');
  const keys = await publicKeys(keyPaths);
  const json = await readJsonFile(file, 'le fichier');
  if (json !== null && typeof json === 'object' && 'guides' in json && !('steps' in json)) {
    const parsed = parseCatalog(json);
    if (!parsed.ok) {
      console.error(`${file}: catalogue mal écrit : ${parsed.detail}`);
      return 1;
    }
    let failures = 0;
    for (const entry of parsed.catalog.guides) {
      const path = resolve(dirname(file), entry.url);
      const label = `${file}: ${entry.id}`;
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch {
        console.error(`${label}: fichier introuvable (${entry.url}).`);
        failures++;
        continue;
      }
      if ((await sha256Hex(new Uint8Array(bytes))) !== entry.sha256) {
        console.error(`${label}: empreinte différente du catalogue : le fichier a changé.`);
        failures++;
        continue;
      }
      const result = await checkOne(bytes.toString('utf8'), keys, label, lang);
      if (!result) failures++;
    }
    console.log(failures === 0 ? 'Catalogue vérifié.' : `${failures} guide(s) du catalogue en échec.`);
    return failures === 0 ? 0 : 1;
  }
  return (await checkOne(JSON.stringify(json), keys, file, lang)) ? 0 : 1;
}

async function checkOne(text: string, keys: TrustedKey[], label: string, lang: Lang): Promise<boolean> {
  const { parsed } = await parseGuideTextWithKeys(text, keys);
  if (!parsed.ok) {
    printErrors(label, parsed.errors, lang);
    return false;
  }
  const result = await verifyGuide(JSON.parse(text), keys);
  const line = `${label}: ${VERIFY_TEXT[result]}`;
  if (result === 'verified') console.log(line);
  else console.error(line);
  return result === 'verified';
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h') {
    console.log(USAGE);
    return sub ? 0 : 2;
  }
  try {
    const p = parseArgs(rest);
    const langOption = one(p, '--lang') ?? 'fr';
    if (!isLang(langOption)) throw new UsageError('Langue inconnue : utilisez fr, en ou ar.');
    switch (sub) {
      case 'validate':
        return await validateCommand(p, langOption);
      case 'catalog':
        return await catalogCommand(p, langOption);
      case 'check':
        return await checkCommand(p, langOption);
      case 'keygen':
        return await keygenCommand(p);
      case 'sign':
        return await signCommand(p, langOption);
      case 'verify':
        return await verifyCommand(p, langOption);
      default:
        throw new UsageError(`Sous-commande inconnue : ${sub}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`Erreur inattendue : ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
