/**
 * Whom a 2D-Doc signature can be checked against. A code names its certification authority (caId) and
 * the certificate (certId) that signed it; only a signing key we hold for that pair can verify it.
 *
 * - `authorities`: the ANTS trust list (the certification authorities FR01…FR07), shipped as data with
 *   its source and date. They are RSA CA certificates: the list does not contain the issuers' signing
 *   certificates, which each authority publishes on its own site. So a real code is recognised (« FR05 :
 *   ANTS ») but, without its signing certificate here, reported as « émetteur inconnu ».
 * - `keys`: signing keys we can verify with. The shipped list has none. The DEMO key of the fictitious
 *   demo site has a public private half (tests/fixtures): anyone can sign with it, so trusting it in
 *   the product would let a forged document show « signature vérifiée ». Only a demo or test
 *   configuration adds it (`withDemoKey`): the demo site's widget (its `data-twoddoc-demo-key`), the
 *   unit tests and the benchmark. The extension never does, whatever a page says.
 */
import antsList from './trust/ants-tsl.json';

export type Curve = 'P-256' | 'P-384';

export type SigningKey = {
  caId: string;
  certId: string;
  curve: Curve;
  /** SubjectPublicKeyInfo, base64 DER. */
  spki: string;
  issuer: string;
  source: string;
  /** When this key was added to the list (ISO date). */
  date: string;
  /** A test key: its verification proves nothing about a real document. */
  test: boolean;
};

export type Authority = { caId: string; name: string; since: string; sha256: string; certificate: string };

export type TrustList = {
  source: string;
  date: string;
  authorities: readonly Authority[];
  keys: readonly SigningKey[];
};

/** The demo site's key (fictitious administration). Private half: tests/fixtures/twoddoc/test-keys.json. */
export const DEMO_KEY: SigningKey = {
  caId: 'PP00',
  certId: 'DEMO',
  curve: 'P-256',
  spki: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEyM2CjkMYWSX1KGZwRxLaAPGndqZSKFCKWlP8W97+1s+CRT1+pJuqYx3mKSDsJ0mjRtPFuhk582A7wwFYOjeLNw==',
  issuer: 'Démo Pas à pas — site fictif',
  source: 'tests/fixtures/twoddoc/test-keys.json (clé de test, privée publiée)',
  date: '2026-12-02',
  test: true,
};

export const TRUST_LIST: TrustList = {
  source: antsList.source,
  date: antsList.listIssued,
  authorities: antsList.authorities,
  keys: [],
};

/** A list that also trusts the demo key: for the demo site and the tests only (see the top of this file). */
export function withDemoKey(list: TrustList): TrustList {
  return list.keys.includes(DEMO_KEY) ? list : { ...list, keys: [...list.keys, DEMO_KEY] };
}

export function findKey(list: TrustList, caId: string, certId: string): SigningKey | undefined {
  return list.keys.find((k) => k.caId === caId && k.certId === certId);
}

export function findAuthority(list: TrustList, caId: string): Authority | undefined {
  return list.authorities.find((a) => a.caId === caId);
}
