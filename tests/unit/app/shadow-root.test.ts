// @vitest-environment jsdom
/**
 * Our shadow roots: closed on a web page (the extension), where the site's script must not walk
 * into them; open for the widget, which runs in the site's own world anyway. Our own code still
 * finds a closed root, from another bundle too (the launcher's root is reused by the panel).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { attachOurShadow, modeFor, shadowOf } from '../../../components/app/shadow-root';
import { deepActiveElement } from '../../../components/features/readable/view';

afterEach(() => {
  document.body.replaceChildren();
});

describe('our shadow roots', () => {
  it('are closed on a web page and open in the widget and our own extension pages', () => {
    expect(modeFor('page')).toBe('closed');
    expect(modeFor('widget')).toBe('open');
    expect(modeFor('sidepanel')).toBe('open');
  });

  it('hides a closed root from the page but not from our code, and reuses it', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = attachOurShadow(host, 'closed');
    expect(host.shadowRoot).toBeNull();
    expect(shadowOf(host)).toBe(root);
    // The panel mounting on the launcher's host gets the same root, not an error for a second one.
    expect(attachOurShadow(host, 'closed')).toBe(root);
  });

  it('finds an open root of the site or the widget as it is', () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    expect(shadowOf(host)).toBe(root);
    expect(attachOurShadow(host, 'closed')).toBe(root);
  });

  it('follows focus into a closed root of ours (the reading view gives focus back there)', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = attachOurShadow(host, 'closed');
    const button = document.createElement('button');
    button.textContent = 'Lire';
    root.append(button);
    button.focus();
    expect(document.activeElement).toBe(host);
    expect(deepActiveElement(document)).toBe(button);
  });
});
