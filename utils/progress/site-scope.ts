/**
 * Progress as a web page's script may see it: one origin's procedures, nothing else. The
 * background answers our page script through this, with the origin the browser gave as the
 * sender's (never one named in the message), so a hostile page that drives our panel, or a
 * compromised page script, still cannot reach another site's answers, the list of all sites,
 * export, import, the PIN or the mediator's settings.
 */
import type { SiteMethod } from '../messaging/protocol.ts';
import { ProgressError } from './errors.ts';
import type { ProgressClient } from './types.ts';

export type SiteClient = Pick<ProgressClient, SiteMethod>;

export function siteScoped(client: ProgressClient, origin: string): SiteClient {
  const forbidden = () => new ProgressError('forbidden');
  /** A procedure id comes from the page: it must be one of this origin's. */
  const own = async (procedureId: unknown): Promise<string> => {
    if (typeof procedureId !== 'string') throw forbidden();
    if ((await client.procedureOrigin(procedureId)) !== origin) throw forbidden();
    return procedureId;
  };
  return {
    mode: () => client.mode(),
    touch: () => client.touch(),
    lock: () => client.lock(),
    publicComputer: () => client.publicComputer(),
    async hasProcedures(asked) {
      if (asked !== origin) throw forbidden();
      return client.hasProcedures(origin);
    },
    async startOrGet(input) {
      if (!input || input.origin !== origin) throw forbidden();
      return client.startOrGet(input);
    },
    async find(guideId, asked) {
      if (asked !== origin) throw forbidden();
      return client.find(guideId, origin);
    },
    async saveMany(entries) {
      if (!Array.isArray(entries)) throw forbidden();
      for (const id of new Set(entries.map((e) => e?.procedureId))) await own(id);
      return client.saveMany(entries);
    },
    async restorePlan(procedureId, fields) {
      return client.restorePlan(await own(procedureId), fields);
    },
    async setStep(procedureId, stepId, done) {
      return client.setStep(await own(procedureId), stepId, done);
    },
    async updateProcedure(id, patch) {
      return client.updateProcedure(await own(id), patch);
    },
    async lastPage(procedureId) {
      return client.lastPage(await own(procedureId));
    },
    async deleteProcedure(id) {
      return client.deleteProcedure(await own(id));
    },
    async list(requirements) {
      return (await client.list(requirements)).filter((p) => p.origin === origin);
    },
  };
}
