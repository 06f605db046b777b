/** A field on the page: the controls behind a target, what to focus, text vs choice, and the step's check. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  answerKind,
  checkField,
  checkMessage,
  commitsOn,
  controlsOf,
  focusableOf,
  readValue,
} from '../../../utils/guides/field-value.ts';
import type { Step } from '../../../utils/guides/format.ts';

function page(html: string): Document {
  return new JSDOM(`<!doctype html><body>${html}</body>`).window.document;
}
function must<T>(value: T | null | undefined): T {
  if (value == null) throw new Error('missing');
  return value;
}

const step = (field?: Step['field']): Step => ({
  id: 's',
  title: { fr: 's' },
  body: { fr: 's' },
  target: { id: 'x' },
  field,
  done: { kind: 'field-valid' },
});

describe('controlsOf and focusableOf', () => {
  const doc = page(`
    <form id="f1"><input type="radio" name="r" value="a" id="ra"><input type="radio" name="r" value="b" id="rb"></form>
    <form id="f2"><input type="radio" name="r" value="z" id="rz"></form>
    <fieldset id="group"><input type="hidden" name="h"><input name="one"><select name="two"></select><textarea name="three"></textarea></fieldset>
    <div id="empty"><span>rien</span></div>
    <input id="text" name="t">`);

  it('gives a radio’s whole group in its own form, the controls of a container, the control itself', () => {
    expect(controlsOf(must(doc.getElementById('ra'))).map((c) => c.id)).toEqual(['ra', 'rb']);
    expect(controlsOf(must(doc.getElementById('rz'))).map((c) => c.id)).toEqual(['rz']);
    expect(controlsOf(must(doc.getElementById('group'))).map((c) => c.name)).toEqual(['one', 'two', 'three']);
    expect(controlsOf(must(doc.getElementById('text'))).map((c) => c.id)).toEqual(['text']);
    expect(controlsOf(must(doc.getElementById('empty')))).toEqual([]);
  });

  it('focuses the ticked radio, else the first control, else the element itself', () => {
    expect(focusableOf(must(doc.getElementById('ra'))).id).toBe('ra');
    must(doc.getElementById('rb') as HTMLInputElement | null).checked = true;
    expect(focusableOf(must(doc.getElementById('ra'))).id).toBe('rb');
    expect((focusableOf(must(doc.getElementById('group'))) as HTMLInputElement).name).toBe('one');
    expect(focusableOf(must(doc.getElementById('empty'))).id).toBe('empty');
  });
});

describe('readValue and commitsOn', () => {
  it('joins ticked boxes, says "on" for a box without value, reads nothing from an empty container', () => {
    const doc = page(
      `<div id="boxes"><input type="checkbox" name="a" value="x" checked><input type="checkbox" name="b" checked><input type="checkbox" name="c" value="z"></div><div id="none"></div>`,
    );
    expect(readValue(must(doc.getElementById('boxes')))).toBe('x,on');
    expect(readValue(must(doc.getElementById('none')))).toBe('');
  });

  it('judges typed text and files on change, and what arrows browse (lists, radios, boxes, dates) on leaving', () => {
    const doc = page(`<input id="plain"><input id="mail" type="email"><input id="day" type="date">
      <textarea id="area"></textarea><input id="box" type="checkbox"><input id="radio" type="radio">
      <select id="list"></select><input id="file" type="file"><input id="qty" type="number">
      <input id="time" type="time"><input id="go" type="submit"><div id="div"></div>`);
    const on = (id: string) => commitsOn(must(doc.getElementById(id)));
    expect(['plain', 'mail', 'area', 'file', 'go', 'div'].map(on)).toEqual(Array(6).fill('change'));
    expect(['day', 'box', 'radio', 'list', 'qty', 'time'].map(on)).toEqual(Array(6).fill('leave'));
  });
});

describe('checkField and checkMessage', () => {
  it('a step without a field or validator is satisfied by any non-empty value, with nothing to say', () => {
    expect(checkField(undefined, 'x')).toEqual({ value: 'x', empty: false, ok: true });
    expect(checkField(undefined, ' ')).toEqual({ value: ' ', empty: true, ok: false });
    expect(checkField(step({ describe: { fr: 'd' } }), 'x')).toEqual({ value: 'x', empty: false, ok: true });
    expect(checkMessage('fr', undefined, undefined)).toBe('');
  });

  it('an empty value is not ok when the step has a validator, and gets no message', () => {
    const nir = step({ describe: { fr: 'd' }, validator: 'nir' });
    const check = checkField(nir, '');
    expect(check).toEqual({ value: '', empty: true, ok: false });
    expect(checkMessage('fr', nir, check)).toBe('');
  });

  it('a date rule alone is checked as a date, and explained', () => {
    const birth = step({ describe: { fr: 'd' }, dateRule: { rule: 'past' } });
    expect(checkField(birth, '05/04/1984')).toMatchObject({
      empty: false,
      ok: true,
      result: { valid: true },
    });
    const future = checkField(birth, '05/04/2999');
    expect(future.ok).toBe(false);
    expect(checkMessage('fr', birth, future)).not.toBe('');
  });
});

describe('answerKind', () => {
  it('says what the person does: write, choose, join a file, press a button or follow a link', () => {
    const doc =
      page(`<input id="nom"><fieldset id="civ"><input type="radio" name="c"><input type="radio" name="c"></fieldset>
      <select id="list"></select><input id="box" type="checkbox"><input id="file" type="file">
      <button id="go">Suivant</button><input id="send" type="submit"><a id="link" href="x">Commencer</a>
      <div id="area"><textarea></textarea></div>`);
    const kind = (id: string) => answerKind(must(doc.getElementById(id)));
    expect(['nom', 'area'].map(kind)).toEqual(['write', 'write']);
    expect(['civ', 'list', 'box'].map(kind)).toEqual(['choose', 'choose', 'choose']);
    expect(kind('file')).toBe('file');
    expect(['go', 'send'].map(kind)).toEqual(['button', 'button']);
    expect(kind('link')).toBe('link');
    // Not found yet: the step's kind tells.
    expect(answerKind(null, 'clicked')).toBe('button');
    expect(answerKind(null, 'field-filled')).toBe('write');
  });
});
