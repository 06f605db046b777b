import type { PasapasDB } from '../storage/db.ts';
import type { ProcedureSites } from './procedure-sites.ts';

/**
 * The sites with unexpired saved answers. Reads the procedure rows only (not their fields), and is
 * run after a change, not per page load.
 */
export async function savedSites(
  db: PasapasDB,
  now: number,
): Promise<Pick<ProcedureSites, 'origins' | 'everywhere'>> {
  const origins = new Set<string>();
  let everywhere = false;
  await db.procedures.each((row) => {
    if (row.expiresAt !== undefined && row.expiresAt <= now) return;
    if (row.sealed !== undefined) everywhere = true;
    else if (row.origin) origins.add(row.origin);
  });
  return { origins: [...origins].sort(), everywhere };
}
