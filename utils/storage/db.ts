/**
 * The progress database (IndexedDB through Dexie 4). Written as if version 1 already shipped:
 * every schema change is a new version with an upgrade function, so a person who saved a
 * procedure with an old extension finds it again after an update.
 *
 * v1  procedures, fieldValues (flat identity), settings
 * v2  + stepProgress, documents, installedGuides, catalogs; field identity moved into
 *       `identity`, procedure URL reduced to its origin, v1 `completedSteps` moved to stepProgress
 * v3  + vault (public-computer encryption meta); procedures indexed by `lookup` (guide + site,
 *       or an HMAC tag of them when encrypted) and `expiresAt` instead of `guideId`
 * v4  + infos ("Mes informations", utils/infos): one sealed row per entry, no upgrade needed
 */
import { Dexie, type Table, type Transaction } from 'dexie';
import type { Sealed } from '../crypto/aead.ts';
import type { KdfParams } from '../crypto/kdf.ts';
import { isQuotaError, StorageFullError, translateWriteError } from './errors.ts';
import { type FieldIdentity, fieldKey } from './field-identity.ts';

export const DB_NAME = 'pasapas';
export const DB_VERSION = 4;

export type FieldValue = string | boolean | string[];

export type ProcedureRow = {
  id: string;
  /** `guideId` + origin in clear mode; an HMAC tag of them when the vault encrypts. */
  lookup: string;
  guideId?: string;
  origin?: string;
  title?: string;
  /** Vault mode: `{ guideId, origin, title }` encrypted; the three clear fields are then absent. */
  sealed?: Sealed;
  currentStep: string | null;
  startedAt: number;
  updatedAt: number;
  /** Session mode: the procedure disappears after this time. */
  expiresAt?: number;
};

export type FieldValueRow = {
  procedureId: string;
  /** `fieldKey(identity)` in clear mode; an HMAC tag of it when the vault encrypts. */
  fieldKey: string;
  identity?: FieldIdentity;
  value?: FieldValue;
  /** Vault mode: `{ identity, value }` encrypted. */
  sealed?: Sealed;
  updatedAt: number;
};

export type StepProgressRow = { procedureId: string; stepId: string; done: boolean; updatedAt: number };
export type DocumentRow = { procedureId: string; docId: string; ticked: boolean; updatedAt: number };
export type SettingRow = { key: string; value: unknown };
export type GuideVerification = 'verified' | 'unsigned' | 'invalid';
export type InstalledGuideRow = {
  id: string;
  version: string;
  /** Where it came from: 'builtin', 'file', or the catalog URL. */
  source: string;
  json: string;
  verified: GuideVerification;
  installedAt: number;
  updatedAt: number;
};
export type CatalogRow = {
  url: string;
  etag: string | null;
  lastModified: string | null;
  json: string;
  fetchedAt: number;
};
export type VaultMetaRow = {
  id: 'meta';
  /** 1: the wrapped key in this row; 2: in the vault key file (utils/storage/data-key.ts), which wiping unlinks. */
  formatVersion: 1 | 2;
  /** Format 1 only: the PIN's PBKDF2 parameters. */
  kdf?: KdfParams;
  /** Format 1 only: the random data keys (AES-GCM + HMAC), encrypted with the key derived from the PIN. */
  wrapped?: Sealed;
  /** Wrong PINs in a row; the fifth erases everything. */
  failures?: number;
  /** A known text encrypted with the data key: tells a wrong PIN from a right one. */
  check: Sealed;
  createdAt: number;
  /** After this the vault and all procedure data are wiped. */
  expiresAt: number;
  /** Inactivity after which the key is forgotten. */
  idleMs: number;
};

/** One entry of "Mes informations": everything but its id is sealed (utils/infos/store.ts). */
export type InfoRow = { id: string; sealed: Sealed; updatedAt: number };
/** The additional data an entry is sealed with: a row moved under another id does not open. */
export const infoAad = (id: string): string => `info:${id}`;

export type PasapasDB = Dexie & {
  procedures: Table<ProcedureRow, string>;
  fieldValues: Table<FieldValueRow, [string, string]>;
  stepProgress: Table<StepProgressRow, [string, string]>;
  documents: Table<DocumentRow, [string, string]>;
  settings: Table<SettingRow, string>;
  installedGuides: Table<InstalledGuideRow, string>;
  catalogs: Table<CatalogRow, string>;
  vault: Table<VaultMetaRow, string>;
  infos: Table<InfoRow, string>;
};

/** Tables holding one person's procedure data (what expiry and `deleteProcedure` remove). */
export const PROCEDURE_TABLES = ['procedures', 'fieldValues', 'stepProgress', 'documents'] as const;
/** Everything of one person, sealed by the same key: what a wipe, a session's end or a lost key removes. */
export const PERSON_TABLES = [...PROCEDURE_TABLES, 'infos'] as const;
export const ALL_TABLES = [...PERSON_TABLES, 'settings', 'installedGuides', 'catalogs', 'vault'] as const;
export type TableName = (typeof ALL_TABLES)[number];

export function lookupKey(guideId: string, origin: string): string {
  return `${guideId}\u0001${origin}`;
}

export function originOf(url: unknown): string {
  if (typeof url !== 'string') return '';
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? '' : origin;
  } catch {
    return '';
  }
}

