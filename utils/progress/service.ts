/**
 * The direct progress client: Dexie in this JS context. The widget uses it in the
 * administration's origin; the extension uses it only in its background service worker (the
 * extension's own IndexedDB), which answers the content script and the extension pages.
 * Holds the unlocked vault in memory: a stopped worker or a closed page forgets it (locked).
 * On an ordinary computer the rows are sealed with this computer's data key (a file wiping
 * unlinks), so nothing personal is written in clear in either mode.
 */
import type { PinKdfParams } from '../crypto/pin-kdf.ts';
import { createInfoStore, exportInfos, importInfos } from '../infos/index.ts';
import { decodeProcedure, storedLookup } from '../storage/codec.ts';
import { deviceCipher, setKeyFiles } from '../storage/data-key.ts';
import {
  createProgressStore,
  createVault,
  exportProcedures,
  importProcedures,
  type PasapasDB,
  unlockVault,
  VaultLockedError,
  wipeProcedureData,
} from '../storage/index.ts';
import type { KeyFiles } from '../storage/key-files.ts';
import { ProgressError } from './errors.ts';
import { PUBLIC_DEFAULTS } from './public-config.ts';
import {
  LAST_PAGE_IDENTITY,
  type ProgressClient,
  type ProgressMode,
  type PublicComputerConfig,
} from './types.ts';

export type ServiceOptions = {
  /** Where public-computer mode is read (extension storage, widget configuration). */
  loadConfig?: () => Promise<PublicComputerConfig> | PublicComputerConfig;
  saveConfig?: (config: PublicComputerConfig) => Promise<void>;
  clock?: () => number;
  /** Tests and benchmarks only: fewer PBKDF2 iterations (PIN and handover file). */
  iterations?: number;
  /** Tests only: the PIN's KDF (e.g. a light Argon2id). */
  kdf?: () => PinKdfParams;
  /** Where the data keys live (default: the origin private file system, see key-files.ts). */
  keyFiles?: KeyFiles;
  /** Called after a wipe (e.g. to remove the widget's "something saved here" hint). */
  onWiped?: () => void;
};

