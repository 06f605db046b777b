import type { FeatureConfigSchema } from '../../../utils/plugins/registry';

/**
 * `data-twoddoc-demo-key="true"`: the demo site's widget also trusts the demo's 2D-Doc test key
 * (utils/twoddoc/trust.ts), whose private half is public. Only the widget reads it, in the page that
 * set it; the extension never does (a page's options handed to it are not a reason to trust a key).
 */
export type OcrOptions = { twoddocDemoKey: boolean };

export const ocrOptions: FeatureConfigSchema<OcrOptions> = {
  keys: ['twoddocDemoKey'],
  defaults: { twoddocDemoKey: false },
  parse(input) {
    const value = input.twoddocDemoKey;
    if (value === undefined || value === '' || value === false || value === 'false')
      return { config: { twoddocDemoKey: false }, problems: [] };
    if (value === true || value === 'true') return { config: { twoddocDemoKey: true }, problems: [] };
    return {
      config: { twoddocDemoKey: false },
      problems: [
        {
          field: 'twoddocDemoKey',
          message: { fr: 'valeur attendue : true ou false.', en: 'expected value: true or false.' },
        },
      ],
    };
  },
};
