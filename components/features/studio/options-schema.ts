import type { FeatureConfigSchema } from '../../../utils/plugins/registry';

/** The widget's recorder: off unless the administration turns it on for its own staff. */
export type StudioOptions = { recorder: boolean };

/**
 * `data-studio="true"` on the widget's own `<script>` tag (widgets/loader.ts takes it from there
 * only). Strict: only `true` turns it on, and anything unexpected leaves it off and is reported, so
 * a typo never opens the recorder to the public.
 */
export const studioOptions: FeatureConfigSchema<StudioOptions> = {
  keys: ['studio'],
  defaults: { recorder: false },
  parse(input) {
    const value = input.studio;
    if (value === true || value === 'true') return { config: { recorder: true }, problems: [] };
    if (value === undefined || value === false || value === 'false' || value === '')
      return { config: { recorder: false }, problems: [] };
    return {
      config: { recorder: false },
      problems: [
        {
          field: 'studio',
          message: {
            fr: 'studio : « true » pour les agents qui créent des guides, sinon rien. Valeur retenue : désactivé.',
            en: 'studio: "true" for the staff who make guides, else nothing. Using: off.',
          },
        },
      ],
    };
  },
};

/** Is the recorder on in this widget's configuration (what studioOptions parsed)? */
export const recorderOn = (config: unknown): boolean =>
  (config as StudioOptions | undefined)?.recorder === true;
