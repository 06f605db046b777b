import { describe, expect, it } from 'vitest';
import { LANGS } from '../../../utils/i18n/index.ts';
import type { ExtractedField } from '../../../utils/ocr/extract/types.ts';
import { mergeWithOcr } from '../../../utils/twoddoc/merge.ts';
import { twoDDocCatalogs, twoDDocStatusMessage } from '../../../utils/twoddoc/messages.ts';
import { parseTwoDDoc } from '../../../utils/twoddoc/parse.ts';
import { checkTwoDDocText, readTwoDDoc } from '../../../utils/twoddoc/read.ts';
import { DEMO_KEY, TRUST_LIST, withDemoKey } from '../../../utils/twoddoc/trust.ts';
import { twoDDocValues } from '../../../utils/twoddoc/values.ts';
import { verifyTwoDDoc } from '../../../utils/twoddoc/verify.ts';
import { codeImage, readerWasm, SPECIMEN, signedCode, TEST_TRUST } from '../../fixtures/twoddoc/make.ts';

/** The demo site's configuration: the shipped list plus the demo key. */
const DEMO = withDemoKey(TRUST_LIST);

/** Changes one character of the signed part (a value), keeping the code well formed. */
function tamper(text: string): string {
  return text.replace('18430', '98430');
}

describe('signature', () => {
  it('verifies a code signed with the demo key where the demo configuration adds it, and says it is a test key', async () => {
    const r = await checkTwoDDocText(await signedCode(), DEMO);
    expect(r.ok && r.verification.status).toBe('verified');
    if (!r.ok || r.verification.status !== 'verified') return;
    expect(r.verification.key.test).toBe(true);
    expect(twoDDocStatusMessage('fr', r)).toBe(
      'Code signé avec une clé de test : signature vérifiée, mais sans valeur officielle.',
    );
  });
  it('verifies P-384 with SHA-384', async () => {
    const doc = parseTwoDDoc(await signedCode(undefined, { key: 'p384' }));
    expect(doc.curve).toBe('P-384');
    expect((await verifyTwoDDoc(doc, TEST_TRUST)).status).toBe('verified');
  });
  it('says « signature fausse » for a changed value, and gives no value from it', async () => {
    const r = await checkTwoDDocText(tamper(await signedCode()), DEMO);
    expect(r.ok && r.verification.status).toBe('bad-signature');
    expect(r.ok && r.fields).toEqual([]);
    expect(r.ok && twoDDocStatusMessage('fr', r)).toBe(
      'Code signé : signature fausse. Le code a été modifié. Nous n’utilisons pas ses valeurs.',
    );
  });
  it('says « signature fausse » for a code signed by another key under the demo certificate', async () => {
    const stranger = await signedCode(undefined, { key: 'stranger', header: { certId: 'DEMO' } });
    expect((await verifyTwoDDoc(parseTwoDDoc(stranger), DEMO)).status).toBe('bad-signature');
  });
  it('says « signature fausse » for a P-384 signature under a P-256 certificate', async () => {
    const mixed = await signedCode(undefined, { key: 'p384', header: { certId: 'DEMO' } });
    expect((await verifyTwoDDoc(parseTwoDDoc(mixed), DEMO)).status).toBe('bad-signature');
  });
  it('says « émetteur inconnu » for a certificate not in the list, naming a known authority', async () => {
    const specimen = await checkTwoDDocText(SPECIMEN);
    expect(specimen.ok && specimen.verification).toEqual({ status: 'unknown-issuer', authority: null });
    expect(specimen.ok && twoDDocStatusMessage('fr', specimen)).toBe(
      'Code signé : émetteur inconnu. Nous ne pouvons pas vérifier sa signature.',
    );
    const ants = await checkTwoDDocText(
      await signedCode(undefined, { header: { caId: 'FR05', certId: 'AB12' } }),
    );
    expect(ants.ok && ants.verification).toEqual({ status: 'unknown-issuer', authority: 'FR05 : ANTS' });
    // Values of an unverified code are still offered (they are exact), marked so by their status.
    expect(ants.ok && ants.fields.length).toBeGreaterThan(0);
  });
  it('ships the ANTS trust list with its source, date and six authorities', () => {
    expect(TRUST_LIST.source).toBe('https://pub.ants.gouv.fr/2D-DOC/V1/PRD/01_TSL/tsl_signed.xml');
    expect(TRUST_LIST.date).toBe('2025-08-25T11:00:00Z');
    expect(TRUST_LIST.authorities.map((a) => a.caId)).toEqual([
      'FR01',
      'FR03',
      'FR04',
      'FR05',
      'FR06',
      'FR07',
    ]);
    for (const a of TRUST_LIST.authorities) expect(a.certificate.length).toBeGreaterThan(1000);
    // No signing key at all: the demo's test key (its private half is public) is not in the shipped list.
    expect(TRUST_LIST.keys).toEqual([]);
  });
  it('says « émetteur inconnu » for a demo-signed code with the shipped list, and never « vérifiée »', async () => {
    const r = await checkTwoDDocText(await signedCode());
    expect(r.ok && r.verification).toEqual({ status: 'unknown-issuer', authority: null });
    expect(r.ok && twoDDocStatusMessage('fr', r)).toBe(
      'Code signé : émetteur inconnu. Nous ne pouvons pas vérifier sa signature.',
    );
    // Adding the demo key makes a new list; the shipped one stays without it.
    expect(withDemoKey(TRUST_LIST).keys).toEqual([DEMO_KEY]);
    expect(TRUST_LIST.keys).toEqual([]);
  });
  it('tells a broken code apart from a missing one', async () => {
    const r = await checkTwoDDocText('DC04FR000001FFFF23DC28');
    expect(r).toMatchObject({ ok: false, error: 'bad-header' });
    for (const lang of LANGS) expect(twoDDocStatusMessage(lang, r)).not.toMatch(/twoddoc\./);
  });
});

