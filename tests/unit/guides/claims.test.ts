/**
 * What a guide may claim: never the whole web (unless a key the mediator trusts signed it), never
 * a password, card or one-time-code field, never a pattern with too many wildcards.
 */
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../utils/guides/bytes.ts';
import { type FetchLike, fetchCatalog } from '../../../utils/guides/catalog.ts';
import { parseTrustedKey } from '../../../utils/guides/keys.ts';
import { createGuideLibrary } from '../../../utils/guides/library.ts';
import { libraryMessage } from '../../../utils/guides/library-messages.ts';
import { coversWholeWeb } from '../../../utils/guides/match-pattern.ts';
import { guideCatalogs } from '../../../utils/guides/messages.ts';
import { type GuideError, parseGuide } from '../../../utils/guides/schema.ts';
import { generateKeyPair, signGuide } from '../../../utils/guides/signature.ts';
import { collectGuides, memoryCache, readGuideFile } from '../../../utils/guides/sources.ts';
import { freshDb } from '../storage/helpers.ts';
import { demoGuide } from './helpers.ts';

function errorsOf(json: unknown): GuideError[] {
  const result = parseGuide(json);
  return result.ok ? [] : result.errors;
}

function withUrls(...urls: string[]) {
  const guide = demoGuide();
  guide.matches.urls = urls;
  return guide;
}

const WHOLE_WEB = [
  '<all_urls>',
  '*://*/*',
  'http://*/*',
  'https://*/*',
  'https://*/demarche/*',
  '*://*:8080/*',
  '*://*.fr/*',
  'https://*.com/*',
  'https://*.gouv.fr/*',
  'https://*.GOUV.FR/*',
];
const ONE_SITE = [
  'https://*.caf.fr/*',
  'https://www.impots.gouv.fr/*',
  'https://*.impots.gouv.fr/*',
  'https://caf.fr/mon-compte/*',
  'http://127.0.0.1/aide-logement/*',
  'http://localhost:3000/*',
];

describe('a guide cannot claim the whole web', () => {
  it.each(WHOLE_WEB)('refuses %s in matches.urls, at its JSON path', (pattern) => {
    expect(coversWholeWeb(pattern)).toBe(true);
    const errors = errorsOf(withUrls('https://*.caf.fr/*', pattern));
    expect(errors.map((e) => [e.path, e.code])).toEqual([['$.matches.urls[1]', 'match-pattern-whole-web']]);
    expect(errors[0]?.message.fr).toContain('tous les sites');
    expect(errors[0]?.message.en).toContain('every website');
  });

  it.each(ONE_SITE)('accepts %s', (pattern) => {
    expect(coversWholeWeb(pattern)).toBe(false);
    expect(parseGuide(withUrls(pattern)).ok).toBe(true);
  });

  it('a step condition may use any host: the guide already matched its own site', () => {
    const guide = demoGuide();
    guide.steps[1].when = { urlPattern: '*://*/aide-logement/*' };
    expect(parseGuide(guide).ok).toBe(true);
  });

  it('is accepted from a guide signed with a trusted key, refused otherwise, with plain words', async () => {
    const keys = await generateKeyPair();
    const trusted = [await parseTrustedKey(keys.publicKey.publicKey)];
    const wide = withUrls('*://*/*');
    const signed = JSON.stringify(await signGuide(wide, keys.privateKey));
    const read = await readGuideFile(signed, trusted);
    expect(read.verification).toBe('verified');
    expect(read.guide.matches.urls).toEqual(['*://*/*']);
    for (const [text, keysGiven] of [
      [JSON.stringify(wide), trusted], // unsigned
      [signed, []], // signed with a key nobody trusts
    ] as const) {
      const error = await readGuideFile(text, keysGiven).then(
        () => null,
        (e) => e,
      );
      expect(error).toMatchObject({ code: 'whole-web-untrusted' });
      expect(error.errors.map((e: GuideError) => e.path)).toEqual(['$.matches.urls[0]']);
      const fr = libraryMessage('fr', error);
      expect(fr[0]).toContain('tous les sites');
      expect(fr[1]).toContain('$.matches.urls[0]');
      expect(libraryMessage('ar', error)[0]).not.toBe('whole-web-untrusted');
      expect(libraryMessage('en', error)[0]).toContain('every website');
    }
    // A tampered signature is still a tampered signature.
    const tampered = signed.replace(demoGuide().title.fr, 'Autre titre');
    await expect(readGuideFile(tampered, trusted)).rejects.toMatchObject({ code: 'signature-invalid' });
  });

  it('the library: installed when trusted, refused (not offered to pages) once the key is removed', async () => {
    const library = createGuideLibrary(freshDb(), {
      fetch: async () => Promise.reject(new Error('offline')),
    });
    const keys = await generateKeyPair();
    const signed = JSON.stringify(await signGuide(withUrls('<all_urls>'), keys.privateKey));
    await expect(library.installFile(signed)).rejects.toMatchObject({ code: 'whole-web-untrusted' });
    expect((await library.list()).guides).toEqual([]);
    await library.addTrustedKey(keys.publicKey.publicKey);
    expect((await library.installFile(signed)).verification).toBe('verified');
    expect((await library.forPages()).length).toBe(1);
    await library.removeTrustedKey(keys.publicKey.keyId);
    const { guides } = await library.list();
    expect(guides.map((g) => [g.trust, g.refusedWhy])).toEqual([['refused', 'whole-web']]);
    expect(await library.forPages()).toEqual([]);
  });

  it('catalogs and pages: an unsigned whole-web guide is a problem, a trusted one is offered', async () => {
    const keys = await generateKeyPair();
    const wideUnsigned = JSON.stringify({ ...withUrls('*://*/*'), id: 'fr.test.large' });
    const wideSigned = JSON.stringify(
      await signGuide({ ...withUrls('*://*/*'), id: 'fr.test.signe' }, keys.privateKey),
    );
    const base = 'https://guides.example.fr/';
    const entries = [
      { id: 'fr.test.large', url: 'large.json', text: wideUnsigned },
      { id: 'fr.test.signe', url: 'signe.json', text: wideSigned },
    ];
    const catalog = JSON.stringify({
      formatVersion: 1,
      name: 'Test',
      updated: '2026-11-23T10:00:00.000Z',
      guides: await Promise.all(
        entries.map(async (e) => ({
          id: e.id,
          version: demoGuide().version,
          url: e.url,
          sha256: await sha256Hex(e.text),
        })),
      ),
    });
    const served: Record<string, string> = { [`${base}catalog.json`]: catalog };
    for (const e of entries) served[`${base}${e.url}`] = e.text;
    const fetch: FetchLike = async (url) => ({
      status: served[url] === undefined ? 404 : 200,
      ok: served[url] !== undefined,
      headers: { get: () => null },
      arrayBuffer: async () => new TextEncoder().encode(served[url] ?? '').buffer as ArrayBuffer,
    });
    const result = await fetchCatalog(`${base}catalog.json`, {
      fetch,
      cache: memoryCache(),
      trustedKeys: [await parseTrustedKey(keys.publicKey.publicKey)],
    });
    expect(result.guides.map((g) => [g.guide.id, g.verification])).toEqual([['fr.test.signe', 'verified']]);
    expect(result.problems.map((p) => [p.code, p.guideId])).toEqual([
      ['guide-whole-web-refused', 'fr.test.large'],
    ]);

    // What the background hands to pages is checked again with its verification.
    const collected = await collectGuides({
      installed: async () => [
        { text: wideUnsigned, verification: 'unsigned', source: 'file' },
        { text: wideSigned, verification: 'verified', source: 'file' },
      ],
    });
    expect(collected.guides.map((g) => g.id)).toEqual(['fr.test.signe']);
    expect(collected.problems.map((p) => p.code)).toEqual(['guide-invalid']);
  });
});

