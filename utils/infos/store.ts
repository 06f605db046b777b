/**
 * "Mes informations" on the device: one row per entry in the `infos` table, everything but the
 * row's id sealed with the key that seals saved answers (this computer's data key, or the
 * public-computer vault's key: locked means unreadable and unwritable). No value, kind or source is
 * ever written in clear. The key comes from the progress store so both follow the same rules
 * (expiry, lock, wipe order); a wipe or a session's end removes the rows with the key.
 */
import type { RowCipher } from '../storage/codec.ts';
import { type InfoRow, infoAad, type PasapasDB, writeTransaction } from '../storage/db.ts';
import { StorageError } from '../storage/errors.ts';
import { checkInfo } from './check.ts';
import { type InfoEntry, type InfoKind, type InfoSource, isInfoKind } from './kinds.ts';
import { InfoError, InfoValueError } from './messages.ts';

/** What the store needs from the progress store: its cipher (`store.cipher`). */
export type CipherSource = (opts: { write?: boolean }) => Promise<RowCipher | null>;

export type InfoInput = { kind: InfoKind; value: string; source?: InfoSource };

type SealedEntry = Omit<InfoEntry, 'id'>;

export type InfoStore = ReturnType<typeof createInfoStore>;

export function createInfoStore(db: PasapasDB, options: { cipher: CipherSource; clock?: () => number }) {
  const clock = options.clock ?? Date.now;

  async function cipher(write: boolean): Promise<RowCipher | null> {
    try {
      return await options.cipher({ write });
    } catch (error) {
      // The vault is locked (or its time ran out): "Mes informations" stays closed.
      if (error instanceof StorageError) throw new InfoError('locked', { cause: error });
      throw error;
    }
  }

  /** Every entry, oldest first. Rows that no key opens any more (a wipe cut short) are skipped. */
  async function list(): Promise<InfoEntry[]> {
    const rows = await db.infos.toArray();
    if (rows.length === 0) return [];
    const c = await cipher(false);
    if (!c) {
      // A public computer's rows while no PIN opened them: closed, not empty.
      if (await db.vault.get('meta')) throw new InfoError('locked');
      return [];
    }
    const entries: InfoEntry[] = [];
    for (const row of rows) {
      try {
        const open = await c.open<SealedEntry>(row.sealed, infoAad(row.id));
        if (isInfoKind(open.kind) && typeof open.value === 'string') entries.push({ id: row.id, ...open });
      } catch {
        // Sealed by a key that is gone: nobody can read it, it is not shown.
      }
    }
    return entries.sort((a, b) => a.at - b.at);
  }

  async function seal(c: RowCipher, entry: InfoEntry): Promise<InfoRow> {
    const { id, ...rest } = entry;
    return { id, sealed: await c.seal(rest, infoAad(id)), updatedAt: entry.at };
  }

  async function writable(): Promise<RowCipher> {
    const c = await cipher(true);
    // A store without a key would write in clear: refused.
    if (!c) throw new InfoError('no-key');
    return c;
  }

  /**
   * Adds an entry, or replaces `id`'s. The value is checked first: a bad one throws an InfoError
   * with the validator's message and nothing is written.
   */
  async function put(input: InfoInput, id?: string): Promise<InfoEntry> {
    const checked = checkInfo(input.kind, input.value);
    if (!checked.ok) throw new InfoValueError(checked.code, checked.message);
    const c = await writable();
    if (id !== undefined && !(await db.infos.get(id))) throw new InfoError('unknown-entry');
    const entry: InfoEntry = {
      id: id ?? globalThis.crypto.randomUUID(),
      kind: input.kind,
      value: checked.value,
      source: input.source ?? { kind: 'typed' },
      at: clock(),
    };
    const row = await seal(c, entry);
    await writeTransaction(db, ['infos'], () => db.infos.put(row));
    return entry;
  }

  async function remove(id: string): Promise<void> {
    await writeTransaction(db, ['infos'], () => db.infos.delete(id));
  }

  /** Adds entries read from a handover file (new ids: nothing of this computer is replaced). */
  async function addAll(entries: readonly Omit<InfoEntry, 'id'>[]): Promise<number> {
    const c = await writable();
    const rows: InfoRow[] = [];
    for (const e of entries) {
      const checked = checkInfo(e.kind, e.value);
      if (!checked.ok) continue;
      rows.push(await seal(c, { ...e, value: checked.value, id: globalThis.crypto.randomUUID() }));
    }
    await writeTransaction(db, ['infos'], () => db.infos.bulkPut(rows));
    return rows.length;
  }

  return { list, put, remove, addAll };
}
