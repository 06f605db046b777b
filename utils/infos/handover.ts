/**
 * "Mes informations" carried to another computer: the same passphrase-encrypted file as the
 * progress export (utils/storage/handover.ts), with its own payload. Importing checks every value
 * again and adds; a wrong passphrase or a damaged file changes nothing.
 */
import * as v from 'valibot';
import { openHandover, sealHandover } from '../storage/handover.ts';
import { INFO_KINDS } from './kinds.ts';
import { InfoError } from './messages.ts';
import type { InfoStore } from './store.ts';

const APP = 'pasapas-infos';

const sourceSchema = v.variant('kind', [
  v.object({ kind: v.literal('typed') }),
  v.object({ kind: v.literal('ocr'), document: v.optional(v.string()) }),
  v.object({ kind: v.literal('2ddoc'), document: v.optional(v.string()) }),
  v.object({ kind: v.literal('mrz'), document: v.optional(v.string()) }),
]);
const payloadSchema = v.object({
  app: v.literal(APP),
  exportedAt: v.number(),
  infos: v.array(
    v.object({
      kind: v.picklist(INFO_KINDS),
      value: v.pipe(v.string(), v.maxLength(500)),
      source: sourceSchema,
      at: v.number(),
    }),
  ),
});

export async function exportInfos(
  store: Pick<InfoStore, 'list'>,
  passphrase: string,
  options: { iterations?: number; clock?: () => number } = {},
): Promise<string> {
  const entries = await store.list();
  if (entries.length === 0) throw new InfoError('empty-export');
  const infos = entries.map(({ id: _id, ...rest }) => rest);
  return sealHandover(
    { app: APP, exportedAt: (options.clock ?? Date.now)(), infos },
    passphrase,
    options.iterations,
  );
}

/** Says how many entries were added. */
export async function importInfos(
  store: Pick<InfoStore, 'addAll'>,
  text: string,
  passphrase: string,
): Promise<{ imported: number }> {
  const payload = await openHandover(text, passphrase);
  const parsed = v.safeParse(payloadSchema, payload);
  if (!parsed.success) throw new InfoError('not-infos');
  return { imported: await store.addAll(parsed.output.infos) };
}
