/**
 * Handover between computers: one procedure or all, in a versioned file encrypted with a
 * passphrase (PBKDF2 + AES-GCM). Importing is all or nothing: a wrong passphrase or a
 * damaged, truncated or edited file throws a HandoverError and the database is unchanged.
 *
 * File: { format: 'pasapas-export', version: 1, kdf: { name, hash, iterations, salt, check }, iv, ciphertext }
 * `kdf.check` is an HMAC tag from the derived key: it tells "wrong passphrase" from "damaged file".
 * The header is the ciphertext's additional data, so editing it is detected too.
 */
import * as v from 'valibot';
import { DecryptError, macTag, openJson, sealJson, verifyTag } from '../crypto/aead.ts';
import {
  deriveKeys,
  isValidKdfParams,
  type KdfParams,
  newKdfParams,
  PBKDF2_ITERATIONS,
} from '../crypto/kdf.ts';
import { HandoverError } from './errors.ts';
import type { BundleProcedure, ProgressStore } from './progress.ts';

export const EXPORT_FORMAT = 'pasapas-export';
export const EXPORT_VERSION = 1;
export const PASSPHRASE_MIN_LENGTH = 8;
const CHECK_TEXT = 'pasapas-export-check-v1';

export type ExportKdf = KdfParams & { check: string };
export type ExportFile = {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  kdf: ExportKdf;
  iv: string;
  ciphertext: string;
};

const identitySchema = v.object({
  name: v.optional(v.string()),
  id: v.optional(v.string()),
  label: v.optional(v.string()),
  formIndex: v.number(),
  position: v.number(),
  path: v.string(),
});
const valueSchema = v.union([v.string(), v.boolean(), v.array(v.string())]);
const payloadSchema = v.object({
  app: v.literal('pasapas'),
  exportedAt: v.number(),
  procedures: v.array(
    v.object({
      procedure: v.object({
        id: v.pipe(v.string(), v.minLength(1)),
        guideId: v.string(),
        origin: v.string(),
        title: v.string(),
        currentStep: v.nullable(v.string()),
        startedAt: v.number(),
        updatedAt: v.number(),
        expiresAt: v.optional(v.number()),
      }),
      fields: v.array(v.object({ identity: identitySchema, value: valueSchema, updatedAt: v.number() })),
      steps: v.array(v.object({ stepId: v.string(), done: v.boolean(), updatedAt: v.number() })),
      documents: v.array(v.object({ docId: v.string(), ticked: v.boolean(), updatedAt: v.number() })),
    }),
  ),
});
type Payload = v.InferOutput<typeof payloadSchema>;

function assertPassphrase(passphrase: string): void {
  if ([...passphrase.trim()].length < PASSPHRASE_MIN_LENGTH) {
    throw new HandoverError('passphrase-too-short', { min: PASSPHRASE_MIN_LENGTH });
  }
}

/** The header in a fixed key order: it is authenticated as the ciphertext's additional data. */
function headerAad(file: Pick<ExportFile, 'format' | 'version' | 'kdf'>): string {
  const { name, hash, iterations, salt, check } = file.kdf;
  return JSON.stringify({
    format: file.format,
    version: file.version,
    kdf: { name, hash, iterations, salt, check },
  });
}

export type ExportOptions = {
  /** Only these procedures; all when absent. */
  procedureIds?: readonly string[];
  /** Tests and benchmarks only. */
  iterations?: number;
  clock?: () => number;
};

/** Returns the file's text (JSON). */
export async function exportProcedures(
  store: Pick<ProgressStore, 'exportBundle'>,
  passphrase: string,
  options: ExportOptions = {},
): Promise<string> {
  assertPassphrase(passphrase);
  const procedures = await store.exportBundle(options.procedureIds);
  if (procedures.length === 0) throw new HandoverError('empty');
  const payload: Payload = { app: 'pasapas', exportedAt: (options.clock ?? Date.now)(), procedures };
  return sealHandover(payload, passphrase, options.iterations);
}

