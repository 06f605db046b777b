/**
 * The progress store: procedures, field values, steps and document ticks, saved as the person goes
 * and offered back when they return. Its parts, by job:
 * - field-rules.ts: empty, same value, sensitive (never stored), what a save does, what is missing;
 * - restore-plan.ts: which saved answers go back into which fields of the page;
 * - row-sealing.ts: the cipher for rows (vault, this computer's data key) and old clear rows sealed;
 * - progress-rows.ts: shared row access (writes, a procedure's rows, expiry);
 * - progress-summary.ts: "Mes démarches", each procedure with what it holds and still misses;
 * - progress-feed.ts: the procedures as they change, for the UI;
 * - progress-bundle.ts: decrypted copies for a handover file, and back;
 * - this file: the store itself, which puts them together over the database.
 * Everything personal is encrypted by the codec; sensitive fields are never stored.
 */
import type { FieldDescriptor } from '../forms/sensitive.ts';
import {
  decodeField,
  decodeProcedure,
  encodeField,
  encodeProcedure,
  type Procedure,
  type SavedField,
  storedFieldKey,
  storedLookup,
} from './codec.ts';
import { destroyDeviceKey, keyFilesFor, VAULT_KEY_FILE } from './data-key.ts';
import {
  ALL_TABLES,
  type DocumentRow,
  type FieldValue,
  type FieldValueRow,
  type PasapasDB,
  PROCEDURE_TABLES,
  type StepProgressRow,
  type TableName,
  writeTransaction,
} from './db.ts';
import { StorageError } from './errors.ts';
import type { FieldIdentity } from './field-identity.ts';
import { fieldChange, type GuideRequirements } from './field-rules.ts';
import { type BundleProcedure, exportBundle, importBundle } from './progress-bundle.ts';
import { liveProcedures, type ProcedureFeed } from './progress-feed.ts';
import { deleteRows, type ProcedureRowCounts, sweepExpired, write } from './progress-rows.ts';
import { listProcedures } from './progress-summary.ts';
import { type CurrentField, planRestore, type RestorePlan } from './restore-plan.ts';
import { createRowSealing } from './row-sealing.ts';
import type { Vault } from './vault.ts';

export type { Procedure, SavedField } from './codec.ts';
export type { FieldValue } from './db.ts';
export {
  type GuideRequirements,
  isEmptyValue,
  isSensitiveIdentity,
  type RequiredField,
} from './field-rules.ts';
export type { BundleProcedure } from './progress-bundle.ts';
export type { ProcedureFeed, Unsubscribable } from './progress-feed.ts';
export type { ProcedureSummary } from './progress-summary.ts';
export type { CurrentField, RestoreConflict, RestoreItem, RestorePlan } from './restore-plan.ts';

export type ProcedureInput = {
  guideId: string;
  origin: string;
  title: string;
  currentStep?: string | null;
  /** Session mode: forget this procedure after this time. */
  expiresAt?: number;
};

export type FieldSave = {
  procedureId: string;
  identity: FieldIdentity;
  value: FieldValue;
  /** type/autocomplete of the input: decides whether it is sensitive. */
  descriptor?: FieldDescriptor;
};

export type SaveResult = { saved: true; cleared: boolean } | { saved: false; reason: 'sensitive' };

export type WipeReport = {
  /** Rows per table before the wipe. */
  removed: Record<TableName, number>;
  /** Rows per table counted after the wipe, in the same transaction: all zero unless kept. */
  remaining: Record<TableName, number>;
  /** True when every wiped table is empty. */
  nothingLeft: boolean;
};

export type ProgressStore = ReturnType<typeof createProgressStore>;

export class UnknownProcedureError extends StorageError {
  constructor(readonly procedureId: string) {
    super('unknown-procedure', 'storage.failed', { procedureId });
  }
}

function newId(): string {
  return globalThis.crypto.randomUUID();
}

