import { describe, expect, it, vi } from 'vitest';
import { discoverFields } from '../../../utils/forms/discover.ts';
import { FormsError } from '../../../utils/forms/errors.ts';
import {
  findSubmitControls,
  openRealFilePicker,
  type RealState,
  readReal,
  watchReal,
  writeToReal,
} from '../../../utils/forms/mirror.ts';
import { dsfrPage, fieldById, fieldByName, fixturePage, html } from './helpers.ts';

function recordEvents(target: EventTarget, types: string[]): string[] {
  const seen: string[] = [];
  for (const type of types)
    target.addEventListener(type, (event) => seen.push(`${event.type}:${(event.target as Element).id}`));
  return seen;
}

describe('writeToReal', () => {
  it('sets text and fires bubbling input and change the site listens to, then blur and focusout when asked', () => {
    const dom = html('<form id="f"><input id="nom" name="nom"></form>');
    const doc = dom.window.document;
    const input = doc.getElementById('nom') as HTMLInputElement;
    const seen = recordEvents(doc.getElementById('f') as Element, ['input', 'change', 'focusout']);
    const blurs = recordEvents(input, ['blur']);
    const composed: boolean[] = [];
    input.addEventListener('input', (e) => composed.push(e.composed && e.bubbles));
    writeToReal(input, 'Dupont');
    expect(input.value).toBe('Dupont');
    expect(seen).toEqual(['input:nom', 'change:nom']);
    expect(composed).toEqual([true]);
    writeToReal(input, 'Durand', { blur: true });
    expect(seen).toEqual(['input:nom', 'change:nom', 'input:nom', 'change:nom', 'focusout:nom']);
    expect(blurs).toEqual(['blur:nom']);
  });

  it('goes through the native prototype setter, not an own-property trap (React-controlled inputs)', () => {
    const dom = html('<input id="x">');
    const input = dom.window.document.getElementById('x') as HTMLInputElement;
    const native = Object.getOwnPropertyDescriptor(dom.window.HTMLInputElement.prototype, 'value');
    if (!native?.set || !native.get) throw new Error('jsdom has no native value accessor');
    const trapped: string[] = [];
    // What React's value tracker does: an own property on the element that records what it was told.
    Object.defineProperty(input, 'value', {
      configurable: true,
      get() {
        return native.get?.call(this);
      },
      set(v: string) {
        trapped.push(v);
        native.set?.call(this, v);
      },
    });
    const nativeSet = vi.spyOn(native, 'set');
    Object.defineProperty(dom.window.HTMLInputElement.prototype, 'value', native);
    writeToReal(input, 'valeur');
    expect(trapped).toEqual([]);
    expect(nativeSet).toHaveBeenCalledTimes(1);
    expect(native.get.call(input)).toBe('valeur');
  });

  it('writes textareas and contenteditable ARIA textboxes', () => {
    const dom = fixturePage('broken-form.html');
    const doc = dom.window.document;
    const textbox = doc.querySelector('[role="textbox"]') as Element;
    const seen = recordEvents(textbox, ['input']);
    writeToReal(textbox, 'Mon commentaire');
    expect(textbox.textContent).toBe('Mon commentaire');
    expect(seen).toHaveLength(1);
    const ta = html('<textarea id="t"></textarea>').window.document.getElementById(
      't',
    ) as HTMLTextAreaElement;
    writeToReal(ta, 'ligne 1\nligne 2');
    expect(ta.value).toBe('ligne 1\nligne 2');
  });

  it('selects an option, and refuses one that does not exist', () => {
    const dom = dsfrPage('component/select');
    const select = dom.window.document.getElementById('select') as HTMLSelectElement;
    const seen = recordEvents(select, ['input', 'change']);
    writeToReal(select, '3');
    expect(select.value).toBe('3');
    expect(seen).toEqual(['input:select', 'change:select']);
    expect(() => writeToReal(select, '42')).toThrow(FormsError);
    expect(select.value).toBe('3');
  });

  it('checks a radio of a group by value, with click, input and change on it', () => {
    const dom = dsfrPage('component/radio');
    const doc = dom.window.document;
    const first = doc.getElementById('radio-1') as HTMLInputElement;
    const third = doc.getElementById('radio-3') as HTMLInputElement;
    const seen = recordEvents(doc.getElementById('radio') as Element, ['click', 'input', 'change']);
    writeToReal(first, '3');
    expect(third.checked).toBe(true);
    expect((doc.getElementById('radio-2') as HTMLInputElement).checked).toBe(false);
    expect(seen).toEqual(['click:radio-3', 'input:radio-3', 'change:radio-3']);
    expect(() => writeToReal(first, 'absent')).toThrow(expect.objectContaining({ code: 'unknown-option' }));
  });

  it('ticks and unticks a checkbox, even when the site cancels clicks', () => {
    const dom = html('<input type="checkbox" id="c"><input type="checkbox" id="d">');
    const doc = dom.window.document;
    const box = doc.getElementById('c') as HTMLInputElement;
    const seen = recordEvents(box, ['change']);
    writeToReal(box, true);
    expect(box.checked).toBe(true);
    writeToReal(box, true);
    expect(seen).toHaveLength(1);
    writeToReal(box, false);
    expect(box.checked).toBe(false);
    const stubborn = doc.getElementById('d') as HTMLInputElement;
    stubborn.addEventListener('click', (e) => e.preventDefault());
    const changes = recordEvents(stubborn, ['change']);
    writeToReal(stubborn, true);
    expect(stubborn.checked).toBe(true);
    expect(changes).toEqual(['change:d']);
  });

  it('flips an ARIA switch by clicking it', () => {
    const dom = html('<div role="switch" tabindex="0" aria-checked="false" id="s"></div>');
    const sw = dom.window.document.getElementById('s') as HTMLElement;
    sw.addEventListener('click', () =>
      sw.setAttribute('aria-checked', String(sw.getAttribute('aria-checked') !== 'true')),
    );
    writeToReal(sw, true);
    expect(sw.getAttribute('aria-checked')).toBe('true');
  });

  it('never writes into file inputs: it opens the real picker instead', () => {
    const dom = dsfrPage('component/upload');
    const file = dom.window.document.getElementById('file-upload') as HTMLInputElement;
    expect(() => writeToReal(file, 'C:/fakepath/x.pdf')).toThrow(
      expect.objectContaining({ code: 'file-input' }),
    );
    const clicks = recordEvents(file, ['click']);
    openRealFilePicker(file);
    expect(clicks).toEqual(['click:file-upload']);
    const text = html('<input id="t">').window.document.getElementById('t') as Element;
    expect(() => openRealFilePicker(text)).toThrow(expect.objectContaining({ code: 'not-a-file-input' }));
  });

  it('refuses a control that left the page', () => {
    const dom = html('<input id="t">');
    const input = dom.window.document.getElementById('t') as Element;
    input.remove();
    expect(() => writeToReal(input, 'x')).toThrow(expect.objectContaining({ code: 'detached' }));
  });
});

