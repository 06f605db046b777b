/**
 * The progress client: the one interface the UI talks to. Two implementations share it: the
 * direct one (Dexie in this JS context: the widget, and the extension's background) and the
 * messaging one (the extension's content script and pages, which must not open IndexedDB in
 * the web page's origin, and share one unlocked key held by the background).
 */
import type { InfoEntry, InfoInput } from '../infos/index.ts';
import type {
  CurrentField,
  FieldSave,
  GuideRequirements,
  Procedure,
  ProcedureInput,
  ProcedureSummary,
  RestorePlan,
  SaveResult,
} from '../storage/index.ts';

/** Set by the mediator (extension options) or the administration (widget configuration). */
export type PublicComputerConfig = {
  enabled: boolean;
  /** Lock after this many minutes without activity. */
  idleMinutes: number;
  /** Erase everything this many hours after the PIN was chosen. */
  maxHours: number;
};

export type ProgressMode =
  /** Ordinary computer: saved in clear on this device (sensitive fields never). */
  | { kind: 'clear' }
  /** Public computer, no PIN chosen yet: nothing is saved until the person chooses one. */
  | { kind: 'needs-pin'; config: PublicComputerConfig }
  | { kind: 'locked'; config: PublicComputerConfig; expiresAt: number }
  | { kind: 'unlocked'; config: PublicComputerConfig; expiresAt: number; idleMs: number };

/**
 * The page the person was last on, kept as a field of its own (so it is encrypted with the rest
 * in public-computer mode, and travels in handover files). Its path matches no page: it is
 * never offered for restore.
 */
export const LAST_PAGE_IDENTITY = {
  name: 'pasapas:last-page',
  formIndex: -2,
  position: 0,
  path: '/:pasapas',
};

export type ImportResult = { imported: number; replaced: number; titles: string[] };

export interface ProgressClient {
  mode(): Promise<ProgressMode>;
  /** Cheap: is anything saved for this origin (or, when locked, maybe)? Never decrypts. */
  hasProcedures(origin: string): Promise<boolean>;
  startOrGet(input: ProcedureInput): Promise<Procedure>;
  /** The procedure of this guide on this site, without creating it. */
  find(guideId: string, origin: string): Promise<Procedure | null>;
  saveMany(entries: readonly FieldSave[]): Promise<SaveResult[]>;
  restorePlan(procedureId: string, fields: readonly CurrentField[]): Promise<RestorePlan>;
  setStep(procedureId: string, stepId: string, done: boolean): Promise<void>;
  updateProcedure(id: string, patch: { currentStep?: string | null; title?: string }): Promise<void>;
  /** Full URL of the page to reopen to resume, or null. */
  lastPage(procedureId: string): Promise<string | null>;
  /** The site a procedure belongs to (null: unknown, or nothing readable). Never the values. */
  procedureOrigin(procedureId: string): Promise<string | null>;
  list(requirements?: Record<string, GuideRequirements>): Promise<ProcedureSummary[]>;
  deleteProcedure(id: string): Promise<void>;
  /** Deletes every procedure (and, in public-computer mode, the PIN): the end of a session. */
  wipe(): Promise<{ nothingLeft: boolean }>;
  exportFile(passphrase: string, procedureIds?: readonly string[]): Promise<string>;
  importFile(text: string, passphrase: string): Promise<ImportResult>;
  choosePin(pin: string): Promise<void>;
  unlock(pin: string): Promise<void>;
  lock(): Promise<void>;
  /** Activity in the panel or on the page: delays the inactivity lock. */
  touch(): Promise<void>;
  publicComputer(): Promise<PublicComputerConfig>;
  /** Extension options only; the widget's comes from its configuration. */
  setPublicComputer(config: PublicComputerConfig): Promise<void>;
  /**
   * "Mes informations" (utils/infos), sealed with the same key as the answers: closed while a
   * public computer's PIN is not typed. Never offered to a web page's script (not a site method).
   */
  infosList(): Promise<InfoEntry[]>;
  /** Adds, or replaces `id`'s entry; a bad value is refused (InfoValueError's code and message). */
  infosPut(input: InfoInput, id?: string): Promise<InfoEntry>;
  infosRemove(id: string): Promise<void>;
  infosExport(passphrase: string): Promise<string>;
  infosImport(text: string, passphrase: string): Promise<{ imported: number }>;
}

export const PROGRESS_METHODS = [
  'mode',
  'hasProcedures',
  'startOrGet',
  'find',
  'saveMany',
  'restorePlan',
  'setStep',
  'updateProcedure',
  'lastPage',
  'procedureOrigin',
  'list',
  'deleteProcedure',
  'wipe',
  'exportFile',
  'importFile',
  'choosePin',
  'unlock',
  'lock',
  'touch',
  'publicComputer',
  'setPublicComputer',
  'infosList',
  'infosPut',
  'infosRemove',
  'infosExport',
  'infosImport',
] as const satisfies ReadonlyArray<keyof ProgressClient>;
export type ProgressMethod = (typeof PROGRESS_METHODS)[number];
