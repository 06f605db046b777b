/**
 * "Mes démarches": every procedure with how many answers it holds, the steps done and documents
 * ticked, and, when its guide is known, what it still misses (field-rules.ts's missingFor).
 */
import { decodeField, decodeProcedure, type Procedure } from './codec.ts';
import {
  type DocumentRow,
  type FieldValueRow,
  type PasapasDB,
  PROCEDURE_TABLES,
  type ProcedureRow,
  type StepProgressRow,
} from './db.ts';
import { type GuideRequirements, type Missing, missingFor } from './field-rules.ts';
import { sweepExpired } from './progress-rows.ts';
import type { RowSealing } from './row-sealing.ts';

export type ProcedureSummary = Procedure & {
  fieldCount: number;
  stepsDone: string[];
  documentsTicked: string[];
  /** null when the guide's requirements are not known. */
  missing: Missing | null;
};

function byProcedure<T extends { procedureId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.procedureId);
    if (list) list.push(r);
    else map.set(r.procedureId, [r]);
  }
  return map;
}

/** Most recently updated first; expired procedures are swept before. */
export async function listProcedures(
  { db, sealing, clock }: { db: PasapasDB; sealing: RowSealing; clock: () => number },
  opts: { requirements?: (guideId: string) => GuideRequirements | undefined } = {},
): Promise<ProcedureSummary[]> {
  const v = await sealing.ready();
  await sweepExpired(db, clock());
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
  const fieldsBy = byProcedure(fieldRows);
  const stepsBy = byProcedure(stepRows);
  const docsBy = byProcedure(docRows);

  const summaries: ProcedureSummary[] = [];
  for (const p of procedures) {
    const stepsDone = (stepsBy.get(p.id) ?? []).filter((s) => s.done).map((s) => s.stepId);
    const documentsTicked = (docsBy.get(p.id) ?? []).filter((d) => d.ticked).map((d) => d.docId);
    const rows = fieldsBy.get(p.id) ?? [];
    const req = opts.requirements?.(p.guideId);
    const missing = req
      ? missingFor(req, await Promise.all(rows.map((r) => decodeField(r, v))), stepsDone, documentsTicked)
      : null;
    summaries.push({ ...p, fieldCount: rows.length, stepsDone, documentsTicked, missing });
  }
  return summaries.sort((a, b) => b.updatedAt - a.updatedAt);
}
