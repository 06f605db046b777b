/** Which guide a page gets when several sources carry one, and the widget's configured guides. */
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../utils/guides/bytes.ts';
import type { FetchLike } from '../../../utils/guides/catalog.ts';
import type { Guide } from '../../../utils/guides/format.ts';
import { parseTrustedKey, verifyWithKeys } from '../../../utils/guides/keys.ts';
import { generateKeyPair, signGuide, type Verification } from '../../../utils/guides/signature.ts';
import {
  compareVersions,
  type GuideCandidate,
  type GuideOrigin,
  loadConfiguredGuides,
  mergeGuides,
  readGuideFile,
  trustState,
} from '../../../utils/guides/sources.ts';
import { demoGuide } from './helpers.ts';

function candidate(
  version: string,
  verification: Verification,
  origin: GuideOrigin,
  id = 'fr.demo.aide',
): GuideCandidate {
  return { guide: { ...demoGuide(), id, version } as Guide, verification, origin, source: origin };
}

describe('mergeGuides', () => {
  it('keeps one guide per id: the highest version, then the better-trusted copy', () => {
    const merged = mergeGuides([
      candidate('1.0.0', 'unsigned', 'builtin'),
      candidate('1.2.0', 'unsigned', 'installed'),
      candidate('1.10.0', 'untrusted-key', 'installed'),
      candidate('1.0.0', 'unsigned', 'builtin', 'fr.demo.autre'),
      candidate('1.0.0', 'verified', 'installed', 'fr.demo.autre'),
      candidate('1.0.0', 'unsigned', 'configured', 'fr.demo.autre'),
    ]);
    expect(merged.guides.map((g) => [g.guide.id, g.guide.version, g.trust, g.origin])).toEqual([
      ['fr.demo.aide', '1.10.0', 'unverified', 'installed'],
      ['fr.demo.autre', '1.0.0', 'verified', 'installed'],
    ]);
    expect(merged.shadowed).toHaveLength(4);
  });

  it('never offers a refused guide, even a newer one', () => {
    const merged = mergeGuides([
      candidate('1.0.0', 'unsigned', 'builtin'),
      candidate('3.0.0', 'invalid', 'installed'),
    ]);
    expect(merged.guides.map((g) => [g.guide.version, g.trust])).toEqual([['1.0.0', 'builtin']]);
    expect(merged.refused.map((g) => g.guide.version)).toEqual(['3.0.0']);
  });

  it('compares versions by their numbers, pre-releases first', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('2.0.0-beta', '2.0.0')).toBe(-1);
    expect(compareVersions('2.0.0+build', '2.0.0')).toBe(0);
    expect(trustState('untrusted-key')).toBe('unverified');
    expect(trustState('unsigned', 'builtin')).toBe('builtin');
  });
});

function files(map: Record<string, string>): FetchLike {
  return async (url) => {
    const body = map[url];
    return {
      status: body === undefined ? 404 : 200,
      ok: body !== undefined,
      headers: { get: () => null },
      arrayBuffer: async () => new TextEncoder().encode(body ?? '').buffer as ArrayBuffer,
    };
  };
}

