import { isLang, type Lang } from '../i18n';
import { type ConfigProblem, type FeatureDefinition, parseFeatureConfigs } from '../plugins/registry';
import { HOURS_RANGE, IDLE_RANGE, parsePublicComputer } from '../progress/public-config';
import type { PublicComputerConfig } from '../progress/types';
import { toList } from './parse';

export type { ConfigProblem } from '../plugins/registry';

/** What the configuration needs of the registered features: their ids and their options. */
export type KnownFeatures = readonly Pick<FeatureDefinition, 'id' | 'config' | 'widgetOptIn'>[];

/** What an administration sets on the widget, from data-* attributes or PasAPas.mount(options). */
export type WidgetConfig = {
  /** Registered feature ids, every one when the administration lists none. */
  features: string[];
  /** Absent: the person's saved choice, else the browser's language. */
  lang?: Lang;
  position: 'right' | 'left';
  /**
   * Public-computer mode (PIN, encryption, lock, expiry) of what the widget stores in the site's
   * origin; off when absent.
   */
  publicComputer?: PublicComputerConfig;
  /** Each feature's own options, parsed by its schema (see FeatureDefinition.config), by feature id. */
  options: Record<string, unknown>;
};

/** The shell's own options; each feature adds its keys (FeatureDefinition.config.keys). */
const SHELL_KEYS = ['features', 'lang', 'position', 'publicComputer'] as const;

/**
 * Validates a widget configuration. Problems are reported (the loader writes them to the
 * console) and the faulty part falls back to its default: a typo on the administration's side
 * must not take the help away from the person, nor break the host page.
 */
export function parseWidgetConfig(
  input: Record<string, unknown>,
  known: KnownFeatures,
): {
  config: WidgetConfig;
  problems: ConfigProblem[];
} {
  const problems: ConfigProblem[] = [];
  const ids = known.map((f) => f.id);
  const config: WidgetConfig = { features: [...ids], position: 'right', options: {} };

  const features = toList(input.features);
  if (features) {
    const unknown = features.filter((f) => !ids.includes(f));
    const valid = features.filter((f) => ids.includes(f));
    if (unknown.length) {
      problems.push({
        field: 'features',
        message: {
          fr: `fonctionnalité inconnue : ${unknown.join(', ')}. Valeurs possibles : ${ids.join(', ')}.`,
          en: `unknown feature: ${unknown.join(', ')}. Allowed: ${ids.join(', ')}.`,
        },
      });
    }
    if (valid.length) config.features = [...new Set(valid)];
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

  // Every feature's options are read, enabled or not: a feature turned off keeps its checks.
  const parsed = parseFeatureConfigs(known, input);
  config.options = parsed.configs;
  problems.push(...parsed.problems);

  // Opt-in features (the recorder for an administration's staff): shown exactly when their own
  // option turns them on, whatever data-features says.
  for (const f of known) {
    if (!f.widgetOptIn) continue;
    const on = f.widgetOptIn(config.options[f.id]);
    const listed = config.features.includes(f.id);
    if (on && !listed) config.features.push(f.id);
    if (!on && listed) {
      config.features = config.features.filter((id) => id !== f.id);
      if (features?.includes(f.id))
        problems.push({
          field: 'features',
          message: {
            fr: `« ${f.id} » ne s’active que par son option (${f.config?.keys.join(', ')}) sur la balise <script> du widget.`,
            en: `"${f.id}" is only turned on by its option (${f.config?.keys.join(', ')}) on the widget's <script> tag.`,
          },
        });
    }
  }

  const knownKeys = new Set<string>([...SHELL_KEYS, ...known.flatMap((f) => f.config?.keys ?? [])]);
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

/** Reads the data-* attributes of the <script> tag or of <pasapas-aide>: the shell's and the features' options. */
export function configFromDataset(dataset: DOMStringMap, known: KnownFeatures): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [...SHELL_KEYS, ...known.flatMap((f) => f.config?.keys ?? [])]) {
    const value = dataset[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * The opt-in features' options (data-studio) as the widget's own <script> tag sets them, whatever
 * `input` says: the administration writes that tag; a script of the page that calls
 * PasAPas.mount(options) or adds a <pasapas-aide> cannot turn the recorder on where the site did not.
 * `fromScript` is read from the tag when the loader runs.
 */
export function withScriptTagOptIns(
  input: Record<string, unknown>,
  fromScript: Readonly<Record<string, unknown>>,
  known: KnownFeatures,
): { input: Record<string, unknown>; problems: ConfigProblem[] } {
  const out = { ...input };
  const problems: ConfigProblem[] = [];
  for (const key of known.flatMap((f) => (f.widgetOptIn ? (f.config?.keys ?? []) : []))) {
    if (key in out && out[key] !== fromScript[key])
      problems.push({
        field: key,
        message: {
          fr: `l’option « ${key} » ne se règle que sur la balise <script> du widget : ignorée ici.`,
          en: `the "${key}" option is only read from the widget's <script> tag: ignored here.`,
        },
      });
    delete out[key];
    if (fromScript[key] !== undefined) out[key] = fromScript[key];
  }
  return { input: out, problems };
}

export function formatProblems(problems: ConfigProblem[]): string {
  return [
    'Pas à pas : configuration du widget incorrecte / widget configuration error',
    ...problems.map((p) => `  - ${p.field} : ${p.message.fr} / ${p.message.en}`),
  ].join('\n');
}