describe('values to fill', () => {
  it('gives typed, checked values marked as from the code', async () => {
    const doc = parseTwoDDoc(await signedCode());
    const values = twoDDocValues(doc);
    const by = (kind: string, meaning?: string) =>
      values.find((v) => v.kind === kind && (meaning === undefined || v.meaning === meaning));
    expect(by('fiscal-number')).toMatchObject({ value: '3023217600053', valid: true, source: '2ddoc' });
    expect(by('tax-notice-reference')?.value).toBe('2378465903218');
    expect(by('reference-tax-income')?.value).toBe('18430');
    expect(by('name', 'nom-prenom')?.value).toBe('MARTIN CLAIRE');
    expect(by('date', 'mise-en-recouvrement')).toMatchObject({ value: '31/07/2026', valid: true });
    expect(by('address')?.value).toBe('12 RUE DES LILAS/75011/PARIS');
    expect(values.every((v) => v.source === '2ddoc')).toBe(true);
  });
  it('marks a truncated value and a wrong check digit as not valid', async () => {
    const doc = parseTwoDDoc(
      await signedCode([
        ['46', 'MARTIN CLAIRE'],
        ['47', '3023217600054'],
        ['45', '2025'],
      ]),
    );
    doc.fields[0] = { ...(doc.fields[0] as (typeof doc.fields)[0]), truncated: true };
    const values = twoDDocValues(doc);
    expect(values.find((v) => v.kind === 'name')?.valid).toBe(false);
    expect(values.find((v) => v.kind === 'fiscal-number')?.valid).toBe(false);
  });
  it('lets the code win over OCR and reports what disagrees', async () => {
    const code = twoDDocValues(parseTwoDDoc(await signedCode()));
    const ocr: ExtractedField[] = [
      { kind: 'fiscal-number', value: '3023217600053', raw: '', valid: true, confidence: 0.9 },
      { kind: 'reference-tax-income', value: '18480', raw: '', valid: true, confidence: 0.7 },
      { kind: 'iban', value: 'FR7630006000011234567890189', raw: '', valid: true, confidence: 0.9 },
    ];
    const { fields, disagreements } = mergeWithOcr(code, ocr);
    expect(disagreements).toEqual([{ kind: 'reference-tax-income', code: '18430', ocr: '18480' }]);
    expect(fields.filter((f) => f.kind === 'reference-tax-income').map((f) => f.value)).toEqual(['18430']);
    expect(fields.filter((f) => f.kind === 'fiscal-number')).toHaveLength(1);
    expect(fields.find((f) => f.kind === 'iban')?.value).toBe('FR7630006000011234567890189');
  });
  it('has every message in English and Arabic', () => {
    for (const lang of ['en', 'ar'] as const)
      expect(Object.keys(twoDDocCatalogs[lang]).sort()).toEqual(Object.keys(twoDDocCatalogs.fr).sort());
  });
});

describe('reading the DataMatrix in an image (zxing-wasm, local WebAssembly)', () => {
  const wasm = readerWasm();
  it('finds, parses and verifies a code drawn on a page', async () => {
    const text = await signedCode();
    const img = await codeImage(text, 3);
    // Put the code in a corner of a bigger, greyish page.
    const page = { width: 900, height: 1200, data: new Uint8ClampedArray(900 * 1200 * 4).fill(235) };
    for (let y = 0; y < img.height; y++)
      page.data.set(
        img.data.subarray(y * img.width * 4, (y + 1) * img.width * 4),
        ((y + 60) * 900 + 640) * 4,
      );
    const r = await readTwoDDoc(page, { wasm, trust: DEMO });
    expect(r?.ok && r.verification.status).toBe('verified');
    expect(r?.ok && r.doc.fields.find((f) => f.id === '47')?.value).toBe('3023217600053');
  });
  it('reads a code turned a quarter, blurred, greyed and noisy (like a photo)', async () => {
    const img = await codeImage(await signedCode(), 4);
    const w = img.height;
    const h = img.width;
    const gray = new Float32Array(w * h);
    for (let y = 0; y < img.height; y++)
      for (let x = 0; x < img.width; x++)
        gray[x * w + (img.height - 1 - y)] = img.data[(y * img.width + x) * 4] ?? 0;
    const turned = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4) };
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        let sum = 0;
        let n = 0;
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) {
            const v = gray[Math.min(h - 1, Math.max(0, y + dy)) * w + Math.min(w - 1, Math.max(0, x + dx))];
            sum += v ?? 0;
            n++;
          }
        // Low contrast (60–210), 3×3 blur, ±30 noise.
        const v = 60 + (sum / n) * 0.6 + (rand() - 0.5) * 60;
        const i = (y * w + x) * 4;
        turned.data[i] = turned.data[i + 1] = turned.data[i + 2] = v;
        turned.data[i + 3] = 255;
      }
    const r = await readTwoDDoc(turned, { wasm, trust: DEMO });
    expect(r?.ok && r.verification.status).toBe('verified');
  });
  it('returns null for an image without a code', async () => {
    const blank = { width: 200, height: 200, data: new Uint8ClampedArray(200 * 200 * 4).fill(255) };
    expect(await readTwoDDoc(blank, { wasm })).toBeNull();
  });
  it('refuses the values of a tampered code read from an image', async () => {
    const r = await readTwoDDoc(await codeImage(tamper(await signedCode())), { wasm, trust: DEMO });
    expect(r?.ok && r.verification.status).toBe('bad-signature');
    expect(r?.ok && r.fields).toEqual([]);
  });
});
