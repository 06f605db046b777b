/**
 * The progress service: procedures, field values, steps and document ticks, saved as the
 * person goes and offered back when they return. Sensitive fields are never stored. Everything
 * personal is encrypted by the codec: with the vault's key on a public computer, else (`device`)
 * with this computer's data key, whose file wiping unlinks (data-key.ts). Rows saved in clear by
 * an older version are sealed at first use.
 */
import { liveQuery } from 'dexie';
import { type FieldDescriptor, isSensitiveField } from '../forms/sensitive.ts';
import {
  decodeField,
  decodeProcedure,
  encodeField,
  encodeProcedure,
  type Procedure,
  type RowCipher,
  type SavedField,
  storedFieldKey,
  storedLookup,
} from './codec.ts';
import { destroyDeviceKey, deviceCipher, keyFilesFor, VAULT_KEY_FILE } from './data-key.ts';
import {
  ALL_TABLES,
  type DocumentRow,
  type FieldValue,
  type FieldValueRow,
  type PasapasDB,
  PROCEDURE_TABLES,
  type ProcedureRow,
  type StepProgressRow,
  type TableName,
  writeTransaction,
} from './db.ts';
import { NoVaultError, StorageError, translateWriteError, VaultRequiredError } from './errors.ts';
import { type FieldIdentity, type IdentityMatch, matchIdentities, normalizePath } from './field-identity.ts';
import type { Vault } from './vault.ts';

export type { Procedure, SavedField } from './codec.ts';
export type { FieldValue } from './db.ts';

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

export type CurrentField = {
  identity: FieldIdentity;
  currentValue: FieldValue | null | undefined;
  descriptor?: FieldDescriptor;
};

export type RestoreItem = {
  /** Index in the `currentFields` given to restorePlan. */
  index: number;
  identity: FieldIdentity;
  value: FieldValue;
  score: number;
};
export type RestoreConflict = RestoreItem & { currentValue: FieldValue };
export type RestorePlan = {
  procedureId: string;
  /** Empty on the page: safe to fill. */
  fill: RestoreItem[];
  /** The site already shows another value: ask the person, never overwrite silently. */
  conflicts: RestoreConflict[];
  /** Already showing the saved value. */
  unchanged: RestoreItem[];
  /** Saved for this page but no field matches any more (the page changed). */
  notFound: SavedField[];
};

export type RequiredField = FieldIdentity & { title?: string };
export type GuideRequirements = { fields?: RequiredField[]; documents?: string[]; steps?: string[] };
export type ProcedureSummary = Procedure & {
  fieldCount: number;
  stepsDone: string[];
  documentsTicked: string[];
  /** null when the guide's requirements are not known. */
  missing: { fields: RequiredField[]; documents: string[]; steps: string[] } | null;
};

export type WipeReport = {
  /** Rows per table before the wipe. */
  removed: Record<TableName, number>;
  /** Rows per table counted after the wipe, in the same transaction: all zero unless kept. */
  remaining: Record<TableName, number>;
  /** True when every wiped table is empty. */
  nothingLeft: boolean;
};

export type BundleProcedure = {
  procedure: Procedure;
  fields: Array<{ identity: FieldIdentity; value: FieldValue; updatedAt: number }>;
  steps: Array<{ stepId: string; done: boolean; updatedAt: number }>;
  documents: Array<{ docId: string; ticked: boolean; updatedAt: number }>;
};

export type Unsubscribable = { unsubscribe(): void };
export type ProcedureFeed = {
  subscribe(next: (procedures: Procedure[]) => void, error?: (error: unknown) => void): Unsubscribable;
};

export type ProgressStore = ReturnType<typeof createProgressStore>;

export class UnknownProcedureError extends StorageError {
  constructor(readonly procedureId: string) {
    super('unknown-procedure', 'storage.failed', { procedureId });
  }
}

export function isEmptyValue(value: FieldValue | null | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);
  }
  return a === b;
}

