import { Window } from 'happy-dom';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  checkSafeMarkdown,
  isSafeHref,
  markdownToText,
  parseSafeMarkdown,
  renderMarkdown,
  renderMarkdownText,
} from '../../../utils/markdown/index.ts';

describe('parseSafeMarkdown', () => {
  it('reads paragraphs, emphasis, lists and https links', () => {
    const nodes = parseSafeMarkdown(
      'Bonjour **Madame** et *Monsieur*.\nSuite.\n\n- un\n- deux [site](https://www.caf.fr/x?a=1)\n\n1. premier\n2) second',
    );
    expect(nodes).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Bonjour ' },
          { type: 'strong', children: [{ type: 'text', text: 'Madame' }] },
          { type: 'text', text: ' et ' },
          { type: 'em', children: [{ type: 'text', text: 'Monsieur' }] },
          { type: 'text', text: '. Suite.' },
        ],
      },
      {
        type: 'list',
        ordered: false,
        items: [
          [{ type: 'text', text: 'un' }],
          [
            { type: 'text', text: 'deux ' },
            { type: 'link', href: 'https://www.caf.fr/x?a=1', children: [{ type: 'text', text: 'site' }] },
          ],
        ],
      },
      {
        type: 'list',
        ordered: true,
        items: [[{ type: 'text', text: 'premier' }], [{ type: 'text', text: 'second' }]],
      },
    ]);
  });

  it('keeps other links and unclosed markers as plain text', () => {
    for (const href of [
      'javascript:alert(1)',
      'data:text/html,x',
      'http://caf.fr',
      '/relatif',
      'https://user:pw@x.fr',
      'JaVaScRiPt:x',
    ]) {
      const nodes = parseSafeMarkdown(`voir [ici](${href})`);
      expect(markdownToText(nodes)).toBe(`voir [ici](${href})`);
      expect(JSON.stringify(nodes)).not.toContain('"link"');
    }
    expect(markdownToText(parseSafeMarkdown('2 * 3 et **gras'))).toBe('2 * 3 et **gras');
    expect(markdownToText(parseSafeMarkdown('numero_fiscal_x'))).toBe('numero_fiscal_x');
    expect(markdownToText(parseSafeMarkdown('\\*pas italique\\*'))).toBe('*pas italique*');
  });

  it('accepts only absolute https links', () => {
    expect(isSafeHref('https://www.service-public.fr/')).toBe(true);
    expect(isSafeHref('https://x.fr/"onmouseover="a')).toBe(false);
    expect(isSafeHref('https:///x')).toBe(false);
  });

  it('reports what an author should fix', () => {
    expect(checkSafeMarkdown('Texte **simple** [lien](https://a.fr)')).toEqual([]);
    expect(checkSafeMarkdown('<b>gras</b>').map((p) => p.code)).toEqual(['md-html']);
    expect(checkSafeMarkdown('[x](http://a.fr)').map((p) => p.code)).toEqual(['md-unsafe-link']);
    expect(checkSafeMarkdown('a < b et c > d')).toEqual([]);
  });
});

const XSS_CORPUS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '[clic](javascript:alert(1))',
  '[clic](JAVASCRIPT:alert(1))',
  '[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[clic](https://a.fr" onclick="alert(1))',
  '[clic](https://a.fr/"><img src=x onerror=alert(1)>)',
  '**<iframe src="https://evil.example">**',
  '*<style>body{display:none}</style>*',
  '- <details open ontoggle=alert(1)>',
  '1. <math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<!-- x --><div onclick=alert(1)>clic</div>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '[<img src=x onerror=alert(1)>](https://a.fr)',
  '\u0000<script>\u0001alert(1)</script>',
  '[a](https://a.fr) [b](vbscript:msgbox(1)) [c](//evil.fr)',
];

const ALLOWED_TAGS = new Set(['P', 'STRONG', 'EM', 'UL', 'OL', 'LI', 'A']);
const ALLOWED_ATTRS = new Set(['href', 'rel', 'target']);

function checkFragment(doc: Document, source: string) {
  const container = doc.createElement('div');
  container.appendChild(renderMarkdownText(source, doc));
  for (const el of Array.from(container.querySelectorAll('*'))) {
    expect(ALLOWED_TAGS.has(el.tagName), `${el.tagName} from ${source}`).toBe(true);
    for (const attr of Array.from(el.attributes)) {
      expect(ALLOWED_ATTRS.has(attr.name), `${attr.name} from ${source}`).toBe(true);
      expect(attr.name.startsWith('on')).toBe(false);
    }
    if (el.tagName === 'A') {
      expect(el.getAttribute('href')).toMatch(/^https:\/\//);
      expect(el.getAttribute('rel')).toBe('noopener noreferrer');
      expect(el.getAttribute('target')).toBe('_blank');
    }
  }
  return container;
}

describe('renderMarkdown against an XSS corpus', () => {
  const engines: Array<[string, () => Document]> = [
    ['jsdom', () => new JSDOM('<!doctype html><body></body>').window.document],
    ['happy-dom', () => new Window().document as unknown as Document],
  ];
  for (const [name, makeDoc] of engines) {
    it(`builds only safe elements (${name})`, () => {
      const doc = makeDoc();
      for (const source of XSS_CORPUS) checkFragment(doc, source);
    });

    it(`shows raw HTML as visible text (${name})`, () => {
      const doc = makeDoc();
      const container = checkFragment(
        doc,
        'Avant <script>alert(1)</script> <img src=x onerror=alert(1)> après',
      );
      expect(container.textContent).toBe(
        'Avant <script>alert(1)</script> <img src=x onerror=alert(1)> après',
      );
      expect(container.querySelector('script, img')).toBeNull();
    });

    it(`renders the allowed subset (${name})`, () => {
      const doc = makeDoc();
      const container = checkFragment(doc, '**A** *b*\n\n- [c](https://c.fr)\n\n1. d');
      expect(container.innerHTML).toBe(
        '<p><strong>A</strong> <em>b</em></p><ul><li><a href="https://c.fr" rel="noopener noreferrer" target="_blank">c</a></li></ul><ol><li>d</li></ol>',
      );
    });
  }

  it('re-checks trees that did not come from the parser', () => {
    const doc = new JSDOM('').window.document;
    const forged = [
      {
        type: 'paragraph',
        children: [{ type: 'link', href: 'javascript:alert(1)', children: [{ type: 'text', text: 'x' }] }],
      },
      { type: 'script', children: [] },
      { type: 'paragraph', children: [{ type: 'img', src: 'x' }] },
    ] as never;
    const container = doc.createElement('div');
    container.appendChild(renderMarkdown(forged, doc));
    expect(container.innerHTML).toBe('<p>x</p><p></p>');
  });
});
