/**
 * `pasapas readable <file.html|-> [--url U] [--json] [--lang fr|en|ar]`: what readable mode makes of
 * a page — title, main text, fields, glossary terms — with the same core code as the extension,
 * jsdom standing in for the browser (bin/readable-engine.ts, loaded only once the page is read and
 * checked, so a wrong argument or a missing file is answered at once).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FormsError, type FormsErrorCode } from '../../utils/forms/errors.ts';
import { parseGlossaryFile } from '../../utils/glossary/schema.ts';
import { isLang, type Lang } from '../../utils/i18n/index.ts';
import { ReadableError, type ReadableErrorCode } from '../../utils/readable/errors.ts';
import { beyondLimits, CONTROL_TAGS } from '../../utils/readable/limits.ts';
import { label, message } from '../../utils/readable/messages.ts';
import { loadCachedBundle } from '../cached-bundle.ts';
import type { ReadablePage } from '../readable-engine.ts';
import { packageRoot } from '../root.ts';

export const summary = 'Montre ce que le mode lecture garde d’une page : texte, champs, mots expliqués.';

type Args = { input?: string; url?: string; json: boolean; lang: Lang };

function parseArgs(args: string[]): Args | undefined {
  const out: Args = { json: false, lang: 'fr' };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--json') out.json = true;
    else if (arg === '--url') out.url = args[++i];
    else if (arg.startsWith('--url=')) out.url = arg.slice(6);
    else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? args[++i] : arg.slice(7);
      if (!isLang(value)) return undefined;
      out.lang = value;
    } else if (arg === '-' || !arg.startsWith('-')) {
      if (out.input !== undefined) return undefined;
      out.input = arg;
    } else return undefined;
  }
  if (out.input === undefined || (args.includes('--url') && !out.url)) return undefined;
  return out;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function readInput(input: string): Promise<string> {
  try {
    return input === '-' ? await readStdin() : await readFile(input, 'utf8');
  } catch (error) {
    throw new ReadableError('read-failed', String(error));
  }
}

type P5Node = { tagName?: string; attrs?: Array<{ name: string }>; childNodes?: P5Node[]; content?: P5Node };

/**
 * jsdom builds a deep tree in time quadratic in its depth (20,000 unclosed <label>s: over 4 minutes
 * before any of our code runs), while parse5, the parser jsdom itself uses, reads it in a fraction
 * of a second. So the page is measured on parse5's plain tree first, against readable mode's limits.
 */
async function tooLargeToParse(html: string): Promise<boolean> {
  const fromJsdom = createRequire(createRequire(import.meta.url).resolve('jsdom'));
  const { parse } = (await import(pathToFileURL(fromJsdom.resolve('parse5')).href)) as {
    parse(html: string): P5Node;
  };
  const size = { elements: 0, depth: 0, fields: 0 };
  const stack: Array<[P5Node, number]> = [[parse(html), 1]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    if (node.tagName) {
      size.elements++;
      size.depth = Math.max(size.depth, depth);
      const attrs = new Set(node.attrs?.map((a) => a.name));
      if (CONTROL_TAGS.has(node.tagName) || (attrs.has('role') && attrs.has('tabindex'))) size.fields++;
      if (beyondLimits(size)) return true;
    }
    const next = node.tagName ? depth + 1 : depth;
    for (const child of node.childNodes ?? []) stack.push([child, next]);
  }
  return false;
}

type Engine = typeof import('../readable-engine.ts');

/** The single-file engine, beside this chunk (written by bin/vite.cli.config.ts). */
const ENGINE_BUNDLE = 'readable-engine.cjs';

/**
 * The single-file engine with its code cache when the build has it; the engine as an ordinary
 * chunk importing jsdom from node_modules otherwise (running from the sources), or when
 * PASAPAS_READABLE_ENGINE=modules asks for the former way (bench reference, tests of sameness).
 */
async function loadEngine(): Promise<{ engine: Engine; done(): void }> {
  const bundle = join(dirname(fileURLToPath(import.meta.url)), ENGINE_BUNDLE);
  if (process.env.PASAPAS_READABLE_ENGINE !== 'modules' && existsSync(bundle)) {
    const loaded = loadCachedBundle<Engine>(bundle);
    return { engine: loaded.exports, done: loaded.saveCache };
  }
  return { engine: await import('../readable-engine.ts'), done: () => {} };
}

/** The single-file engine has its own copies of our error classes: matched again by name and code. */
function ownError(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof ReadableError || error instanceof FormsError)
    return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error;
  if (error.name === 'ReadableError') return new ReadableError(code as ReadableErrorCode, error.message);
  if (error.name === 'FormsError') return new FormsError(code as FormsErrorCode, error.message);
  return error;
}

function toText(result: ReadablePage, lang: Lang): string {
  const out: string[] = [];
  out.push(`${label(lang, 'readable.title')} : ${result.title}`);
  if (result.heading && result.heading !== result.title)
    out.push(`${label(lang, 'readable.heading')} : ${result.heading}`);
  out.push('', `== ${label(lang, 'readable.text')} ==`, result.text || label(lang, 'readable.no-text'));
  out.push('', `== ${label(lang, 'readable.forms', { count: result.fields.length })} ==`);
  if (result.fields.length === 0) out.push(label(lang, 'readable.no-fields'));
  for (const field of result.fields) {
    const need = label(lang, field.required ? 'readable.required' : 'readable.optional');
    const name = field.name ? `, ${label(lang, 'readable.name')} « ${field.name} »` : '';
    out.push(
      `- ${field.label || label(lang, 'readable.no-label')} (${label(lang, 'readable.type')} ${field.type}, ${need}${name})`,
    );
    if (field.hint) out.push(`    ${label(lang, 'readable.hint')} : ${field.hint}`);
    if (field.error) out.push(`    ${label(lang, 'readable.error')} : ${field.error}`);
    if (field.options)
      out.push(`    ${field.options.map((o) => `${o.selected ? '(•)' : '( )'} ${o.label}`).join('  ')}`);
    if (field.sensitive) out.push(`    ${label(lang, 'readable.sensitive')}`);
  }
  if (result.submitControls.length > 0) {
    out.push('', `== ${label(lang, 'readable.buttons')} ==`);
    for (const control of result.submitControls) out.push(`- ${control.label} (${control.kind})`);
  }
  out.push('', `== ${label(lang, 'readable.terms', { count: result.glossaryMatches.length })} ==`);
  if (result.glossaryMatches.length === 0) out.push(label(lang, 'readable.no-terms'));
  for (const hit of result.glossaryMatches) out.push(`- ${hit.term} ×${hit.count}`);
  return out.join('\n');
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (!parsed?.input) {
    console.error(label('fr', 'usage.readable'));
    return 2;
  }
  const { input, url, json, lang } = parsed;
  try {
    const html = await readInput(input);
    if (html.trim() === '') throw new ReadableError('empty-input');
    const glossary = parseGlossaryFile(
      JSON.parse(await readFile(join(packageRoot(), 'public/glossary/fr.json'), 'utf8')),
    );
    if (await tooLargeToParse(html)) throw new ReadableError('page-too-large');
    const { engine, done } = await loadEngine();
    let result: ReadablePage;
    try {
      result = engine.readPage(html, { url, glossary: glossary.terms });
    } catch (error) {
      throw ownError(error);
    } finally {
      done();
    }
    console.log(json ? JSON.stringify(result, null, 2) : toText(result, lang));
    return 0;
  } catch (error) {
    console.error(message(lang, error));
    if (process.env.PASAPAS_DEBUG) console.error(error);
    return 1;
  }
}
