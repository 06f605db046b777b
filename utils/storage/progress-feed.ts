/**
 * The procedures as they change, in this tab and others (Dexie liveQuery + BroadcastChannel),
 * decrypted, without the expired ones, most recently updated first.
 */
import { liveQuery } from 'dexie';
import { decodeProcedure, type Procedure } from './codec.ts';
import { deviceCipher } from './data-key.ts';
import type { PasapasDB } from './db.ts';
import type { Vault } from './vault.ts';

export type Unsubscribable = { unsubscribe(): void };
export type ProcedureFeed = {
  subscribe(next: (procedures: Procedure[]) => void, error?: (error: unknown) => void): Unsubscribable;
};

export function liveProcedures({
  db,
  clock,
  device,
  vault,
}: {
  db: PasapasDB;
  clock: () => number;
  device: boolean;
  /** The store's vault at each change (it can be attached or detached meanwhile). */
  vault: () => Vault | null;
}): ProcedureFeed {
  return {
    subscribe(next, error) {
      let sequence = 0;
      let delivered = 0;
      const sub = liveQuery(() => db.procedures.toArray()).subscribe({
        next: (rows) => {
          const mine = ++sequence;
          const v = vault();
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