describe('watchReal and readReal', () => {
  it('reports what the person or the site types, once per change', async () => {
    const dom = dsfrPage('component/input');
    const field = fieldById(discoverFields(dom.window.document), 'text-input-text');
    const input = field.element as HTMLInputElement;
    const states: RealState[] = [];
    const stop = watchReal(field, (s) => states.push(s));
    input.value = 'tapé';
    input.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
    input.dispatchEvent(new dom.window.Event('change', { bubbles: true }));
    expect(states).toEqual([{ value: 'tapé', invalid: false }]);
    stop();
    input.value = 'après';
    input.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
    expect(states).toHaveLength(1);
  });

  it('re-reads the error when the site shows one (DSFR messages group, aria-invalid)', async () => {
    const dom = dsfrPage('component/input');
    const doc = dom.window.document;
    const field = fieldById(discoverFields(doc), 'text-input-text');
    const states: RealState[] = [];
    const stop = watchReal(field, (s) => states.push(s));
    const messages = doc.getElementById('text-input-text-messages') as Element;
    const p = doc.createElement('p');
    p.className = 'fr-message fr-message--error';
    p.textContent = 'Ce champ est obligatoire';
    messages.appendChild(p);
    field.element.setAttribute('aria-invalid', 'true');
    // Read once after the burst of mutations (a microtask after the observer's own).
    await vi.waitFor(() => expect(states).toHaveLength(1), { timeout: 10_000 });
    expect(states).toEqual([{ value: '', invalid: true, error: 'Ce champ est obligatoire' }]);
    p.remove();
    field.element.removeAttribute('aria-invalid');
    await vi.waitFor(() => expect(states).toHaveLength(2), { timeout: 10_000 });
    expect(states.at(-1)).toEqual({ value: '', invalid: false });
    stop();
  });

  it('follows a radio group and a checkbox', () => {
    const dom = dsfrPage('component/radio');
    const field = fieldByName(discoverFields(dom.window.document), 'radio');
    expect(readReal(field).value).toBe('2');
    const states: RealState[] = [];
    const stop = watchReal(field, (s) => states.push(s));
    (dom.window.document.getElementById('radio-3') as HTMLInputElement).click();
    expect(states.map((s) => s.value)).toEqual(['3']);
    stop();
    const boxDom = html('<label><input type="checkbox" name="ok"> Oui</label>');
    const box = fieldByName(discoverFields(boxDom.window.document), 'ok');
    const boxStates: RealState[] = [];
    watchReal(box, (s) => boxStates.push(s));
    (box.element as HTMLInputElement).click();
    expect(boxStates.at(-1)?.checked).toBe(true);
  });

  it('never reports the value of a sensitive field', () => {
    const dom = dsfrPage('layout/page/login/2-error');
    const field = fieldByName(discoverFields(dom.window.document), 'password');
    const states: RealState[] = [];
    watchReal(field, (s) => states.push(s));
    writeToReal(field.element, 'secret-123', { blur: true });
    expect((field.element as HTMLInputElement).value).toBe('secret-123');
    expect(JSON.stringify(states)).not.toContain('secret-123');
    expect(readReal(field).value).toBeUndefined();
  });

  it('can poll for values set by scripts without any event', async () => {
    const dom = html('<input id="x" name="x">');
    const field = fieldByName(discoverFields(dom.window.document), 'x');
    const states: RealState[] = [];
    const stop = watchReal(field, (s) => states.push(s), { pollMs: 5 });
    (field.element as HTMLInputElement).value = 'posé par le site';
    await vi.waitFor(() => expect(states).toHaveLength(1), { timeout: 10_000 });
    stop();
    expect(states).toEqual([{ value: 'posé par le site', invalid: false }]);
  });
});

