// @vitest-environment jsdom
/** useAdoptedSheet: one constructed sheet per CSS text, adopted once per root, before the first paint. */
import { render } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { adoptSheet, useAdoptedSheet } from '../../../components/app/use-adopted-sheet';

const CSS_A = '.a-test { color: red; }';
const CSS_B = '.b-test { color: blue; }';

/** The rules of the sheets adopted by a root, as text. */
const adopted = (root: Document | ShadowRoot) =>
  root.adoptedStyleSheets.map((s) => [...s.cssRules].map((r) => r.cssText).join(''));

let seenAtFirstLayout: string[][] = [];
function Styled({ css }: { css: string }) {
  const ref = useAdoptedSheet<HTMLDivElement>(css);
  useLayoutEffect(() => {
    const root = ref.current?.getRootNode() as ShadowRoot | Document;
    seenAtFirstLayout.push(adopted(root));
  }, []);
  return <div ref={ref}>x</div>;
}
function WithOwnRef({ css }: { css: string }) {
  const ref = useRef<HTMLElement>(null);
  useAdoptedSheet(css, ref);
  return <section ref={ref}>y</section>;
}

const hosts: HTMLElement[] = [];
function shadow(): ShadowRoot {
  const host = document.createElement('div');
  document.body.append(host);
  hosts.push(host);
  return host.attachShadow({ mode: 'open' });
}
afterEach(() => {
  for (const host of hosts.splice(0)) {
    if (host.shadowRoot) render(null, host.shadowRoot);
    host.remove();
  }
  seenAtFirstLayout = [];
  document.adoptedStyleSheets = [];
});

describe('useAdoptedSheet', () => {
  it('adopts the sheet in the shadow root before the component’s own layout effects', () => {
    const root = shadow();
    render(<Styled css={CSS_A} />, root);
    expect(adopted(root)).toHaveLength(1);
    expect(adopted(root)[0]).toContain('.a-test');
    expect(seenAtFirstLayout[0]?.[0]).toContain('.a-test');
    // The page's document is left alone.
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  it('adopts once per root, and every root and copy shares the one sheet for the same CSS', () => {
    const one = shadow();
    const two = shadow();
    render(
      <>
        <Styled css={CSS_A} />
        <Styled css={CSS_A} />
        <WithOwnRef css={CSS_A} />
        <WithOwnRef css={CSS_B} />
      </>,
      one,
    );
    render(<Styled css={CSS_A} />, two);
    expect(one.adoptedStyleSheets).toHaveLength(2);
    expect(two.adoptedStyleSheets).toHaveLength(1);
    expect(two.adoptedStyleSheets[0]).toBe(one.adoptedStyleSheets[0]);
    // Rendered again (a new mount of the tab): still one copy.
    render(null, one);
    render(<Styled css={CSS_A} />, one);
    expect(one.adoptedStyleSheets).toHaveLength(2);
  });

  it('keeps sheets already adopted by the root, and works on a document', () => {
    const existing = new CSSStyleSheet();
    existing.replaceSync('.panel-test { margin: 0; }');
    document.adoptedStyleSheets = [existing];
    const host = document.createElement('div');
    document.body.append(host);
    hosts.push(host);
    render(<WithOwnRef css={CSS_B} />, host);
    expect(document.adoptedStyleSheets[0]).toBe(existing);
    expect(adopted(document)).toHaveLength(2);
    expect(adopted(document)[1]).toContain('.b-test');
    render(null, host);
  });

  it('does nothing without an element', () => {
    expect(adoptSheet(null, CSS_A)).toBe(false);
  });
});
