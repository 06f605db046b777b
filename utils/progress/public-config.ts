/** Public-computer mode settings: defaults, and checking what a mediator or an administration gave. */
import type { PublicComputerConfig } from './types.ts';

/**
 * The vault's defaults (utils/storage/vault.ts, checked by a unit test), written out: the widget
 * loader reads this module, and must not pull Dexie and the crypto in with it.
 */
export const PUBLIC_DEFAULTS: PublicComputerConfig = {
  enabled: false,
  idleMinutes: 10,
  maxHours: 8,
};
/** Bounds a mediator may choose: a lock after 1 to 60 minutes, erasure after 1 to 24 hours. */
export const IDLE_RANGE = { min: 1, max: 60 } as const;
export const HOURS_RANGE = { min: 1, max: 24 } as const;

export type PublicConfigProblem = {
  field: 'enabled' | 'idleMinutes' | 'maxHours';
  code: 'invalid' | 'range';
};

function clampInt(value: unknown, range: { min: number; max: number }): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return null;
  return Math.min(range.max, Math.max(range.min, Math.round(n)));
}

/**
 * Accepts `true`/`false`, "true"/"false"/"on"/"off", or `{ enabled, idleMinutes, maxHours }`.
 * Anything wrong falls back to the default for that part and is reported.
 */
export function parsePublicComputer(input: unknown): {
  config: PublicComputerConfig;
  problems: PublicConfigProblem[];
} {
  const config = { ...PUBLIC_DEFAULTS };
  const problems: PublicConfigProblem[] = [];
  if (input === undefined || input === null || input === '') return { config, problems };
  const asFlag = (v: unknown): boolean | null => {
    if (typeof v === 'boolean') return v;
    if (typeof v === 'string') {
      const s = v.trim().toLowerCase();
      if (['true', 'on', 'yes', 'oui', '1'].includes(s)) return true;
      if (['false', 'off', 'no', 'non', '0'].includes(s)) return false;
    }
    return null;
  };
  if (typeof input !== 'object') {
    const flag = asFlag(input);
    if (flag === null) problems.push({ field: 'enabled', code: 'invalid' });
    else config.enabled = flag;
    return { config, problems };
  }
  const o = input as Record<string, unknown>;
  const flag = o.enabled === undefined ? true : asFlag(o.enabled);
  if (flag === null) problems.push({ field: 'enabled', code: 'invalid' });
  else config.enabled = flag;
  if (o.idleMinutes !== undefined) {
    const n = clampInt(o.idleMinutes, IDLE_RANGE);
    if (n === null) problems.push({ field: 'idleMinutes', code: 'invalid' });
    else {
      if (n !== Number(o.idleMinutes)) problems.push({ field: 'idleMinutes', code: 'range' });
      config.idleMinutes = n;
    }
  }
  if (o.maxHours !== undefined) {
    const n = clampInt(o.maxHours, HOURS_RANGE);
    if (n === null) problems.push({ field: 'maxHours', code: 'invalid' });
    else {
      if (n !== Number(o.maxHours)) problems.push({ field: 'maxHours', code: 'range' });
      config.maxHours = n;
    }
  }
  return { config, problems };
}