export function createProgressService(db: PasapasDB, options: ServiceOptions = {}): ProgressClient {
  const clock = options.clock ?? Date.now;
  if (options.keyFiles) setKeyFiles(db, options.keyFiles);
  const store = createProgressStore(db, { clock, device: true });
  // Sealed by the store's key: the same rules (device key, vault, lock, expiry) for both.
  const infos = createInfoStore(db, { cipher: store.cipher, clock });
  const testKdf = {
    ...(options.iterations ? { iterations: options.iterations } : {}),
    ...(options.kdf ? { kdf: options.kdf } : {}),
  };
  const loadConfig = async () => ({ ...PUBLIC_DEFAULTS, ...(await options.loadConfig?.()) });

  async function mode(): Promise<ProgressMode> {
    const config = await loadConfig();
    let meta = await db.vault.get('meta');
    if (meta && clock() >= meta.expiresAt) {
      // Time is up: the data goes, whoever asks first.
      await wipeProcedureData(db, meta.check);
      store.setVault(null);
      meta = undefined;
    }
    if (!meta) {
      if (store.vault) store.setVault(null);
      return config.enabled ? { kind: 'needs-pin', config } : { kind: 'clear' };
    }
    const vault = store.vault;
    if (vault && !vault.isLocked(clock())) {
      return { kind: 'unlocked', config, expiresAt: meta.expiresAt, idleMs: meta.idleMs };
    }
    if (vault) store.setVault(null);
    return { kind: 'locked', config, expiresAt: meta.expiresAt };
  }

  /** Refuses before anything is written: in public-computer mode nothing is kept in clear. */
  async function writable(): Promise<void> {
    const m = await mode();
    if (m.kind === 'needs-pin') throw new ProgressError('pin-needed');
    if (m.kind === 'locked') throw new VaultLockedError();
  }
  async function readable(): Promise<boolean> {
    const m = await mode();
    if (m.kind === 'locked') throw new VaultLockedError();
    return m.kind !== 'needs-pin';
  }

  const service: ProgressClient = {
    mode,
    async hasProcedures(origin) {
      const now = clock();
      const rows = await db.procedures
        .filter((r) => r.expiresAt === undefined || r.expiresAt > now)
        .toArray();
      if (rows.length === 0) return false;
      // A public computer's rows cannot be read without the PIN: maybe.
      if (await db.vault.get('meta')) return true;
      const cipher = rows.some((r) => r.sealed) ? await deviceCipher(db, { create: false }) : null;
      for (const row of rows) {
        if (!row.sealed) {
          if (row.origin === origin) return true;
        } else if (cipher) {
          const p = await decodeProcedure(row, cipher).catch(() => null);
          if (p?.origin === origin) return true;
        }
      }
      return false;
    },
    async startOrGet(input) {
      await writable();
      return store.startOrGet(input);
    },
    async find(guideId, origin) {
      if (!(await readable())) return null;
      const lookup = await storedLookup(guideId, origin, await store.cipher());
      const rows = await db.procedures.where('lookup').equals(lookup).toArray();
      const latest = rows.sort((a, b) => b.updatedAt - a.updatedAt)[0];
      if (!latest) return null;
      const procedure = await store.getProcedure(latest.id);
      if (!procedure || (procedure.expiresAt !== undefined && procedure.expiresAt <= clock())) return null;
      return procedure;
    },
    async saveMany(entries) {
      await writable();
      return store.saveMany(entries);
    },
    async restorePlan(procedureId, fields) {
      await readable();
      return store.restorePlan(procedureId, fields);
    },
    async setStep(procedureId, stepId, done) {
      await writable();
      await store.setStep(procedureId, stepId, done);
    },
    async updateProcedure(id, patch) {
      await writable();
      await store.updateProcedure(id, patch);
    },
    async lastPage(procedureId) {
      if (!(await readable())) return null;
      const procedure = await store.getProcedure(procedureId);
      if (!procedure) return null;
      const fields = await store.savedFields(procedureId);
      const page = fields.find((f) => f.identity.path === LAST_PAGE_IDENTITY.path)?.value;
      const path = typeof page === 'string' && page.startsWith('/') ? page : '/';
      try {
        return new URL(path, procedure.origin).href;
      } catch {
        return null;
      }
    },
    async procedureOrigin(procedureId) {
      if (!(await readable())) return null;
      return (await store.getProcedure(procedureId))?.origin ?? null;
    },
    async list(requirements) {
      if (!(await readable())) return [];
      return store.listProcedures({ requirements: (guideId) => requirements?.[guideId] });
    },
    async deleteProcedure(id) {
      await readable();
      await store.deleteProcedure(id);
    },
    async wipe() {
      // Works locked too: ending a session must never need the PIN.
      await wipeProcedureData(db);
      store.setVault(null);
      const counts = await Promise.all(
        ['procedures', 'fieldValues', 'stepProgress', 'documents', 'infos', 'vault'].map((t) =>
          db.table(t).count(),
        ),
      );
      options.onWiped?.();
      return { nothingLeft: counts.every((c) => c === 0) };
    },
    async exportFile(passphrase, procedureIds) {
      await readable();
      const opts: Parameters<typeof exportProcedures>[2] = { clock };
      if (procedureIds) opts.procedureIds = procedureIds;
      if (options.iterations) opts.iterations = options.iterations;
      return exportProcedures(store, passphrase, opts);
    },
    async importFile(text, passphrase) {
      await writable();
      const result = await importProcedures(store, text, passphrase);
      return {
        imported: result.imported,
        replaced: result.replaced,
        titles: result.procedures.map((p) => p.title),
      };
    },
    async choosePin(pin) {
      const config = await loadConfig();
      const vault = await createVault(db, pin, {
        clock,
        idleMs: config.idleMinutes * 60_000,
        maxAgeMs: config.maxHours * 3_600_000,
        ...testKdf,
      });
      store.setVault(vault);
    },
    async unlock(pin) {
      // Tests with a low PBKDF2 count must not be upgraded to the slow default.
      const upgradeKdf = options.iterations === undefined;
      const vault = await unlockVault(db, pin, { clock, upgradeKdf, ...testKdf });
      store.setVault(vault);
    },
    async lock() {
      store.vault?.lock();
      store.setVault(null);
    },
    async touch() {
      store.vault?.touch(clock());
    },
    async infosList() {
      if (!(await readable())) return [];
      return infos.list();
    },
    async infosPut(input, id) {
      await writable();
      // Through messaging an absent id arrives as null.
      return infos.put(input, typeof id === 'string' ? id : undefined);
    },
    async infosRemove(id) {
      await readable();
      await infos.remove(id);
    },
    async infosExport(passphrase) {
      await readable();
      return exportInfos(
        infos,
        passphrase,
        options.iterations ? { clock, iterations: options.iterations } : { clock },
      );
    },
    async infosImport(text, passphrase) {
      await writable();
      return importInfos(infos, text, passphrase);
    },
    publicComputer: loadConfig,
    async setPublicComputer(config) {
      if (!options.saveConfig) throw new ProgressError('no-config');
      await options.saveConfig(config);
    },
  };
  return service;
}
