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
import { toSerializable } from '../utils/forms/discover.ts';
import type { SerializableField } from '../utils/forms/types.ts';
import type { GlossaryInput } from '../utils/glossary/match.ts';
import { extractReadable, type ReadableResult } from '../utils/readable/extract.ts';

export type ReadablePage = Omit<ReadableResult, 'fields' | 'submitControls'> & {
  fields: SerializableField[];
  submitControls: Array<Omit<ReadableResult['submitControls'][number], 'element'>>;
};

export function readPage(html: string, options: { url?: string; glossary: GlossaryInput }): ReadablePage {
  const dom = new JSDOM(html, { url: options.url ?? 'about:blank' });
  try {
    const purify = createDOMPurify(dom.window as unknown as Parameters<typeof createDOMPurify>[0]);
    const result = extractReadable(dom.window.document, {
      url: options.url,
      purify,
      glossary: options.glossary,
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
    };
  } finally {
    dom.window.close();
  }
}