/**
 * Any handover payload in the export file format, encrypted with the passphrase ("Mes informations"
 * uses it too, with its own payload).
 */
export async function sealHandover(
  payload: unknown,
  passphrase: string,
  iterations?: number,
): Promise<string> {
  assertPassphrase(passphrase);
  const params = newKdfParams(iterations ?? PBKDF2_ITERATIONS);
  const keys = await deriveKeys(passphrase, params);
  const kdf: ExportKdf = { ...params, check: await macTag(keys.mac, CHECK_TEXT) };
  const header = { format: EXPORT_FORMAT, version: EXPORT_VERSION, kdf } as const;
  const sealed = await sealJson(keys.encryption, payload, headerAad(header));
  const file: ExportFile = { ...header, iv: sealed.iv, ciphertext: sealed.ct };
  return JSON.stringify(file);
}

/** The decrypted payload of an export file, not yet checked (HandoverError on a wrong passphrase or damage). */
export async function openHandover(text: string, passphrase: string): Promise<unknown> {
  const file = parseExportFile(text);
  const keys = await deriveKeys(passphrase, file.kdf);
  if (!(await verifyTag(keys.mac, CHECK_TEXT, file.kdf.check))) throw new HandoverError('wrong-passphrase');
  try {
    return await openJson(keys.encryption, { iv: file.iv, ct: file.ciphertext }, headerAad(file));
  } catch (cause) {
    if (cause instanceof DecryptError) throw new HandoverError('damaged', undefined, { cause });
    throw cause;
  }
}

/** Checks the outer shape (no passphrase needed). */
export function parseExportFile(text: string): ExportFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    // Cut-off files land here: JSON.parse fails on a truncated object.
    throw new HandoverError(text.trimStart().startsWith('{') ? 'damaged' : 'not-export', undefined, {
      cause,
    });
  }
  if (!data || typeof data !== 'object' || (data as { format?: unknown }).format !== EXPORT_FORMAT) {
    throw new HandoverError('not-export');
  }
  const file = data as Record<string, unknown>;
  if (typeof file.version !== 'number') throw new HandoverError('damaged');
  if (file.version > EXPORT_VERSION)
    throw new HandoverError('unsupported-version', { version: file.version });
  if (file.version !== EXPORT_VERSION) throw new HandoverError('damaged');
  const kdf = file.kdf as Record<string, unknown> | undefined;
  if (typeof kdf?.check !== 'string' || !isValidKdfParams(kdf)) throw new HandoverError('damaged');
  if (typeof file.iv !== 'string' || typeof file.ciphertext !== 'string') throw new HandoverError('damaged');
  return file as unknown as ExportFile;
}

/** Decrypts and validates, without touching any database. */
export async function readExportFile(text: string, passphrase: string): Promise<BundleProcedure[]> {
  const payload = await openHandover(text, passphrase);
  const parsed = v.safeParse(payloadSchema, payload);
  if (!parsed.success) throw new HandoverError('damaged');
  return parsed.output.procedures.map((p) => {
    const procedure = { ...p.procedure };
    if (procedure.expiresAt === undefined) delete procedure.expiresAt;
    return {
      ...p,
      procedure: procedure as BundleProcedure['procedure'],
      fields: p.fields.map((f) => ({ ...f, identity: stripUndefined(f.identity) })),
    };
  });
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, x]) => x !== undefined)) as T;
}

/** Imports into the store's database in one transaction; nothing changes on any error. */
export async function importProcedures(
  store: Pick<ProgressStore, 'importBundle'>,
  text: string,
  passphrase: string,
): Promise<{
  imported: number;
  replaced: number;
  procedures: Array<{ id: string; title: string; guideId: string }>;
}> {
  const bundle = await readExportFile(text, passphrase);
  const result = await store.importBundle(bundle);
  return {
    ...result,
    procedures: bundle.map((b) => ({
      id: b.procedure.id,
      title: b.procedure.title,
      guideId: b.procedure.guideId,
    })),
  };
}
