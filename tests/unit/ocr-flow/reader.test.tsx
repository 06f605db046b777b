// @vitest-environment jsdom
/**
 * The reading screen wired to its flow, with the engine replaced (reading.ts mocked): a file gives the
 * values, « Remplir » sends the chosen ones once through the bridge, a refusal is a new alert each press,
 * cancel returns focus to the file picker, an image too large says so. The real engine runs in the e2e.
 */
import { options, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OcrBridge } from '../../../components/features/ocr/protocol';
import type { ExtractedField } from '../../../utils/ocr/extract/types.ts';
import type { FillItem } from '../../../utils/ocr/fill/index.ts';
import { FrontTabError } from '../../../utils/ocr/front-tab/index.ts';
import { OcrImageError } from '../../../utils/ocr/preprocess/image.ts';
import type { Read } from '../../../utils/ocr/reading-flow.ts';

// Preact runs after-paint effects on an animation frame raced with a 100 ms timer. Outside the
// browser that timer can outlive this file and call jsdom's cancelAnimationFrame after teardown:
// run them on the next task instead, as a frame would come in a quiet browser.
options.requestAnimationFrame = (flush) => setTimeout(flush);

const IBAN = 'FR7630006000011234567890189';
const engine = vi.hoisted(() => ({
  next: null as null | ((signal: AbortSignal) => Promise<unknown>),
  released: 0,
}));

vi.mock('../../../components/features/ocr/reading', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../components/features/ocr/reading')>();
  return {
    ...real,
    readSource: (_source: unknown, opts: { signal: AbortSignal }) => engine.next?.(opts.signal),
    releaseEngine: () => {
      engine.released++;
    },
  };
});

const { Reader } = await import('../../../components/features/ocr/Reader');

function readOf(fields: ExtractedField[]): Read {
  return {
    reading: {
      fields,
      documentType: { type: 'rib', confidence: 1, labelKey: 'rib' },
      quality: null,
      source: 'ocr',
    } as unknown as Read['reading'],
    image: null,
    pdfPages: 0,
  };
}

let host: HTMLElement;
let fills: FillItem[][];
let refuse: boolean;
function bridge(): OcrBridge {
  return {
    assetsBase: '/ocr/',
    targets: async () => ({
      targets: [{ key: 'k-iban', label: 'IBAN', name: 'iban', type: 'text', dsfr: true }],
    }),
    fill: async (items) => {
      if (refuse) throw new FrontTabError('tab-changed');
      fills.push(items);
      return { filled: items.map((i) => i.targetKey), failed: [] };
    },
    pasteButton: false,
  };
}

const $ = <E extends Element = HTMLElement>(sel: string) => host.querySelector<E>(sel);
const click = (sel: string) => $<HTMLButtonElement>(sel)?.click();
function chooseFile() {
  const input = $<HTMLInputElement>('[data-testid="ocr-file"]');
  if (!input) throw new Error('no file input');
  Object.defineProperty(input, 'files', {
    value: [new File(['x'], 'rib.png', { type: 'image/png' })],
    configurable: true,
  });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  fills = [];
  refuse = false;
  engine.next = async () => readOf([{ kind: 'iban', value: IBAN, raw: IBAN, valid: true, confidence: 0.9 }]);
  render(<Reader bridge={bridge()} lang="fr" />, host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

describe('Reader wired to the flow', () => {
  it('a file read gives the values; « Remplir » fills once; nothing before the press', async () => {
    chooseFile();
    await vi.waitFor(() => expect($('[data-testid="ocr-doctype"]')).not.toBeNull());
    // The screen's heading takes the focus once shown.
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Ce que nous avons lu'));
    expect(host.querySelector<HTMLSelectElement>('[data-testid="ocr-target"]')?.value).toBe('k-iban');
    expect(fills).toEqual([]);
    click('[data-action="ocr-fill"]');
    await vi.waitFor(() => expect($('[data-testid="ocr-filled"]')).not.toBeNull());
    expect(fills).toEqual([[{ targetKey: 'k-iban', value: IBAN }]]);
  });

  it('a refusal from the tab check is a new alert at each press, values kept', async () => {
    refuse = true;
    chooseFile();
    await vi.waitFor(() => expect($('[data-action="ocr-fill"]')).not.toBeNull());
    click('[data-action="ocr-fill"]');
    await vi.waitFor(() =>
      expect($('[data-testid="ocr-result-message"]')?.getAttribute('role')).toBe('alert'),
    );
    const first = $('[data-testid="ocr-result-message"]');
    click('[data-action="ocr-fill"]');
    await vi.waitFor(() => {
      const again = $('[data-testid="ocr-result-message"]');
      expect(again).not.toBeNull();
      expect(again).not.toBe(first);
    });
    expect(fills).toEqual([]);
    expect(host.querySelector<HTMLInputElement>('.pp-ocr-input')?.value).toBe(IBAN);
  });

  it('cancel during reading: the reading is aborted, focus back on the file picker, a late answer ignored', async () => {
    let aborted: AbortSignal | undefined;
    let finish: (r: Read) => void = () => {};
    engine.next = (signal) => {
      aborted = signal;
      return new Promise((resolve) => {
        finish = resolve;
      });
    };
    chooseFile();
    await vi.waitFor(() => expect(aborted).toBeDefined());
    expect($('[data-testid="ocr-progress"]')).not.toBeNull();
    click('[data-action="ocr-cancel"]');
    await vi.waitFor(() => expect($('[data-testid="ocr-message"]')?.textContent).toBeTruthy());
    expect(aborted?.aborted).toBe(true);
    expect($('[data-testid="ocr-message"]')?.className).toBe('pp-message');
    await vi.waitFor(() => expect(document.activeElement).toBe($('[data-testid="ocr-file"]')));
    // The cancelled reading answers late, then another document is read: only the second one shows.
    finish(readOf([]));
    engine.next = async () =>
      readOf([{ kind: 'iban', value: IBAN, raw: IBAN, valid: true, confidence: 0.9 }]);
    chooseFile();
    await vi.waitFor(() => expect($('[data-testid="ocr-doctype"]')).not.toBeNull());
    expect($('[data-testid="ocr-none"]')).toBeNull();
    expect($<HTMLInputElement>('.pp-ocr-input')?.value).toBe(IBAN);
  });

  it('an image too large: its own words, as an error', async () => {
    engine.next = async () => {
      throw new OcrImageError('image-too-large', 'too large');
    };
    chooseFile();
    await vi.waitFor(() => expect($('[data-testid="ocr-message"]')).not.toBeNull());
    expect($('[data-testid="ocr-message"]')?.className).toContain('pp-message--error');
    expect($('[data-testid="ocr-message"]')?.textContent).toMatch(/grande/i);
  });

  it('the engine is released when the screen goes', () => {
    render(null, host);
    // Effects run at once inside act, so the screen's cleanup is in place before it goes.
    act(() => render(<Reader bridge={bridge()} lang="fr" />, host));
    const before = engine.released;
    act(() => render(null, host));
    expect(engine.released).toBe(before + 1);
  });
});
