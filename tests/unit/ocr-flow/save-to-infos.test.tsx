// @vitest-environment jsdom
/**
 * « Enregistrer dans Mes informations » under a reading, with the file replaced by an in-memory one:
 * a kind already kept with another value shows both and keeps the old one unless the person chooses;
 * a value already kept is not written again; a file changed since the screen showed it is not
 * written over (the person looks again). The real file and frame run in the e2e (twoddoc.test.ts).
 */
import { options, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ocrMessages } from '../../../components/features/ocr/messages';
import type { InfosAccess } from '../../../components/features/ocr/protocol';
import { SaveToInfos } from '../../../components/features/ocr/views/SaveToInfos';
import { createTranslator } from '../../../utils/i18n';
import type { InfoEntry } from '../../../utils/infos/kinds.ts';
import type { ExtractedField } from '../../../utils/ocr/extract/types.ts';
import type { Read, Row } from '../../../utils/ocr/reading-flow.ts';

options.requestAnimationFrame = (flush) => setTimeout(flush);

const translate = createTranslator(ocrMessages);
const t = (key: string, params?: Record<string, string | number>) => translate('fr', key, params);
const FISCAL = '3023217600053';
const OLD = '1234567890066';

const read = {
  reading: { fields: [], documentType: { type: 'avis-imposition' }, quality: null, source: 'ocr' },
  image: null,
  pdfPages: 0,
} as unknown as Read;

function row(kind: ExtractedField['kind'], value: string, n: number): Row {
  return {
    n,
    field: { kind, value, raw: value, valid: true, confidence: 1 } as ExtractedField,
    value,
    valid: true,
    targetKey: '',
    group: 'page',
  };
}
const rows = [row('fiscal-number', FISCAL, 1), row('postcode', '75011', 2)];

let file: InfoEntry[];
let puts: Array<{ kind: string; value: string; id?: string }>;
const infos: InfosAccess = {
  entries: async (kinds) => file.filter((e) => kinds.includes(e.kind)),
  put: async (input, id) => {
    puts.push({ kind: input.kind, value: input.value, ...(id ? { id } : {}) });
  },
};
const kept = (id: string, kind: InfoEntry['kind'], value: string): InfoEntry => ({
  id,
  kind,
  value,
  source: { kind: 'typed' },
  at: 1,
});

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  puts = [];
});
afterEach(() => {
  render(null, host);
  host.remove();
});

async function show() {
  await act(async () => {
    render(<SaveToInfos t={t} lang="fr" read={read} rows={rows} infos={infos} />, host);
  });
  await vi.waitFor(() =>
    expect(host.querySelector('[data-kind-differs], input[type="checkbox"]')).not.toBeNull(),
  );
}
const q = <E extends Element>(selector: string) => host.querySelector<E>(selector);
async function press() {
  await act(async () => {
    q<HTMLButtonElement>('[data-action="ocr-save-infos"]')?.click();
  });
}
const said = () => q('[data-testid="ocr-infos-saved"]')?.textContent ?? '';

describe('« Enregistrer dans Mes informations » beside what the file keeps', () => {
  it('shows the kept value and the read one; keeping is the default, replacing is the person’s choice', async () => {
    file = [kept('f', 'fiscal-number', OLD)];
    await show();
    const differs = q('[data-kind-differs="fiscal-number"]');
    expect(differs?.textContent).toContain(OLD);
    expect(differs?.textContent).toContain(FISCAL);
    expect(q<HTMLInputElement>('[data-kind-differs] input[value="keep"]')?.checked).toBe(true);
    // The postcode is new: ticked. Untick it: nothing at all to write.
    await act(async () => {
      q<HTMLInputElement>('input[data-kind="postcode"]')?.click();
    });
    await press();
    await vi.waitFor(() => expect(said()).toBe('Rien n’a été enregistré : Mes informations n’a pas changé.'));
    expect(puts).toEqual([]);

    await act(async () => {
      q<HTMLInputElement>('[data-kind-differs] input[value="replace"]')?.click();
    });
    await press();
    await vi.waitFor(() => expect(said()).toBe('Remplacé dans Mes informations : Numéro fiscal.'));
    expect(puts).toEqual([{ kind: 'fiscal-number', value: FISCAL, id: 'f' }]);
  });

  it('a value already kept as is is not written again; a new one is added', async () => {
    file = [kept('f', 'fiscal-number', FISCAL)];
    await show();
    expect(q('[data-kind-kept="fiscal-number"]')?.textContent).toBe(
      `Numéro fiscal : ${FISCAL}, déjà dans Mes informations.`,
    );
    await press();
    await vi.waitFor(() => expect(said()).toBe('Enregistré dans Mes informations : Code postal.'));
    expect(puts).toEqual([{ kind: 'postcode', value: '75011' }]);
  });

  it('the file changed since the screen showed it: nothing written, the new state shown', async () => {
    file = [];
    await show();
    // Meanwhile, another window kept a numéro fiscal.
    file = [kept('g', 'fiscal-number', OLD)];
    await press();
    await vi.waitFor(() =>
      expect(q('[data-testid="ocr-infos-error"]')?.textContent).toBe(
        'Mes informations a changé entre-temps. Vérifiez ce qui est affiché, puis appuyez de nouveau.',
      ),
    );
    expect(puts).toEqual([]);
    expect(q('[data-kind-differs="fiscal-number"]')?.textContent).toContain(OLD);
  });
});
