import { openDatabase, type PasapasDB } from '../../utils/storage/db';

/** The extension's one database connection, shared by the features' handlers. */
let db: PasapasDB | undefined;
export function database(): PasapasDB {
  db ??= openDatabase();
  return db;
}