describe('guides configured by an administration (widget)', () => {
  it('verifies against bare keys, shows unsigned as non vérifié and refuses a tampered guide', async () => {
    const keys = await generateKeyPair();
    const named = await generateKeyPair('ma-mairie'); // an id that is not derived from the key
    const signed = await signGuide({ ...demoGuide(), id: 'fr.mairie.signe' }, named.privateKey);
    const tampered = { ...(await signGuide(demoGuide(), keys.privateKey)), id: 'fr.mairie.modifie' };
    const unsigned = { ...demoGuide(), id: 'fr.mairie.libre' };
    const base = 'https://mairie.example.fr/guides/';
    const catalogSigned = JSON.stringify(
      await signGuide({ ...demoGuide(), id: 'fr.mairie.catalogue' }, keys.privateKey),
    );
    const catalog = JSON.stringify({
      formatVersion: 1,
      name: 'Mairie',
      updated: '2026-11-23T10:00:00.000Z',
      guides: [
        {
          id: 'fr.mairie.catalogue',
          version: demoGuide().version,
          url: 'c.json',
          sha256: await sha256Hex(catalogSigned),
        },
      ],
    });
    const fetch = files({
      [`${base}signe.json`]: JSON.stringify(signed),
      [`${base}modifie.json`]: JSON.stringify(tampered),
      [`${base}libre.json`]: JSON.stringify(unsigned),
      [`${base}catalog.json`]: catalog,
      [`${base}c.json`]: catalogSigned,
    });
    const { candidates, problems } = await loadConfiguredGuides(
      {
        urls: [`${base}signe.json`, `${base}modifie.json`, `${base}libre.json`, `${base}absent.json`],
        catalog: `${base}catalog.json`,
        trustedKeys: [keys.publicKey.publicKey, named.publicKey.publicKey],
      },
      { fetch },
    );
    expect(candidates.map((c) => [c.guide.id, c.verification, c.origin])).toEqual([
      ['fr.mairie.signe', 'verified', 'configured'],
      ['fr.mairie.libre', 'unsigned', 'configured'],
      ['fr.mairie.catalogue', 'verified', 'configured'],
    ]);
    expect(problems.map((p) => p.code)).toEqual(['guide-signature-invalid', 'guide-http']);
    expect(problems[0]?.message.fr).toContain('fr.mairie.modifie');
  });

  it('readGuideFile: the same checks for a file a person chose', async () => {
    const keys = await generateKeyPair();
    const signed = JSON.stringify(await signGuide(demoGuide(), keys.privateKey));
    const trusted = [await parseTrustedKey(keys.publicKey.publicKey)];
    expect((await readGuideFile(signed, trusted)).verification).toBe('verified');
    expect((await readGuideFile(signed, [])).verification).toBe('untrusted-key');
    const changed = signed.replace(demoGuide().title.fr, 'Titre changé');
    await expect(readGuideFile(changed, trusted)).rejects.toMatchObject({ code: 'signature-invalid' });
    expect(await verifyWithKeys(JSON.parse(changed), trusted)).toBe('invalid');
  });
});

describe('collectGuides', () => {
  it('merges built-in, installed and configured guides, and keeps going when one source fails', async () => {
    const { collectGuides } = await import('../../../utils/guides/sources.ts');
    const builtin = { ...demoGuide(), version: '1.0.0' } as Guide;
    const installed = JSON.stringify({ ...demoGuide(), version: '1.1.0' });
    const other = { ...demoGuide(), id: 'fr.config.autre' } as Guide;
    const result = await collectGuides({
      builtin: async () => ({ guides: [builtin], problems: [] }),
      installed: async () => [
        { text: installed, verification: 'unsigned', source: 'file' },
        { text: '{"broken": true}', verification: 'unsigned', source: 'file' },
      ],
      configured: async () => {
        throw new Error('offline');
      },
    });
    expect(result.guides.map((g) => [g.id, g.version])).toEqual([[demoGuide().id, '1.1.0']]);
    expect(result.trust[demoGuide().id]).toEqual({
      trust: 'unverified',
      origin: 'installed',
      source: 'file',
    });
    expect(result.problems.map((p) => p.code)).toEqual(['guide-invalid']);
    const refused = await collectGuides({
      installed: async () => [
        { text: JSON.stringify(other), verification: 'invalid', source: 'https://x.fr/c.json' },
      ],
    });
    expect(refused.guides).toEqual([]);
    expect(refused.problems.map((p) => p.code)).toEqual(['guide-signature-invalid']);
    await expect(collectGuides({ builtin: async () => Promise.reject(new Error('down')) })).rejects.toThrow(
      'down',
    );
  });
});

