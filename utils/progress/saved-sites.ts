import { decodeProcedure } from '../storage/codec.ts';
import { deviceCipher } from '../storage/data-key.ts';
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
  const rows = (await db.procedures.toArray()).filter((r) => r.expiresAt === undefined || r.expiresAt > now);
  // Sealed rows of an ordinary computer open with its data key; a public computer's cannot.
  const publicComputer = (await db.vault.get('meta')) !== undefined;
  const cipher =
    !publicComputer && rows.some((r) => r.sealed) ? await deviceCipher(db, { create: false }) : null;
  for (const row of rows) {
    if (row.sealed === undefined) {
      if (row.origin) origins.add(row.origin);
    } else if (cipher) {
      const origin = (await decodeProcedure(row, cipher).catch(() => null))?.origin;
      if (origin) origins.add(origin);
    } else everywhere = true;
  }
  return { origins: [...origins].sort(), everywhere };
}
