/**
 * The progress store's rows as decrypted copies for a handover file (handover.ts seals and reads
 * the file itself), and back. Sensitive fields never leave and are never taken in.
 */
import { decodeField, decodeProcedure, encodeField, encodeProcedure, type Procedure } from './codec.ts';
import {
  type FieldValue,
  type FieldValueRow,
  type PasapasDB,
  PROCEDURE_TABLES,
  type ProcedureRow,
  writeTransaction,
} from './db.ts';
import type { FieldIdentity } from './field-identity.ts';
import { isEmptyValue, isSensitiveIdentity } from './field-rules.ts';
import { deleteRows, sweepExpired, write } from './progress-rows.ts';
import type { RowSealing } from './row-sealing.ts';

export type BundleProcedure = {
  procedure: Procedure;
  fields: Array<{ identity: FieldIdentity; value: FieldValue; updatedAt: number }>;
  steps: Array<{ stepId: string; done: boolean; updatedAt: number }>;
  documents: Array<{ docId: string; ticked: boolean; updatedAt: number }>;
};

type Access = { db: PasapasDB; sealing: RowSealing; clock: () => number };

/** Decrypted copies of the given procedures (all when no ids), expired ones swept first. */
export async function exportBundle(
  { db, sealing, clock }: Access,
  ids?: readonly string[],
): Promise<BundleProcedure[]> {
  const v = await sealing.ready();
  await sweepExpired(db, clock());
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
        .filter((f) => !isSensitiveIdentity(f.identity))
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
export async function importBundle(
  { db, sealing }: Access,
  bundle: readonly BundleProcedure[],
): Promise<{ imported: number; replaced: number }> {
  const v = await sealing.ready(true);
  const encoded: Array<{ item: BundleProcedure; procedure: ProcedureRow; fields: FieldValueRow[] }> = [];
  for (const item of bundle) {
    const procedure = await encodeProcedure(item.procedure, v);
    const fields = await Promise.all(
      item.fields
        .filter((f) => !isSensitiveIdentity(f.identity) && !isEmptyValue(f.value))
        .map((f) => encodeField({ procedureId: item.procedure.id, ...f }, v)),
    );
    encoded.push({ item, procedure, fields });
  }
  return write(() =>
    writeTransaction(db, [...PROCEDURE_TABLES, 'vault'], async () => {
      await sealing.assertMode();
      let replaced = 0;
      for (const { item, procedure, fields } of encoded) {
        const removed = await deleteRows(db, item.procedure.id);
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
