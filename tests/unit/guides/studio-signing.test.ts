/**
 * The studio's signing (issue 12 item 1): a key made once and kept as a non-extractable key
 * object, guides signed in the format the extension and `pasapas guide verify` check, and the
 * folder to publish (a zip with catalog.json, the signed guides and the public key file).
 */
import { crc32 as zlibCrc32 } from 'node:zlib';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { fetchCatalog, parseCatalog } from '../../../utils/guides/catalog.ts';
import { parseGuideText } from '../../../utils/guides/schema.ts';
import { verifyGuide } from '../../../utils/guides/signature.ts';
import { memoryCache } from '../../../utils/guides/sources.ts';
import { PUBLIC_KEY_FILE, publishableFolder, publishableZip } from '../../../utils/guides/studio/publish.ts';
import {
  createSigningKeys,
  idbSigningKeyStore,
  publicKeyFile,
  type SigningKeyStore,
  type StoredSigningKey,
} from '../../../utils/guides/studio/signing-key.ts';
import { crc32, zip } from '../../../utils/guides/studio/zip.ts';
import { unzip } from '../../unzip.ts';
import { demoGuide } from './helpers.ts';

describe('studio signing key', () => {
  it('is made once, non-extractable, kept in IndexedDB, and signs guides the verifier accepts', async () => {
    const factory = new IDBFactory();
    const keys = createSigningKeys(idbSigningKeyStore(factory));
    expect(await keys.current()).toBeNull();
    const made = await keys.ensure();
    expect(made.protected).toBe(true);
    expect(made.keyId).toMatch(/^[0-9a-f]{16}$/);
    // A second call (another click, another panel) keeps the same key.
    expect((await keys.ensure()).keyId).toBe(made.keyId);

    // Read back by a new instance (the background restarted): a key object no script can export.
    const again = createSigningKeys(idbSigningKeyStore(factory));
    expect((await again.current())?.publicKey).toBe(made.publicKey);
    const stored = await idbSigningKeyStore(factory).get();
    expect(stored?.privateKey).toBeInstanceOf(CryptoKey);
    const privateKey = stored?.privateKey as CryptoKey;
    expect(privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', privateKey)).rejects.toThrow();

    const text = `${JSON.stringify(demoGuide(), null, 2)}\n`;
    const signed = await again.signText(text);
    const json = JSON.parse(signed.text);
    expect(json.signature.keyId).toBe(made.keyId);
    const trusted = [{ keyId: made.keyId, publicKey: made.publicKey }];
    expect(await verifyGuide(json, trusted)).toBe('verified');
    expect(parseGuideText(signed.text).ok).toBe(true);
    // Changed after signing: refused.
    json.steps[0].title.fr = 'Autre titre';
    expect(await verifyGuide(json, trusted)).toBe('invalid');
  });

  it('keeps the key as bytes where a key object cannot be stored, and says it is unprotected', async () => {
    let kept: StoredSigningKey | undefined;
    const store: SigningKeyStore = {
      get: async () => kept,
      put: async (key) => {
        if (typeof key.privateKey !== 'string') {
          const error = new Error('cannot clone');
          error.name = 'DataCloneError';
          throw error;
        }
        kept = key;
      },
    };
    const keys = createSigningKeys(store);
    const made = await keys.ensure();
    expect(made.protected).toBe(false);
    const signed = JSON.parse((await keys.signText(JSON.stringify(demoGuide()))).text);
    expect(await verifyGuide(signed, [made])).toBe('verified');
  });

  it('refuses to sign without a key, with a typed error', async () => {
    const keys = createSigningKeys(idbSigningKeyStore(new IDBFactory()));
    await expect(keys.signText(JSON.stringify(demoGuide()))).rejects.toMatchObject({
      name: 'SignatureError',
    });
  });
});

describe('zip', () => {
  it('computes CRC-32 as zlib does and stores files readable back, UTF-8 names included', () => {
    const data = new TextEncoder().encode('Numéro fiscal');
    expect(crc32(data)).toBe(zlibCrc32(data));
    const files = unzip(
      zip([
        { path: 'a/catalog.json', content: '{}' },
        { path: 'a/guides/démarche.json', content: 'é' },
      ]),
    );
    expect([...files]).toEqual([
      ['a/catalog.json', '{}'],
      ['a/guides/démarche.json', 'é'],
    ]);
  });
});

describe('publishable folder', () => {
  it('holds catalog.json, the signed guide and the public key: a catalog the extension installs as verified', async () => {
    const keys = createSigningKeys(idbSigningKeyStore(new IDBFactory()));
    const key = await keys.ensure();
    const guide = demoGuide();
    const signed = await keys.signText(JSON.stringify(guide));
    const { bytes, problems } = await publishableZip({
      guides: [{ id: guide.id, text: signed.text }],
      publicKey: publicKeyFile(key),
      name: 'France Services de Exemple',
    });
    expect(problems).toBe(0);
    const files = unzip(bytes);
    expect([...files.keys()].sort()).toEqual(
      [
        'guides-a-publier/LISEZMOI.txt',
        'guides-a-publier/catalog.json',
        `guides-a-publier/guides/${guide.id}.json`,
        `guides-a-publier/${PUBLIC_KEY_FILE}`,
      ].sort(),
    );
    const catalog = parseCatalog(JSON.parse(files.get('guides-a-publier/catalog.json') ?? ''));
    if (!catalog.ok) throw new Error(catalog.detail);
    expect(catalog.catalog.name).toBe('France Services de Exemple');
    expect(JSON.parse(files.get(`guides-a-publier/${PUBLIC_KEY_FILE}`) ?? '')).toEqual({
      kind: 'pasapas-guide-public-key',
      alg: 'Ed25519',
      keyId: key.keyId,
      publicKey: key.publicKey,
    });

    // Served as it is from a web host: the catalog reader checks hashes and signatures.
    const base = 'https://guides.example.org/';
    const fetch = async (input: string | URL | Request) => {
      const url = String(input);
      const path = `guides-a-publier/${url.slice(base.length)}`;
      const body = files.get(path);
      return new Response(body ?? 'absent', { status: body === undefined ? 404 : 200 });
    };
    const result = await fetchCatalog(`${base}catalog.json`, {
      fetch: fetch as typeof globalThis.fetch,
      cache: memoryCache(),
      trustedKeys: [{ keyId: key.keyId, publicKey: key.publicKey }],
    });
    expect(result.problems).toEqual([]);
    expect(result.guides.map((g) => [g.guide.id, g.verification])).toEqual([[guide.id, 'verified']]);
  });

  it('leaves out a guide that does not pass the format, and counts it', async () => {
    const { files, problems } = await publishableFolder({
      guides: [{ id: 'broken', text: '{"not":"a guide"}' }],
      publicKey: { kind: 'pasapas-guide-public-key', alg: 'Ed25519', keyId: 'k', publicKey: 'x' },
      name: 'Exemple',
    });
    expect(problems).toBe(1);
    expect(files.map((f) => f.path)).not.toContain('guides/broken.json');
  });
});