describe('findSubmitControls', () => {
  it('finds the submit button of a form, not the other buttons', () => {
    const dom = fixturePage('broken-form.html');
    const form = dom.window.document.getElementById('demande') as Element;
    expect(findSubmitControls(form).map(({ label, kind }) => ({ label, kind }))).toEqual([
      { label: 'Envoyer ma demande', kind: 'submit' },
    ]);
  });

  it('finds previous and next controls of a stepper, including links', () => {
    const dom = fixturePage('multistep.html');
    const form = dom.window.document.getElementById('etape2') as Element;
    expect(findSubmitControls(form).map(({ label, kind }) => ({ label, kind }))).toEqual([
      { label: 'Étape précédente', kind: 'previous' },
      { label: 'Étape suivante', kind: 'submit' },
    ]);
  });

  it('includes buttons outside the form that point to it, and the DSFR login submit', () => {
    const dom = html('<form id="f"><input name="a"></form><button form="f" type="submit">Valider</button>');
    const found = findSubmitControls(dom.window.document.getElementById('f') as Element);
    expect(found.map((c) => c.label)).toEqual(['Valider']);
    const login = dsfrPage('layout/page/login/2-error');
    const loginForm = login.window.document.getElementById('login-7906') as Element;
    expect(findSubmitControls(loginForm).map((c) => c.label)).toEqual(['Se connecter']);
  });
});
