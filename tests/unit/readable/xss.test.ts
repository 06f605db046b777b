/**
 * Hostile page content must come out of readable mode with nothing that can run: each payload is
 * embedded in an otherwise ordinary article, extracted, then the output is parsed again and checked
 * element by element.
 */
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractReadable, type Purifier, sanitizeHtml } from '../../../utils/readable/index.ts';

const PAYLOADS: string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '<svg onload=alert(3)><circle r="1"></circle></svg>',
  '<a href="javascript:alert(4)">lien 4</a>',
  '<a href="JaVaScRiPt&colon;alert(5)">lien 5</a>',
  '<a href="&#106;avascript:alert(6)">lien 6</a>',
  '<a href="java&#9;script:alert(7)">lien 7</a>',
  '<a href=" javascript:alert(8)">lien 8</a>',
  '<a href="vbscript:msgbox(9)">lien 9</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxMCk8L3NjcmlwdD4=">lien 10</a>',
  '<iframe srcdoc="&lt;script&gt;alert(11)&lt;/script&gt;"></iframe>',
  '<p style="background:url(javascript:alert(12))">fond 12</p>',
  '<div style="width: expression(alert(13))">largeur 13</div>',
  '<template><img src=x onerror=alert(14)></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(15)>"></noscript>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(16)></style></mglyph></table></mtext></math>',
  '<svg><style><img src=x onerror=alert(17)></style></svg>',
  '<form action="javascript:alert(18)"><button>envoyer 18</button></form>',
  '<button formaction="javascript:alert(19)">bouton 19</button>',
  '<object data="javascript:alert(20)"></object>',
  '<embed src="javascript:alert(21)">',
  '<details open ontoggle=alert(22)><summary>détails 22</summary></details>',
  '<input autofocus onfocus=alert(23)>',
  '<video><source onerror=alert(24)></video>',
  '<base href="javascript:alert(25)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(26)">',
  '<link rel="import" href="data:text/html,<script>alert(27)</script>">',
  '<style>@import "javascript:alert(28)";</style>',
  '<xmp><img src=x onerror=alert(29)></xmp>',
  '<div onclick="alert(30)" onmouseover="alert(30)">clic 30</div>',
  '<marquee onstart=alert(31)>défile 31</marquee>',
  '<select><template><img src=x onerror=alert(32)></template></select>',
  '<svg><a xlink:href="javascript:alert(33)"><text>texte 33</text></a></svg>',
  '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=alert(34) src>">',
  '<noscript><style></noscript><img src=x onerror=alert(35)>',
  '<img srcset="x 1x" onerror="alert(36)">',
  '<a href="#" id="location">clobber 37</a><form name="body"></form>',
  '<svg><animate onbegin=alert(38) attributeName=x dur=1s></svg>',
  '<p><a href="https://example.test/ok" target="_blank" ping="https://tracker.test">lien sûr 39</a></p>',
];

const FORBIDDEN_TAGS = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'template',
  'noscript',
  'svg',
  'math',
  'base',
  'meta',
  'link',
  'xmp',
]);
const URL_ATTRS = [
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'srcset',
  'poster',
  'background',
];

// One parser for every check: a whole JSDOM per string made this file the slowest of the suite.
const parser = new new JSDOM('').window.DOMParser();

/** Everything in `html` that could run code or reach out when inserted into a page. */
function executableConstructs(html: string): string[] {
  const doc = parser.parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  const problems: string[] = [];
  for (const el of doc.body.querySelectorAll('*')) {
    if (FORBIDDEN_TAGS.has(el.localName)) problems.push(`<${el.localName}>`);
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`namespace ${el.namespaceURI}`);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`${el.localName}[${name}]`);
      if (['style', 'srcdoc', 'formaction', 'target', 'ping'].includes(name))
        problems.push(`${el.localName}[${name}]`);
      if (URL_ATTRS.includes(name)) {
        // What a browser would see after stripping control characters and white space.
        const value = attr.value.replace(/[\s\p{Cc}]/gu, '').toLowerCase();
        if (/^(javascript|vbscript|data:text\/html)/.test(value))
          problems.push(`${el.localName}[${name}=${attr.value}]`);
      }
    }
    if (el.id === 'location' || el.getAttribute('name') === 'body')
      problems.push(`clobbering ${el.outerHTML}`);
  }
  return problems;
}

function page(payloads: string[]): string {
  const paragraphs = payloads
    .map(
      (payload, i) =>
        `<p>Paragraphe ${i + 1} sur les aides au logement et la prime d'activité versées par la CAF. ${payload} Suite du texte ordinaire pour que le contenu reste un article lisible.</p>`,
    )
    .join('\n');
  return `<!doctype html><html lang="fr"><head><title>Article piégé</title></head><body><main><article><h1>Article piégé</h1>${paragraphs}</article></main></body></html>`;
}

describe('readable mode against hostile content', () => {
  it('has a checker that does see the raw payloads (so a pass means something)', () => {
    const flagged = PAYLOADS.filter((payload) => executableConstructs(payload).length > 0);
    expect(flagged.length).toBeGreaterThanOrEqual(PAYLOADS.length - 2);
  });

  it('outputs no executable construct when every payload is in one article', () => {
    const dom = new JSDOM(page(PAYLOADS), { url: 'https://example.test/' });
    const purify = createDOMPurify(
      dom.window as unknown as Parameters<typeof createDOMPurify>[0],
    ) as Purifier;
    const result = extractReadable(dom.window.document, { purify, markTerms: true, glossary: [] });
    expect(result.article).toBe(true);
    // The article really came through: the test is not passing on an empty output.
    expect(result.text).toContain('Paragraphe 30');
    expect(executableConstructs(result.contentHtml)).toEqual([]);
    expect(result.contentHtml).not.toMatch(/alert\(\d+\)<\/script>|onerror=|javascript:/i);
    // Sanitizing again changes nothing: the output is stable when parsed again (no mutation XSS).
    expect(sanitizeHtml(purify, result.contentHtml)).toBe(result.contentHtml);
  });

  it.each(PAYLOADS.map((p, i) => [i + 1, p] as const))(
    'payload %i alone leaves nothing executable',
    (_n, payload) => {
      const dom = new JSDOM(page([payload]), { url: 'https://example.test/' });
      const purify = createDOMPurify(
        dom.window as unknown as Parameters<typeof createDOMPurify>[0],
      ) as Purifier;
      const result = extractReadable(dom.window.document, { purify });
      // The article came through: "nothing executable" is not passing on an empty output.
      expect(result.text).toContain('Paragraphe 1 sur les aides');
      expect(executableConstructs(result.contentHtml)).toEqual([]);
      // The sanitizer profile by itself, without Readability's own cleaning.
      expect(executableConstructs(sanitizeHtml(purify, payload))).toEqual([]);
    },
  );

  it('keeps ordinary links and text', () => {
    const dom = new JSDOM(page([PAYLOADS.at(-1) as string]), { url: 'https://example.test/' });
    const purify = createDOMPurify(
      dom.window as unknown as Parameters<typeof createDOMPurify>[0],
    ) as Purifier;
    const result = extractReadable(dom.window.document, { purify });
    expect(result.contentHtml).toContain('href="https://example.test/ok"');
    expect(result.text).toContain('lien sûr 39');
  });
});
