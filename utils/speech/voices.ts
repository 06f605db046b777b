import type { Lang } from '../i18n';

export type VoiceLike = {
  name: string;
  lang: string;
  voiceURI: string;
  localService?: boolean;
  default?: boolean;
};

/**
 * Chooses a voice for a language: the person's saved choice when it still exists, else a
 * local voice of the language (no network voices: text would leave the device), else none.
 */
export function pickVoice<V extends VoiceLike>(
  voices: readonly V[],
  lang: Lang,
  preferredURI?: string,
): V | undefined {
  const ofLang = voices.filter((v) => v.lang.toLowerCase().replace('_', '-').split('-')[0] === lang);
  const local = ofLang.filter((v) => v.localService !== false);
  if (preferredURI) {
    const chosen = local.find((v) => v.voiceURI === preferredURI);
    if (chosen) return chosen;
  }
  const region = { fr: 'fr-fr', en: 'en-gb', ar: 'ar' }[lang];
  return (
    local.find((v) => v.lang.toLowerCase() === region && v.default) ??
    local.find((v) => v.lang.toLowerCase() === region) ??
    local.find((v) => v.default) ??
    local[0]
  );
}

export function voicesFor<V extends VoiceLike>(voices: readonly V[], lang: Lang): V[] {
  return voices.filter(
    (v) => v.localService !== false && v.lang.toLowerCase().replace('_', '-').split('-')[0] === lang,
  );
}
