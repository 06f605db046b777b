import { isLang, type Lang } from '../i18n';
import { FEATURE_IDS, type FeatureId, isFeatureId } from '../plugins/registry';
import { HOURS_RANGE, IDLE_RANGE, parsePublicComputer } from '../progress/public-config';
import type { PublicComputerConfig } from '../progress/types';

/** What an administration sets on the widget, from data-* attributes or PasAPas.mount(options). */
export type WidgetConfig = {
  features: FeatureId[];
  /** Absent: the person's saved choice, else the browser's language. */
  lang?: Lang;
  position: 'right' | 'left';
  /** Guides given by the administration: URLs of guide files and/or a catalog. */
  guides: string[];
  catalog?: string;
  /** Base64 Ed25519 public keys the administration trusts for signed guides. */
  trustedKeys: string[];
  /** Public-computer mode (PIN, encryption, lock, expiry) for the progress feature; off when absent. */
  publicComputer?: PublicComputerConfig;
};

export type ConfigProblem = { field: string; message: { fr: string; en: string } };

export const DEFAULT_FEATURES: FeatureId[] = ['guides', 'readable', 'comfort', 'speech', 'ocr', 'progress'];

/**
 * Validates a widget configuration. Problems are reported (the loader writes them to the
 * console) and the faulty part falls back to its default: a typo on the administration's side
 * must not take the help away from the person, nor break the host page.
 */
export function parseWidgetConfig(input: Record<string, unknown>): {
  config: WidgetConfig;
  problems: ConfigProblem[];
} {
  const problems: ConfigProblem[] = [];
  const config: WidgetConfig = {
    features: [...DEFAULT_FEATURES],
    position: 'right',
    guides: [],
    trustedKeys: [],
  };

  const features = toList(input.features);
  if (features) {
    const unknown = features.filter((f) => !isFeatureId(f));
    const known = features.filter(isFeatureId);
    if (unknown.length) {
      problems.push({
        field: 'features',
        message: {
          fr: `fonctionnalité inconnue : ${unknown.join(', ')}. Valeurs possibles : ${FEATURE_IDS.join(', ')}.`,
          en: `unknown feature: ${unknown.join(', ')}. Allowed: ${FEATURE_IDS.join(', ')}.`,
        },
      });
    }
    if (known.length) config.features = [...new Set(known)];
    else if (features.length) {
      problems.push({
        field: 'features',
        message: {
          fr: 'aucune fonctionnalité valide : toutes sont activées.',
          en: 'no valid feature: all are enabled.',
        },
      });
    }
  }

  if (input.lang !== undefined && input.lang !== '') {
    if (isLang(input.lang)) config.lang = input.lang;
    else
      problems.push({
        field: 'lang',
        message: {
          fr: `langue « ${String(input.lang)} » non prise en charge (fr, en, ar).`,
          en: `language "${String(input.lang)}" is not supported (fr, en, ar).`,
        },
      });
  }

  if (input.position !== undefined && input.position !== '') {
    if (input.position === 'left' || input.position === 'right') config.position = input.position;
    else
      problems.push({
        field: 'position',
        message: { fr: 'position : « left » ou « right ».', en: 'position: "left" or "right".' },
      });
  }

  for (const url of toList(input.guides) ?? []) {
    if (isHttpUrl(url)) config.guides.push(url);
    else
      problems.push({
        field: 'guides',
        message: { fr: `adresse de guide invalide : ${url}`, en: `invalid guide URL: ${url}` },
      });
  }
  if (typeof input.catalog === 'string' && input.catalog) {
    if (isHttpUrl(input.catalog)) config.catalog = input.catalog;
    else
      problems.push({
        field: 'catalog',
        message: {
          fr: `adresse de catalogue invalide : ${input.catalog}`,
          en: `invalid catalog URL: ${input.catalog}`,
        },
      });
  }
  for (const key of toList(input.trustedKeys) ?? []) {
    if (/^[A-Za-z0-9+/]{42,44}={0,2}$/.test(key)) config.trustedKeys.push(key);
    else
      problems.push({
        field: 'trustedKeys',
        message: { fr: 'clé publique invalide.', en: 'invalid public key.' },
      });
  }

  if (input.publicComputer !== undefined && input.publicComputer !== '') {
    const parsed = parsePublicComputer(input.publicComputer);
    if (parsed.problems.length) {
      problems.push({
        field: 'publicComputer',
        message: {
          fr: `mode ordinateur public : « true » ou « false », ou { idleMinutes (${IDLE_RANGE.min} à ${IDLE_RANGE.max}), maxHours (${HOURS_RANGE.min} à ${HOURS_RANGE.max}) }. Valeur retenue : ${parsed.config.enabled ? 'activé' : 'désactivé'}, verrou après ${parsed.config.idleMinutes} min, effacement après ${parsed.config.maxHours} h.`,
          en: `public computer mode: "true" or "false", or { idleMinutes (${IDLE_RANGE.min} to ${IDLE_RANGE.max}), maxHours (${HOURS_RANGE.min} to ${HOURS_RANGE.max}) }. Using: ${parsed.config.enabled ? 'on' : 'off'}, lock after ${parsed.config.idleMinutes} min, erase after ${parsed.config.maxHours} h.`,
        },
      });
    }
    config.publicComputer = parsed.config;
  }

  const knownKeys = new Set([
    'features',
    'lang',
    'position',
    'guides',
    'catalog',
    'trustedKeys',
    'publicComputer',
  ]);
  for (const key of Object.keys(input)) {
    if (!knownKeys.has(key)) {
      problems.push({
        field: key,
        message: { fr: `option inconnue « ${key} ».`, en: `unknown option "${key}".` },
      });
    }
  }
  return { config, problems };
}

/** Reads the data-* attributes of the <script> tag or of <pasapas-aide>. */
export function configFromDataset(dataset: DOMStringMap): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const map: Record<string, string> = {
    features: 'features',
    lang: 'lang',
    position: 'position',
    guides: 'guides',
    catalog: 'catalog',
    trustedKeys: 'trustedKeys',
    publicComputer: 'publicComputer',
  };
  for (const [attr, key] of Object.entries(map)) {
    const value = dataset[attr];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

export function formatProblems(problems: ConfigProblem[]): string {
  return [
    'Pas à pas : configuration du widget incorrecte / widget configuration error',
    ...problems.map((p) => `  - ${p.field} : ${p.message.fr} / ${p.message.en}`),
  ].join('\n');
}

function toList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value))
    return value
      .map(String)
      .map((s) => s.trim())
      .filter(Boolean);
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [String(value)];
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value, 'https://example.invalid/');
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