describe('wildcards are capped', () => {
  it('refuses the hostile pattern with its JSON path and a plain message', () => {
    const guide = withUrls('https://*.caf.fr/*');
    guide.steps[2].when = { urlPattern: 'https://caf.fr/*a*a*a*a*a*a*a*a*b' };
    const errors = errorsOf(guide);
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['$.steps[2].when.urlPattern', 'match-pattern-wildcards'],
    ]);
    expect(errors[0]?.message.fr).toMatch(/\*.*au plus 8/);
    expect(errors[0]?.message.en).toMatch(/at most 8/);
  });
});

describe('a guide never targets a secret field', () => {
  const REFUSED: Array<[Record<string, string>, string]> = [
    [{ selector: 'input[type=password]' }, 'selector'],
    [{ selector: 'form#login input[type="password"]' }, 'selector'],
    [{ selector: "INPUT[TYPE='Password' i]" }, 'selector'],
    [{ selector: '[autocomplete=cc-number]' }, 'selector'],
    [{ selector: 'input[autocomplete="one-time-code"]' }, 'selector'],
    [{ selector: '[autocomplete="cc-csc"]' }, 'selector'],
    [{ selector: '#password' }, 'selector'],
    [{ selector: 'input[name="mot_de_passe"]' }, 'selector'],
    [{ selector: '.fr-password input' }, 'selector'],
    [{ name: 'password' }, 'name'],
    [{ name: 'cvv' }, 'name'],
    [{ id: 'otp' }, 'id'],
    [{ label: 'Mot de passe' }, 'label'],
    [{ label: 'Numéro de carte' }, 'label'],
    [{ aria: 'Cryptogramme visuel' }, 'aria'],
    [{ dsfrGroup: 'Code reçu par SMS' }, 'dsfrGroup'],
  ];
  it.each(REFUSED)('refuses %o at target.%s', (target, key) => {
    const guide = demoGuide();
    guide.steps[1].target = target;
    const errors = errorsOf(guide);
    expect(errors.map((e) => [e.path, e.code])).toEqual([[`$.steps[1].target.${key}`, 'target-sensitive']]);
    expect(errors[0]?.message.fr).toContain('mot de passe');
  });

  const ACCEPTED: Array<Record<string, string>> = [
    { label: 'Numéro fiscal', name: 'numeroFiscal' },
    { selector: 'input[type=email]' },
    { selector: 'input[name="nom"]' },
    { selector: 'button[type=submit]' },
    { selector: '#date-naissance' },
    { id: 'telephone' },
    { label: 'Adresse électronique' },
    { selector: 'input[type=text][autocomplete=family-name]' },
  ];
  it.each(ACCEPTED)('accepts %o', (target) => {
    const guide = demoGuide();
    guide.steps[1].target = target;
    expect(errorsOf(guide)).toEqual([]);
  });

  it('every new message exists in French, English and Arabic', () => {
    for (const code of ['match-pattern-whole-web', 'match-pattern-wildcards', 'target-sensitive']) {
      for (const lang of ['fr', 'en', 'ar'] as const)
        expect((guideCatalogs[lang] as Record<string, string>)[code], `${lang} ${code}`).toBeTruthy();
    }
  });
});
