import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { type OpenOptions, openDatabase, type PasapasDB } from '../../../utils/storage/db.ts';

let counter = 0;

/** A fresh, empty IndexedDB (its own fake-indexeddb factory) per call: "another computer". */
export function freshFactory(): IDBFactory {
  return new IDBFactory();
}

export function freshDb(options: OpenOptions = {}): PasapasDB {
  return openDatabase(`pasapas-test-${++counter}`, { indexedDB: freshFactory(), IDBKeyRange, ...options });
}

export function dbOn(factory: IDBFactory, name: string, options: OpenOptions = {}): PasapasDB {
  return openDatabase(name, { indexedDB: factory, IDBKeyRange, ...options });
}

/** Every row of every table, serialized: what someone reading the disk would see. */
export async function rawDump(db: PasapasDB): Promise<string> {
  const parts: string[] = [];
  for (const table of db.tables) parts.push(JSON.stringify(await table.toArray()));
  return parts.join('\n');
}

export function manualClock(start = Date.UTC(2026, 10, 23, 9, 0, 0)) {
  let now = start;
  const clock = () => now;
  return Object.assign(clock, {
    advance(ms: number) {
      now += ms;
    },
    set(t: number) {
      now = t;
    },
  });
}

export const LOW_ITERATIONS = 100_000;
