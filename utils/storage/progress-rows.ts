/**
 * Row-level data access shared by the progress store's parts: writes whose IndexedDB errors come
 * out as our StorageErrors, a procedure's rows removed together, expired procedures swept.
 */
import { type PasapasDB, PROCEDURE_TABLES, writeTransaction } from './db.ts';
import { translateWriteError } from './errors.ts';

export type ProcedureRowCounts = Record<(typeof PROCEDURE_TABLES)[number], number>;

/** Runs a write, turning quota and other IndexedDB failures into StorageErrors. */
export async function write<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw translateWriteError(error);
  }
}

/** Removes one procedure and everything saved for it (inside the caller's transaction). */
export async function deleteRows(db: PasapasDB, procedureId: string): Promise<ProcedureRowCounts> {
  const [fieldValues, stepProgress, documents] = await Promise.all([
    db.fieldValues.where('procedureId').equals(procedureId).delete(),
    db.stepProgress.where('procedureId').equals(procedureId).delete(),
    db.documents.where('procedureId').equals(procedureId).delete(),
  ]);
  const had = await db.procedures.get(procedureId);
  await db.procedures.delete(procedureId);
  return { procedures: had ? 1 : 0, fieldValues, stepProgress, documents };
}

/** Forgets the procedures whose session-mode expiry has passed; says how many. */
export async function sweepExpired(db: PasapasDB, now: number): Promise<number> {
  const expired = await db.procedures.where('expiresAt').belowOrEqual(now).primaryKeys();
  if (expired.length === 0) return 0;
  await write(() =>
    writeTransaction(db, [...PROCEDURE_TABLES], async () => {
      for (const id of expired) await deleteRows(db, id);
    }),
  );
  return expired.length;
}
