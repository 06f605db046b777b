/**
 * What `pasapas readable` does once the page is read and checked: jsdom stands in for the browser,
 * the core code (utils/readable) does the rest, and the result comes back as plain JSON-ready data.
 *
 * Built twice (bin/vite.cli.config.ts): as one CommonJS file with jsdom and every library inside,
 * loaded with a V8 code cache made after a first run (bin/cached-bundle.ts; jsdom's ~900 modules
 * otherwise cost most of the command's time), and as an ordinary chunk that imports them from
 * node_modules (PASAPAS_READABLE_ENGINE=modules: the former way, for the bench and the tests).
 */
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { parse } from 'parse5';
import { toSerializable } from '../utils/forms/discover.ts';
import { attachDeclarativeShadowRoots } from '../utils/forms/shadow.ts';
import type { SerializableField } from '../utils/forms/types.ts';
import { parseGlossaryFile } from '../utils/glossary/schema.ts';
import { ReadableError } from '../utils/readable/errors.ts';
import { extractReadable, type ReadableResult } from '../utils/readable/extract.ts';
import { beyondLimits, CONTROL_TAGS } from '../utils/readable/limits.ts';

export type ReadablePage = Omit<ReadableResult, 'fields' | 'submitControls'> & {
  fields: SerializableField[];
  submitControls: Array<Omit<ReadableResult['submitControls'][number], 'element'>>;
};

type P5Node = { tagName?: string; attrs?: Array<{ name: string }>; childNodes?: P5Node[] };

/**
 * jsdom builds a deep tree in time quadratic in its depth (20,000 unclosed <label>s: over 4 minutes
 * before any of our code runs), while parse5, the parser jsdom itself uses, reads it in a fraction
 * of a second. So the page is measured on parse5's plain tree first, against readable mode's limits.
 */
function tooLargeToParse(html: string): boolean {
  const size = { elements: 0, depth: 0, fields: 0 };
  const stack: Array<[P5Node, number]> = [[parse(html) as unknown as P5Node, 1]];
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

/** `glossary`: the glossary file's JSON (public/glossary/fr.json), checked here. */
export function readPage(html: string, options: { url?: string; glossary: unknown }): ReadablePage {
  const glossary = parseGlossaryFile(options.glossary);
  if (tooLargeToParse(html)) throw new ReadableError('page-too-large');
  const dom = new JSDOM(html, { url: options.url ?? 'about:blank' });
  try {
    // As a browser's parser would: a saved page's declared shadow roots hold fields too.
    attachDeclarativeShadowRoots(dom.window.document);
    const purify = createDOMPurify(dom.window as unknown as Parameters<typeof createDOMPurify>[0]);
    const result = extractReadable(dom.window.document, {
      url: options.url,
      purify,
      glossary: glossary.terms,
    });
    return {
      title: result.title,
      heading: result.heading,
      lang: result.lang,
      dir: result.dir,
      excerpt: result.excerpt,
      article: result.article,
      text: result.text,
      contentHtml: result.contentHtml,
      fields: result.fields.map(toSerializable),
      sections: result.sections,
      submitControls: result.submitControls.map(({ element: _e, ...rest }) => rest),
      glossaryMatches: result.glossaryMatches,
      errorSummary: result.errorSummary,
      dynamic: result.dynamic,
    };
  } finally {
    dom.window.close();
  }
}