describe('guides served by the site that embeds the widget (issue 13, problem 11)', () => {
  const page = 'https://mairie.example.fr';
  async function setup() {
    const guide = (id: string) => JSON.stringify({ ...demoGuide(), id });
    const own = `${page}/guides/`;
    const other = 'https://guides.autre.example/';
    const catalogOf = async (id: string) =>
      JSON.stringify({
        formatVersion: 1,
        name: 'Catalogue',
        updated: '2026-11-23T10:00:00.000Z',
        guides: [{ id, version: demoGuide().version, url: `${id}.json`, sha256: await sha256Hex(guide(id)) }],
      });
    return files({
      [`${own}liste.json`]: guide('fr.mairie.liste'),
      [`${other}cdn.json`]: guide('fr.mairie.cdn'),
      [`${own}catalog.json`]: await catalogOf('fr.mairie.maison'),
      [`${own}fr.mairie.maison.json`]: guide('fr.mairie.maison'),
      [`${other}catalog.json`]: await catalogOf('fr.autre.ailleurs'),
      [`${other}fr.autre.ailleurs.json`]: guide('fr.autre.ailleurs'),
    });
  }

  it('a guide the page lists, or from a catalog on the page’s origin, is the site’s own', async () => {
    const fetch = await setup();
    const warned: string[] = [];
    const warn = (line: string) => warned.push(line);
    const listed = await loadConfiguredGuides(
      {
        urls: [`${page}/guides/liste.json`, 'https://guides.autre.example/cdn.json'],
        catalog: `${page}/guides/catalog.json`,
      },
      { fetch, pageOrigin: page, warn },
    );
    const merged = mergeGuides(listed.candidates);
    expect(merged.guides.map((g) => [g.guide.id, g.trust])).toEqual([
      ['fr.mairie.liste', 'site'],
      // Listed by the page itself, though served elsewhere: the page vouches for it.
      ['fr.mairie.cdn', 'site'],
      ['fr.mairie.maison', 'site'],
    ]);
    // A catalog on another origin, unsigned: still « non vérifié ».
    const elsewhere = await loadConfiguredGuides(
      { catalog: 'https://guides.autre.example/catalog.json' },
      { fetch, pageOrigin: page, warn },
    );
    expect(mergeGuides(elsewhere.candidates).guides.map((g) => g.trust)).toEqual(['unverified']);
    expect(warned).toEqual([]);
  });

  it('a signature stays stronger than the site’s word, and a tampered guide is still refused', () => {
    expect(trustState('verified', 'configured', true)).toBe('verified');
    expect(trustState('invalid', 'configured', true)).toBe('refused');
    expect(trustState('unsigned', 'configured', true)).toBe('site');
    expect(trustState('untrusted-key', 'configured', false)).toBe('unverified');
    const site = { ...candidate('1.0.0', 'unsigned', 'configured'), site: true };
    const merged = mergeGuides([candidate('1.0.0', 'unsigned', 'builtin'), site]);
    expect(merged.guides.map((g) => g.trust)).toEqual(['site']);
  });

  it('a wrong data-guides address tells the site’s developers in the console, in our words', async () => {
    const fetch = await setup();
    const warned: string[] = [];
    const { problems } = await loadConfiguredGuides(
      { urls: [`${page}/guide/liste.json`] },
      { fetch, pageOrigin: page, warn: (line) => warned.push(line) },
    );
    expect(problems.map((p) => p.code)).toEqual(['guide-http']);
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(
      /^\[Pas à pas\] data-guides « https:\/\/mairie\.example\.fr\/guide\/liste\.json » : /,
    );
    expect(warned[0]).toContain('404');
    expect(warned[0]).toContain('Vérifiez cette adresse');
    // A catalog's problem names the catalog.
    const broken: string[] = [];
    await loadConfiguredGuides(
      { catalog: `${page}/guides/absent.json` },
      { fetch, pageOrigin: page, warn: (line) => broken.push(line) },
    );
    expect(broken[0]).toMatch(
      /^\[Pas à pas\] data-catalog « https:\/\/mairie\.example\.fr\/guides\/absent\.json » : /,
    );
  });
});