/** The shared rule (utils/forms/sensitive.ts) applied to a field's identity and input attributes. */
export function isSensitiveIdentity(identity: FieldIdentity, descriptor?: FieldDescriptor): boolean {
  return isSensitiveField({
    // Every clue of the descriptor (hint, placeholder, wasPassword…), identity as a fallback.
    ...descriptor,
    type: descriptor?.type ?? null,
    autocomplete: descriptor?.autocomplete ?? null,
    name: descriptor?.name ?? identity.name ?? null,
    id: descriptor?.id ?? identity.id ?? null,
    label: descriptor?.label ?? identity.label ?? null,
  });
}
const isSensitive = isSensitiveIdentity;

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

  /**
   * The cipher for rows. Vault mode: expiry wipes, lock refuses, else it counts as activity.
   * Ordinary computer: the data key, made only when something is to be written.
   */
  async function ready(write = false): Promise<RowCipher | null> {
    if (vault) {
      await vault.guard(clock());
      return vault;
    }
    if (!device) return null;
    await sealOldRows();
    if (write && (await db.vault.get('meta'))) throw new VaultRequiredError();
    return deviceCipher(db, { create: write });
  }

  let sealing: Promise<void> | undefined;
  /**
   * Once per store: rows an older version saved in clear are sealed with the data key (those
   * clear bytes may still sit in LevelDB until its compaction: the README says so), and sealed
   * rows whose key file is gone (a wipe cut short) are removed: nobody can read them.
   */
  function sealOldRows(): Promise<void> {
    sealing ??= (async () => {
      if (await db.vault.get('meta')) return;
      const [procs, fields] = await Promise.all([db.procedures.toArray(), db.fieldValues.toArray()]);
      const clear = procs.some((r) => !r.sealed) || fields.some((r) => !r.sealed);
      const sealed = procs.some((r) => r.sealed) || fields.some((r) => r.sealed);
      const existing = sealed ? await deviceCipher(db, { create: false }) : null;
      if (sealed && !existing) {
        await write(() =>
          writeTransaction(db, [...PROCEDURE_TABLES, 'vault'], async () => {
            if (await db.vault.get('meta')) return;
            await Promise.all(PROCEDURE_TABLES.map((t) => db.table(t).clear()));
          }),
        );
        return;
      }
      if (!clear) return;
      const cipher = existing ?? (await deviceCipher(db, { create: true }));
      if (!cipher) return;
      const clearProcs = procs.filter((r) => !r.sealed);
      const clearFields = fields.filter((r) => !r.sealed);
      const procRows = await Promise.all(
        clearProcs.map(async (r) => encodeProcedure(await decodeProcedure(r, null), cipher)),
      );
      const fieldRows = await Promise.all(
        clearFields.map(async (r) => encodeField(await decodeField(r, null), cipher)),
      );
      await write(() =>
        writeTransaction(db, ['procedures', 'fieldValues', 'vault'], async () => {
          if (await db.vault.get('meta')) return;
          await db.fieldValues.bulkDelete(
            clearFields.map((f) => [f.procedureId, f.fieldKey] as [string, string]),
          );
          await db.procedures.bulkPut(procRows);
          await db.fieldValues.bulkPut(fieldRows);
        }),
      );
    })().catch((error) => {
      sealing = undefined;
      throw error;
    });
    return sealing;
  }

  /** Inside a transaction: a store without vault must not write clear rows into an encrypted database. */
  async function assertMode(): Promise<void> {
    const meta = await db.vault.get('meta');
    if (meta && !vault) throw new VaultRequiredError();
    if (!meta && vault) throw new NoVaultError();
  }

  async function write<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw translateWriteError(error);
    }
  }

  async function sweepExpired(now = clock()): Promise<number> {
    const expired = await db.procedures.where('expiresAt').belowOrEqual(now).primaryKeys();
    if (expired.length === 0) return 0;
    await write(() =>
      writeTransaction(db, [...PROCEDURE_TABLES], async () => {
        for (const id of expired) await deleteRows(id);
      }),
    );
    return expired.length;
  }

  async function deleteRows(procedureId: string): Promise<Record<(typeof PROCEDURE_TABLES)[number], number>> {
    const [fieldValues, stepProgress, documents] = await Promise.all([
      db.fieldValues.where('procedureId').equals(procedureId).delete(),
      db.stepProgress.where('procedureId').equals(procedureId).delete(),
      db.documents.where('procedureId').equals(procedureId).delete(),
    ]);
    const had = await db.procedures.get(procedureId);
    await db.procedures.delete(procedureId);
    return { procedures: had ? 1 : 0, fieldValues, stepProgress, documents };
  }

  async function startOrGet(input: ProcedureInput): Promise<Procedure> {
    const v = await ready(true);
    const now = clock();
    await sweepExpired(now);
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
      if (isSensitive(entry.identity, entry.descriptor)) {
        ops.set(id, { kind: 'delete', key: [entry.procedureId, key] });
        results.push({ saved: false, reason: 'sensitive' });
      } else if (isEmptyValue(entry.value)) {
        ops.set(id, { kind: 'delete', key: [entry.procedureId, key] });
        results.push({ saved: true, cleared: true });
      } else {
        const field: SavedField = {
          procedureId: entry.procedureId,
          identity: entry.identity,
          value: entry.value,
          updatedAt: now,
        };
        ops.set(id, { kind: 'put', row: await encodeField(field, v) });
        results.push({ saved: true, cleared: false });
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

  async function setStep(procedureId: string, stepId: string, done: boolean): Promise<void> {
    await ready();
    const now = clock();
    await write(() =>
      writeTransaction(db, ['procedures', 'stepProgress', 'vault'], async () => {
        await assertMode();
        if ((await db.procedures.update(procedureId, { updatedAt: now })) === 0) {
          throw new UnknownProcedureError(procedureId);
        }
        const row: StepProgressRow = { procedureId, stepId, done, updatedAt: now };
        await db.stepProgress.put(row);
      }),
    );
  }

  async function tickDocument(procedureId: string, docId: string, ticked: boolean): Promise<void> {
    await ready();
    const now = clock();
    await write(() =>
      writeTransaction(db, ['procedures', 'documents', 'vault'], async () => {
        await assertMode();
        if ((await db.procedures.update(procedureId, { updatedAt: now })) === 0) {
          throw new UnknownProcedureError(procedureId);
        }
        const row: DocumentRow = { procedureId, docId, ticked, updatedAt: now };
        await db.documents.put(row);
      }),
    );
  }

  /**
   * What would be restored on the current page. Nothing is written to the page here: the UI
   * fills `fill`, asks about `conflicts`, and never fills a sensitive field.
   */
  async function restorePlan(
    procedureId: string,
    currentFields: readonly CurrentField[],
  ): Promise<RestorePlan> {
    const saved = await savedFields(procedureId);
    const paths = new Set(currentFields.map((f) => normalizePath(f.identity.path)));
    const onThisPage = saved.filter((s) => paths.has(normalizePath(s.identity.path)));
    const candidates = currentFields
      .map((field, index) => ({ field, index }))
      .filter(({ field }) => !isSensitive(field.identity, field.descriptor));
    const matches: IdentityMatch[] = matchIdentities(
      onThisPage.map((s) => s.identity),
      candidates.map((c) => c.field.identity),
    );
    const plan: RestorePlan = { procedureId, fill: [], conflicts: [], unchanged: [], notFound: [] };
    const matched = new Set<number>();
    for (const m of matches) {
      const s = onThisPage[m.saved];
      const c = candidates[m.current];
      if (!s || !c) continue;
      matched.add(m.saved);
      const item: RestoreItem = {
        index: c.index,
        identity: c.field.identity,
        value: s.value,
        score: m.score,
      };
      const currentValue = c.field.currentValue;
      if (currentValue === null || currentValue === undefined) plan.fill.push(item);
      else if (sameValue(currentValue, s.value)) plan.unchanged.push(item);
      // An unticked box is not something the site filled in.
      else if (isEmptyValue(currentValue) || currentValue === false) plan.fill.push(item);
      else plan.conflicts.push({ ...item, currentValue });
    }
    onThisPage.forEach((s, i) => {
      if (!matched.has(i)) plan.notFound.push(s);
    });
    return plan;
  }

  async function listProcedures(
    opts: { requirements?: (guideId: string) => GuideRequirements | undefined } = {},
  ): Promise<ProcedureSummary[]> {
    const v = await ready();
    await sweepExpired();
    const [procRows, fieldRows, stepRows, docRows] = await db.transaction(
      'r',
      [...PROCEDURE_TABLES],
      () =>
        Promise.all([
          db.procedures.toArray(),
          db.fieldValues.toArray(),
          db.stepProgress.toArray(),
          db.documents.toArray(),
        ]) as Promise<[ProcedureRow[], FieldValueRow[], StepProgressRow[], DocumentRow[]]>,
    );
    const procedures = await Promise.all(procRows.map((r) => decodeProcedure(r, v)));
    const byProcedure = <T extends { procedureId: string }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const r of rows) {
        const list = map.get(r.procedureId);
        if (list) list.push(r);
        else map.set(r.procedureId, [r]);
      }
      return map;
    };
    const fieldsBy = byProcedure(fieldRows);
    const stepsBy = byProcedure(stepRows);
    const docsBy = byProcedure(docRows);

    const summaries: ProcedureSummary[] = [];
    for (const p of procedures) {
      const stepsDone = (stepsBy.get(p.id) ?? []).filter((s) => s.done).map((s) => s.stepId);
      const documentsTicked = (docsBy.get(p.id) ?? []).filter((d) => d.ticked).map((d) => d.docId);
      const rows = fieldsBy.get(p.id) ?? [];
      const req = opts.requirements?.(p.guideId);
      let missing: ProcedureSummary['missing'] = null;
      if (req) {
        const fields = await Promise.all(rows.map((r) => decodeField(r, v)));
        const required = req.fields ?? [];
        const found = new Set(
          matchIdentities(
            required,
            fields.map((f) => f.identity),
          ).map((m) => m.saved),
        );
        missing = {
          fields: required.filter((_, i) => !found.has(i)),
          documents: (req.documents ?? []).filter((d) => !documentsTicked.includes(d)),
          steps: (req.steps ?? []).filter((s) => !stepsDone.includes(s)),
        };
      }
      summaries.push({ ...p, fieldCount: rows.length, stepsDone, documentsTicked, missing });
    }
    return summaries.sort((a, b) => b.updatedAt - a.updatedAt);
  }

  async function deleteProcedure(id: string): Promise<Record<(typeof PROCEDURE_TABLES)[number], number>> {
    return write(() => writeTransaction(db, [...PROCEDURE_TABLES], () => deleteRows(id)));
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
    sealing = undefined;
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

  /** Procedures as they change, in this tab and others (Dexie liveQuery + BroadcastChannel). */
  function liveProcedures(): ProcedureFeed {
    return {
      subscribe(next, error) {
        let sequence = 0;
        let delivered = 0;
        const sub = liveQuery(() => db.procedures.toArray()).subscribe({
          next: (rows) => {
            const mine = ++sequence;
            const v = vault;
            const cipher = v
              ? Promise.resolve(v)
              : device && rows.some((r) => r.sealed)
                ? deviceCipher(db, { create: false })
                : Promise.resolve(null);
            cipher
              .then((c) => Promise.all(rows.map((r) => decodeProcedure(r, c))))
              .then(
                (list) => {
                  // A slow decrypt must not overwrite a newer list.
                  if (mine < delivered) return;
                  delivered = mine;
                  const now = clock();
                  next(
                    list
                      .filter((p) => p.expiresAt === undefined || p.expiresAt > now)
                      .sort((a, b) => b.updatedAt - a.updatedAt),
                  );
                },
                (e) => error?.(e),
              );
          },
          error: (e) => error?.(e),
        });
        return { unsubscribe: () => sub.unsubscribe() };
      },
    };
  }

  /** Decrypted copies for the handover file. */
  async function exportBundle(ids?: readonly string[]): Promise<BundleProcedure[]> {
    const v = await ready();
    await sweepExpired();
    const rows = ids
      ? (await db.procedures.bulkGet([...ids])).filter((r) => !!r)
      : await db.procedures.toArray();
    const bundle: BundleProcedure[] = [];
    for (const row of rows) {
      const procedure = await decodeProcedure(row, v);
      const [fieldRows, steps, documents] = await Promise.all([
        db.fieldValues.where('procedureId').equals(row.id).toArray(),
        db.stepProgress.where('procedureId').equals(row.id).toArray(),
        db.documents.where('procedureId').equals(row.id).toArray(),
      ]);
      const fields = await Promise.all(fieldRows.map((r) => decodeField(r, v)));
      bundle.push({
        procedure,
        fields: fields
          .filter((f) => !isSensitive(f.identity))
          .map((f) => ({ identity: f.identity, value: f.value, updatedAt: f.updatedAt })),
        steps: steps.map((s) => ({ stepId: s.stepId, done: s.done, updatedAt: s.updatedAt })),
        documents: documents.map((d) => ({ docId: d.docId, ticked: d.ticked, updatedAt: d.updatedAt })),
      });
    }
    return bundle;
  }

  /**
   * Writes a handover bundle in ONE transaction: a failure anywhere leaves the database as it
   * was. A procedure with the same id is replaced; sensitive fields are dropped.
   */
  async function importBundle(
    bundle: readonly BundleProcedure[],
  ): Promise<{ imported: number; replaced: number }> {
    const v = await ready(true);
    const encoded: Array<{ item: BundleProcedure; procedure: ProcedureRow; fields: FieldValueRow[] }> = [];
    for (const item of bundle) {
      const procedure = await encodeProcedure(item.procedure, v);
      const fields = await Promise.all(
        item.fields
          .filter((f) => !isSensitive(f.identity) && !isEmptyValue(f.value))
          .map((f) => encodeField({ procedureId: item.procedure.id, ...f }, v)),
      );
      encoded.push({ item, procedure, fields });
    }
    return write(() =>
      writeTransaction(db, [...PROCEDURE_TABLES, 'vault'], async () => {
        await assertMode();
        let replaced = 0;
        for (const { item, procedure, fields } of encoded) {
          const removed = await deleteRows(item.procedure.id);
          replaced += removed.procedures;
          await db.procedures.add(procedure);
          await db.fieldValues.bulkPut(fields);
          await db.stepProgress.bulkPut(item.steps.map((s) => ({ procedureId: item.procedure.id, ...s })));
          await db.documents.bulkPut(item.documents.map((d) => ({ procedureId: item.procedure.id, ...d })));
        }
        return { imported: encoded.length, replaced };
      }),
    );
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
      sealing = undefined;
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
    listProcedures,
    deleteProcedure,
    wipeAll,
    liveProcedures,
    sweepExpired,
    exportBundle,
    importBundle,
  };
}
