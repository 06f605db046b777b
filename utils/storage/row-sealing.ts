/**
 * Which cipher seals the progress rows, and the sealing of rows an older version left in clear.
 * With a vault (public computer) its key, after its expiry and lock checks; on an ordinary computer
 * with `device`, this computer's data key (data-key.ts), made only when something is to be written;
 * otherwise none (stores without `device`, as some tests use).
 */
import { decodeField, decodeProcedure, encodeField, encodeProcedure, type RowCipher } from './codec.ts';
import { deviceCipher } from './data-key.ts';
import { type PasapasDB, PERSON_TABLES, writeTransaction } from './db.ts';
import { NoVaultError, VaultRequiredError } from './errors.ts';
import { write } from './progress-rows.ts';
import type { Vault } from './vault.ts';

export type RowSealing = {
  /** The cipher for rows. Vault mode: expiry wipes, lock refuses, else it counts as activity. */
  ready(write?: boolean): Promise<RowCipher | null>;
  /** Inside a transaction: a store without vault must not write clear rows into an encrypted database. */
  assertMode(): Promise<void>;
  /** After a wipe, a lock or a new vault: look again for clear or orphaned rows at the next use. */
  forget(): void;
};

export function createRowSealing(
  db: PasapasDB,
  options: { clock: () => number; device: boolean; vault: () => Vault | null },
): RowSealing {
  const { clock, device } = options;

  async function ready(writing = false): Promise<RowCipher | null> {
    const vault = options.vault();
    if (vault) {
      await vault.guard(clock());
      return vault;
    }
    if (!device) return null;
    await sealOldRows();
    if (writing && (await db.vault.get('meta'))) throw new VaultRequiredError();
    return deviceCipher(db, { create: writing });
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
      const sealed =
        procs.some((r) => r.sealed) || fields.some((r) => r.sealed) || (await db.infos.count()) > 0;
      const existing = sealed ? await deviceCipher(db, { create: false }) : null;
      if (sealed && !existing) {
        await write(() =>
          writeTransaction(db, [...PERSON_TABLES, 'vault'], async () => {
            if (await db.vault.get('meta')) return;
            await Promise.all(PERSON_TABLES.map((t) => db.table(t).clear()));
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

  async function assertMode(): Promise<void> {
    const meta = await db.vault.get('meta');
    const vault = options.vault();
    if (meta && !vault) throw new VaultRequiredError();
    if (!meta && vault) throw new NoVaultError();
  }

  return {
    ready,
    assertMode,
    forget() {
      sealing = undefined;
    },
  };
}