function pathOf(url: unknown): string {
  if (typeof url !== 'string') return '/';
  try {
    return new URL(url, 'http://x.invalid').pathname;
  } catch {
    return '/';
  }
}

type V1Procedure = {
  id: string;
  guideId: string;
  url?: string;
  title?: string;
  currentStep?: string | null;
  completedSteps?: string[];
  startedAt?: number;
  updatedAt?: number;
};
type V1FieldValue = {
  procedureId: string;
  fieldKey: string;
  name?: string;
  label?: string;
  formIndex?: number;
  position?: number;
  page?: string;
  value: FieldValue;
  updatedAt?: number;
};

async function upgradeToV2(tx: Transaction): Promise<void> {
  const steps: StepProgressRow[] = [];
  await tx
    .table('procedures')
    .toCollection()
    .modify((p: V1Procedure & Record<string, unknown>) => {
      // v1 kept the full page URL (with its query: sometimes a file number); v2 keeps the origin only.
      p.origin = originOf(p.url);
      delete p.url;
      p.currentStep = p.currentStep ?? null;
      for (const stepId of p.completedSteps ?? []) {
        steps.push({ procedureId: p.id, stepId, done: true, updatedAt: p.updatedAt ?? 0 });
      }
      delete p.completedSteps;
    });
  if (steps.length > 0) await tx.table('stepProgress').bulkPut(steps);

  // The identity moved into one object and the key changed with it: rewrite every row.
  const old = (await tx.table('fieldValues').toArray()) as V1FieldValue[];
  const rows = new Map<string, FieldValueRow>();
  for (const v of old) {
    const identity: FieldIdentity = {
      formIndex: v.formIndex ?? 0,
      position: v.position ?? 0,
      path: pathOf(v.page),
    };
    if (v.name) identity.name = v.name;
    if (v.label) identity.label = v.label;
    const row: FieldValueRow = {
      procedureId: v.procedureId,
      fieldKey: fieldKey(identity),
      identity,
      value: v.value,
      updatedAt: v.updatedAt ?? 0,
    };
    const id = `${row.procedureId}\u0000${row.fieldKey}`;
    const existing = rows.get(id);
    if (!existing || existing.updatedAt <= row.updatedAt) rows.set(id, row);
  }
  await tx.table('fieldValues').clear();
  if (rows.size > 0) await tx.table('fieldValues').bulkAdd([...rows.values()]);
}

async function upgradeToV3(tx: Transaction): Promise<void> {
  await tx
    .table('procedures')
    .toCollection()
    .modify((p: ProcedureRow) => {
      p.lookup = lookupKey(p.guideId ?? '', p.origin ?? '');
    });
}

function defineSchema(db: Dexie, upTo: number): void {
  db.version(1).stores({
    procedures: 'id, guideId, updatedAt',
    fieldValues: '[procedureId+fieldKey], procedureId',
    settings: 'key',
  });
  if (upTo < 2) return;
  db.version(2)
    .stores({
      stepProgress: '[procedureId+stepId], procedureId',
      documents: '[procedureId+docId], procedureId',
      installedGuides: 'id',
      catalogs: 'url',
    })
    .upgrade(upgradeToV2);
  if (upTo < 3) return;
  db.version(3)
    .stores({
      procedures: 'id, lookup, updatedAt, expiresAt',
      vault: 'id',
    })
    .upgrade(upgradeToV3);
  if (upTo < 4) return;
  db.version(4).stores({ infos: 'id' });
}

export type OpenOptions = {
  /** fake-indexeddb in tests; the page's or extension's own IndexedDB otherwise. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** Tests only: open with an older schema to write old-format rows. */
  upToVersion?: number;
};

export function openDatabase(name: string = DB_NAME, options: OpenOptions = {}): PasapasDB {
  const dexieOptions: ConstructorParameters<typeof Dexie>[1] = {};
  if (options.indexedDB) dexieOptions.indexedDB = options.indexedDB;
  if (options.IDBKeyRange) dexieOptions.IDBKeyRange = options.IDBKeyRange;
  // Dexie's liveQuery stays silent when its global dependency is unset (Node has no IndexedDB):
  // lend it the injected factory. Browsers have their own and are not touched.
  if (options.indexedDB && !Dexie.dependencies.indexedDB) {
    Dexie.dependencies.indexedDB = options.indexedDB;
    if (options.IDBKeyRange) Dexie.dependencies.IDBKeyRange = options.IDBKeyRange;
  }
  const db = new Dexie(name, dexieOptions) as PasapasDB;
  defineSchema(db, Math.min(options.upToVersion ?? DB_VERSION, DB_VERSION));
  return db;
}

/**
 * A read-write transaction whose failure is told in our terms. A full disk becomes
 * StorageFullError even when Dexie reports a request's AbortError (or a BulkError) rather than
 * the transaction's own QuotaExceededError.
 */
export async function writeTransaction<T>(
  db: PasapasDB,
  tables: readonly TableName[],
  fn: () => Promise<T>,
): Promise<T> {
  let idb: IDBTransaction | undefined;
  try {
    return await db.transaction('rw', [...tables], () => {
      idb = Dexie.currentTransaction?.idbtrans;
      return fn();
    });
  } catch (error) {
    let txError: unknown;
    try {
      txError = idb?.error;
    } catch {
      // Reading `error` before the transaction finished throws: nothing more to learn.
    }
    if (isQuotaError(txError)) throw new StorageFullError({ cause: error });
    throw translateWriteError(error);
  }
}