export function createProgressStore(
  db: PasapasDB,
  options: {
    clock?: () => number;
    vault?: Vault | null;
    /** Without a vault, seal rows with this computer's data key (the extension and the widget do). */
    device?: boolean;
  } = {},
) {
  const clock = options.clock ?? Date.now;
  let vault: Vault | null = options.vault ?? null;
  const device = options.device ?? false;
  const sealing = createRowSealing(db, { clock, device, vault: () => vault });
  const { ready, assertMode } = sealing;
  const access = { db, sealing, clock };

  async function startOrGet(input: ProcedureInput): Promise<Procedure> {
    const v = await ready(true);
    const now = clock();
    await sweepExpired(db, now);
    const fresh: Procedure = {
      id: newId(),
      guideId: input.guideId,
      origin: input.origin,
      title: input.title,
      currentStep: input.currentStep ?? null,
      startedAt: now,
      updatedAt: now,
    };
    if (input.expiresAt !== undefined) fresh.expiresAt = input.expiresAt;
    const lookup = await storedLookup(input.guideId, input.origin, v);
    const freshRow = await encodeProcedure(fresh, v);
    const row = await write(() =>
      writeTransaction(db, ['procedures', 'vault'], async () => {
        await assertMode();
        const existing = await db.procedures.where('lookup').equals(lookup).toArray();
        const latest = existing.sort((a, b) => b.updatedAt - a.updatedAt)[0];
        if (latest) return latest;
        await db.procedures.add(freshRow);
        return freshRow;
      }),
    );
    return decodeProcedure(row, v);
  }

  async function getProcedure(id: string): Promise<Procedure | undefined> {
    const v = await ready();
    const row = await db.procedures.get(id);
    return row ? decodeProcedure(row, v) : undefined;
  }

  async function updateProcedure(
    id: string,
    patch: Partial<Pick<Procedure, 'title' | 'currentStep' | 'expiresAt'>>,
  ): Promise<Procedure> {
    const v = await ready(true);
    const current = await getProcedure(id);
    if (!current) throw new UnknownProcedureError(id);
    const next: Procedure = { ...current, ...patch, updatedAt: clock() };
    const row = await encodeProcedure(next, v);
    await write(() =>
      writeTransaction(db, ['procedures', 'vault'], async () => {
        await assertMode();
        if (!(await db.procedures.get(id))) throw new UnknownProcedureError(id);
        await db.procedures.put(row);
      }),
    );
    return next;
  }

  /**
   * Saves several fields in one transaction (all or nothing). Sensitive fields are never
   * written, and any value stored for them earlier is removed; an emptied field is removed.
   */
  async function saveMany(entries: readonly FieldSave[]): Promise<SaveResult[]> {
    const v = await ready(true);
    const now = clock();
    // One operation per stored key, the last entry winning (a value then its erasure = erased).
    const ops = new Map<
      string,
      { kind: 'delete'; key: [string, string] } | { kind: 'put'; row: FieldValueRow }
    >();
    const results: SaveResult[] = [];
    for (const entry of entries) {
      const key = await storedFieldKey(entry.identity, v);
      const id = `${entry.procedureId}\u0000${key}`;
      ops.delete(id);
      const change = fieldChange(entry.identity, entry.value, entry.descriptor);
      if (change === 'keep') {
        const field: SavedField = {
          procedureId: entry.procedureId,
          identity: entry.identity,
          value: entry.value,
          updatedAt: now,
        };
        ops.set(id, { kind: 'put', row: await encodeField(field, v) });
        results.push({ saved: true, cleared: false });
      } else {
        ops.set(id, { kind: 'delete', key: [entry.procedureId, key] });
        results.push(
          change === 'clear' ? { saved: true, cleared: true } : { saved: false, reason: 'sensitive' },
        );
      }
    }
    const puts: FieldValueRow[] = [];
    const deletes: Array<[string, string]> = [];
    for (const op of ops.values()) {
      if (op.kind === 'put') puts.push(op.row);
      else deletes.push(op.key);
    }
    const procedureIds = [...new Set(entries.map((e) => e.procedureId))];
    if (procedureIds.length === 0) return results;
    await write(() =>
      writeTransaction(db, ['procedures', 'fieldValues', 'vault'], async () => {
        await assertMode();
        for (const id of procedureIds) {
          const updated = await db.procedures.update(id, { updatedAt: now });
          if (updated === 0) throw new UnknownProcedureError(id);
        }
        if (deletes.length > 0) await db.fieldValues.bulkDelete(deletes);
        if (puts.length > 0) await db.fieldValues.bulkPut(puts);
      }),
    );
    return results;
  }

  async function saveField(
    procedureId: string,
    identity: FieldIdentity,
    value: FieldValue,
    descriptor?: FieldDescriptor,
  ): Promise<SaveResult> {
    const [result] = await saveMany([
      { procedureId, identity, value, ...(descriptor ? { descriptor } : {}) },
    ]);
    return result as SaveResult;
  }

  async function savedFields(procedureId: string): Promise<SavedField[]> {
    const v = await ready();
    const rows = await db.fieldValues.where('procedureId').equals(procedureId).toArray();
    return Promise.all(rows.map((r) => decodeField(r, v)));
  }

  /** Marks a step or a document of a procedure (which counts as activity on it). */
  async function mark(
    procedureId: string,
    table: 'stepProgress' | 'documents',
    rowAt: (now: number) => StepProgressRow | DocumentRow,
  ): Promise<void> {
    await ready();
    const now = clock();
    await write(() =>
      writeTransaction(db, ['procedures', table, 'vault'], async () => {
        await assertMode();
        if ((await db.procedures.update(procedureId, { updatedAt: now })) === 0) {
          throw new UnknownProcedureError(procedureId);
        }
        await db.table(table).put(rowAt(now));
      }),
    );
  }

  async function setStep(procedureId: string, stepId: string, done: boolean): Promise<void> {
    await mark(procedureId, 'stepProgress', (updatedAt) => ({ procedureId, stepId, done, updatedAt }));
  }

  async function tickDocument(procedureId: string, docId: string, ticked: boolean): Promise<void> {
    await mark(procedureId, 'documents', (updatedAt) => ({ procedureId, docId, ticked, updatedAt }));
  }

  /**
   * What would be restored on the current page (restore-plan.ts). Nothing is written to the page
   * here: the UI fills `fill`, asks about `conflicts`, and never fills a sensitive field.
   */
  async function restorePlan(
    procedureId: string,
    currentFields: readonly CurrentField[],
  ): Promise<RestorePlan> {
    return planRestore(procedureId, await savedFields(procedureId), currentFields);
  }

  async function deleteProcedure(id: string): Promise<ProcedureRowCounts> {
    return write(() => writeTransaction(db, [...PROCEDURE_TABLES], () => deleteRows(db, id)));
  }

  /**
   * Empties every table (or every table but the mediator's guides and catalogs) and counts
   * again inside the same transaction, so the UI can say "nothing left" truthfully.
   */
  async function wipeAll(opts: { keepGuides?: boolean } = {}): Promise<WipeReport> {
    const kept: TableName[] = opts.keepGuides ? ['installedGuides', 'catalogs'] : [];
    // The keys first: whatever LevelDB keeps of the rows is unreadable from here on.
    await (await keyFilesFor(db)).remove(VAULT_KEY_FILE);
    await destroyDeviceKey(db);
    sealing.forget();
    const tables = ALL_TABLES.filter((t) => !kept.includes(t));
    const count = () => Promise.all(ALL_TABLES.map(async (t) => [t, await db.table(t).count()] as const));
    const report = await write(() =>
      writeTransaction(db, [...ALL_TABLES], async () => {
        const before = Object.fromEntries(await count()) as Record<TableName, number>;
        await Promise.all(tables.map((t) => db.table(t).clear()));
        const after = Object.fromEntries(await count()) as Record<TableName, number>;
        return { removed: before, remaining: after };
      }),
    );
    // The vault meta is gone with the rest: back to a fresh computer, so forget the key and the vault.
    if (!kept.includes('vault')) {
      vault?.lock();
      vault = null;
    }
    const removed = { ...report.removed };
    for (const t of kept) removed[t] = 0;
    return {
      removed,
      remaining: report.remaining,
      nothingLeft: tables.every((t) => report.remaining[t] === 0),
    };
  }

  return {
    db,
    get vault() {
      return vault;
    },
    /** Attach the vault after unlockVault/createVault, or detach it (null) after lock. */
    setVault(next: Vault | null) {
      vault = next;
      // After a wipe or a lock, look again for clear or orphaned rows at the next use.
      sealing.forget();
    },
    /** The cipher rows are sealed with now (null: clear, only for stores without `device`). */
    cipher: (opts: { write?: boolean } = {}) => ready(opts.write ?? false),
    startOrGet,
    getProcedure,
    updateProcedure,
    saveField,
    saveMany,
    savedFields,
    setStep,
    tickDocument,
    restorePlan,
    /** Every procedure with what it holds and, when the guide is known, what it still misses. */
    listProcedures: (opts: { requirements?: (guideId: string) => GuideRequirements | undefined } = {}) =>
      listProcedures(access, opts),
    deleteProcedure,
    wipeAll,
    /** Procedures as they change, in this tab and others (Dexie liveQuery + BroadcastChannel). */
    liveProcedures: (): ProcedureFeed => liveProcedures({ db, clock, device, vault: () => vault }),
    sweepExpired: (now = clock()) => sweepExpired(db, now),
    /** Decrypted copies for the handover file. */
    exportBundle: (ids?: readonly string[]): Promise<BundleProcedure[]> => exportBundle(access, ids),
    importBundle: (bundle: readonly BundleProcedure[]) => importBundle(access, bundle),
  };
}
