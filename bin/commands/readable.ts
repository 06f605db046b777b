/**
 * `pasapas readable <file.html|-> [--url U] [--json] [--lang fr|en|ar]`: what readable mode makes of
 * a page — title, main text, fields, glossary terms — with the same core code as the extension,
 * jsdom standing in for the browser (bin/readable-engine.ts, loaded only once the page is read, so a
 * wrong argument or a missing file is answered at once).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FormsError, type FormsErrorCode } from '../../utils/forms/errors.ts';
import { GlossaryError, type GlossaryErrorCode } from '../../utils/glossary/schema.ts';
import { isLang, type Lang } from '../../utils/i18n/index.ts';
import { ReadableError, type ReadableErrorCode } from '../../utils/readable/errors.ts';
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
  if (
    !(error instanceof Error) ||
    error instanceof ReadableError ||
    error instanceof FormsError ||
    error instanceof GlossaryError
  )
    return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error;
  if (error.name === 'ReadableError') return new ReadableError(code as ReadableErrorCode, error.message);
  if (error.name === 'FormsError') return new FormsError(code as FormsErrorCode, error.message);
  if (error.name === 'GlossaryError') {
    const issues = (error as { issues?: unknown }).issues;
    return new GlossaryError(code as GlossaryErrorCode, Array.isArray(issues) ? issues.map(String) : []);
  }
  return error;
}

function toText(result: ReadablePage, lang: Lang): string {
  const out: string[] = [];
  out.push(`${label(lang, 'readable.title')} : ${result.title}`);
  if (result.heading && result.heading !== result.title)
    out.push(`${label(lang, 'readable.heading')} : ${result.heading}`);
  if (result.errorSummary) {
    out.push('', `== ${label(lang, 'readable.error-summary')} ==`, result.errorSummary.title);
    for (const item of result.errorSummary.items) out.push(`- ${item.text}`);
  }
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
  if (result.dynamic.length > 0) {
    out.push('', `== ${label(lang, 'readable.dynamic', { count: result.dynamic.length })} ==`);
    out.push(label(lang, 'readable.dynamic-note'));
    for (const d of result.dynamic)
      out.push(
        `- <${d.widget}>${d.label ? ` ${d.label}` : ''}${d.name ? ` (${label(lang, 'readable.name')} « ${d.name} »)` : ''}`,
      );
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
    const glossary: unknown = JSON.parse(
      await readFile(join(packageRoot(), 'public/glossary/fr.json'), 'utf8'),
    );
    const { engine, done } = await loadEngine();
    let result: ReadablePage;
    try {
      result = engine.readPage(html, { url, glossary });
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
