import type { FeatureConfigSchema } from '../../../utils/plugins/registry';
import { isHttpUrl, toList } from '../../../utils/widget/parse';

/**
 * The administration's guides: guide files and/or a catalog, and the keys it trusts for signed
 * guides; and its help places file (on its own origin: utils/help-places/site-places.ts).
 */
export type GuidesOptions = { urls: string[]; catalog?: string; trustedKeys: string[]; places?: string };

/** What a page may hand over: enough for any real configuration, not a way to make us fetch without end. */
const MAX_URLS = 50;
const MAX_URL_LENGTH = 2048;

/**
 * `data-guides`, `data-catalog`, `data-trusted-keys`, `data-places`. The same parser reads what a widget hands
 * over to the person's extension (its page's input, never trusted).
 */
export const guidesOptions: FeatureConfigSchema<GuidesOptions> = {
  keys: ['guides', 'catalog', 'trustedKeys', 'places'],
  defaults: { urls: [], trustedKeys: [] },
  parse(input) {
    const config: GuidesOptions = { urls: [], trustedKeys: [] };
    const problems: { field: string; message: { fr: string; en: string } }[] = [];
    for (const url of (toList(input.guides) ?? []).slice(0, MAX_URLS)) {
      if (url.length <= MAX_URL_LENGTH && isHttpUrl(url)) config.urls.push(url);
      else
        problems.push({
          field: 'guides',
          message: { fr: `adresse de guide invalide : ${url}`, en: `invalid guide URL: ${url}` },
        });
    }
    if (typeof input.catalog === 'string' && input.catalog) {
      if (input.catalog.length <= MAX_URL_LENGTH && isHttpUrl(input.catalog)) config.catalog = input.catalog;
      else
        problems.push({
          field: 'catalog',
          message: {
            fr: `adresse de catalogue invalide : ${input.catalog}`,
            en: `invalid catalog URL: ${input.catalog}`,
          },
        });
    }
    // Its origin is checked against the page's when the file is read (the page is not known here).
    if (typeof input.places === 'string' && input.places) {
      if (input.places.length <= MAX_URL_LENGTH && isHttpUrl(input.places)) config.places = input.places;
      else
        problems.push({
          field: 'places',
          message: {
            fr: `adresse du fichier de lieux invalide : ${input.places.slice(0, 200)}`,
            en: `invalid places file URL: ${input.places.slice(0, 200)}`,
          },
        });
    }
    for (const key of (toList(input.trustedKeys) ?? []).slice(0, MAX_URLS)) {
      if (/^[A-Za-z0-9+/]{42,44}={0,2}$/.test(key)) config.trustedKeys.push(key);
      else
        problems.push({
          field: 'trustedKeys',
          message: { fr: 'clé publique invalide.', en: 'invalid public key.' },
        });
    }
    return { config, problems };
  },
};
