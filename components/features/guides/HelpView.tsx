/**
 * « Je n’y arrive pas »: in-person help places near a postcode the person types, nearest first,
 * and the helplines the guide lists. The places come from the extension's background (the
 * mediator's file, else the demo sample, and the catalogs' places) or, in the widget, from the
 * file the site gives (`data-places`, on its own origin) and its catalog's places
 * (utils/help-places/site-places.ts); a widget given neither offers the helplines only. The postcode is matched here
 * (utils/help-places/nearby.ts) and sent nowhere.
 */
import type { Ref } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type Guide, localize } from '../../../utils/guides/schema';
import { describeHours } from '../../../utils/help-places/hours';
import { findNearby } from '../../../utils/help-places/nearby';
import type { Place } from '../../../utils/help-places/places';
import { loadWidgetPlaces, type PublishedPlaces } from '../../../utils/help-places/site-places';
import type { Lang, Params } from '../../../utils/i18n';
import { validate, validationMessage } from '../../../utils/validators';
import type { PanelEnv } from '../../app/services';
import { StepFeedback } from './StepFeedback';

type T = (key: string, params?: Params) => string;

/**
 * The places to search: asked of the background in the extension; in the widget, read from the
 * site's file (its problems go to the console), 'none' when the site gives none.
 */
async function loadPlaces(
  env: PanelEnv,
  sitePlaces: string | undefined,
  catalogPlaces: PublishedPlaces | undefined,
): Promise<Place[] | 'none'> {
  if (env.background) {
    const answer = (await env.background({ type: 'pasapas:places' })) as { places?: Place[] } | null;
    return Array.isArray(answer?.places) ? answer.places : [];
  }
  return loadWidgetPlaces(
    { file: sitePlaces, catalog: catalogPlaces },
    {
      baseUrl: document.baseURI,
      origin: location.origin,
      fetch: (url, init) => fetch(url, init),
    },
  );
}

/** A place; from a guide catalog, it carries the catalog's name (background-places.ts). */
type ShownPlace = Place & { catalog?: string };

function PlaceItem({ place, km, lang, t }: { place: ShownPlace; km?: number; lang: Lang; t: T }) {
  const hours = place.horaires ? describeHours(place.horaires, lang) : null;
  const kmText =
    km === undefined
      ? ''
      : new Intl.NumberFormat(lang, { maximumFractionDigits: km < 10 ? 1 : 0 }).format(km);
  return (
    <li data-place={place.id}>
      {/* The file's words are French (the national schema): marked so, and laid out on their own. */}
      <strong lang="fr" dir="auto">
        {place.nom}
      </strong>
      {km !== undefined && <p data-testid="place-distance">{t('help.distance', { km: kmText })}</p>}
      <p lang="fr" dir="auto">
        {place.adresse}
        {place.complement_adresse ? `, ${place.complement_adresse}` : ''}, {place.code_postal} {place.commune}
      </p>
      {place.telephone && (
        <p>
          {t('help.phone')}
          <a href={`tel:${place.telephone.replace(/[^\d+]/g, '')}`} dir="ltr">
            {place.telephone}
          </a>
        </p>
      )}
      {place.horaires && (
        <div>
          {t('help.hours')}
          {hours ? (
            <ul>
              {hours.map((h, i) => (
                <li key={i}>
                  {h.days} : {h.times}
                </li>
              ))}
            </ul>
          ) : (
            <span dir="ltr">{place.horaires}</span>
          )}
        </div>
      )}
      <p>
        {t('help.services', { services: '' })}
        <span lang="fr" dir="auto">
          {place.services.join(', ')}
        </span>
      </p>
      {place.presentation_resume && (
        <p lang="fr" dir="auto">
          {place.presentation_resume}
        </p>
      )}
      {place.catalog && (
        <p data-testid="place-catalog">
          {t('help.from')}
          <span dir="auto">{place.catalog}</span>
        </p>
      )}
    </li>
  );
}

export function HelpView({
  guide,
  stepId,
  lang,
  env,
  t,
  onClose,
  sitePlaces,
  catalogPlaces,
}: {
  guide: Guide;
  /** The step the person is stuck on, for the note to the guide's author. */
  stepId: string | undefined;
  lang: Lang;
  env: PanelEnv;
  t: T;
  onClose: () => void;
  /** The widget's `data-places` (the guides feature's option); unused in the extension. */
  sitePlaces?: string | undefined;
  /** The places the widget's catalog publishes (`data-catalog`); unused in the extension. */
  catalogPlaces?: PublishedPlaces | undefined;
}) {
  const [places, setPlaces] = useState<Place[] | null | 'error' | 'none'>(null);
  const [postcode, setPostcode] = useState('');
  // The postcode sent: searched as soon as the places are there (the widget reads its file while the
  // person types; a quick « Chercher » must not be lost).
  const [asked, setAsked] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    title.current?.focus();
    let alive = true;
    loadPlaces(env, sitePlaces, catalogPlaces).then(
      (list) => alive && setPlaces(list),
      () => alive && setPlaces('error'),
    );
    return () => {
      alive = false;
    };
  }, []);

  const search = (e: Event) => {
    e.preventDefault();
    setAsked(postcode);
  };
  const services = guide.help?.services;
  const result = useMemo(
    () =>
      asked !== null && Array.isArray(places)
        ? findNearby(places, asked, { services: services ?? [] })
        : null,
    [asked, places, services],
  );
  const error =
    result && !result.ok ? validationMessage(lang, 'postcode', validate('postcode', postcode)) : '';
  const found = result?.ok ? result.places : [];
  const helplines = guide.help?.helplines ?? [];

  return (
    <section class="pp-stack pp-help" aria-labelledby="pp-help-title" data-testid="help-places">
      <h4 id="pp-help-title" tabIndex={-1} ref={title as Ref<HTMLHeadingElement>}>
        {t('help.title')}
      </h4>
      {places !== 'none' && <p>{t('help.intro')}</p>}
      {places === 'error' && (
        <p class="pp-message pp-message--error" role="alert" data-testid="help-unavailable">
          {t('help.unavailable')}
        </p>
      )}
      {/* No list to search (none given, or unreadable): no postcode asked for nothing. */}
      {places !== 'none' && places !== 'error' && (
        <form class="pp-stack" onSubmit={search}>
          <label for="pp-help-postcode">{t('help.postcode')}</label>
          <p id="pp-help-postcode-hint" class="pp-hint">
            {t('help.postcodeHint')}
          </p>
          <input
            id="pp-help-postcode"
            type="text"
            inputMode="numeric"
            autoComplete="postal-code"
            maxLength={10}
            value={postcode}
            aria-describedby={
              error ? 'pp-help-postcode-hint pp-help-postcode-error' : 'pp-help-postcode-hint'
            }
            aria-invalid={error ? 'true' : undefined}
            data-testid="help-postcode"
            onInput={(e) => setPostcode((e.currentTarget as HTMLInputElement).value)}
          />
          {error && (
            <p id="pp-help-postcode-error" class="pp-message pp-message--error">
              {error}
            </p>
          )}
          <button type="submit" class="pp-button pp-button--primary" data-action="help-search">
            {t('help.search')}
          </button>
        </form>
      )}
      <div role="status" data-testid="help-count">
        {result?.ok &&
          (found.length === 0
            ? t('help.none')
            : t(result.from === 'department' ? 'help.foundDepartment' : 'help.found', {
                count: found.length,
              }))}
      </div>
      {found.length > 0 && (
        <ol class="pp-help-places" data-testid="help-list">
          {found.map(({ place, km }) => (
            <PlaceItem key={place.id} place={place} km={km} lang={lang} t={t} />
          ))}
        </ol>
      )}
      {helplines.length > 0 && (
        <>
          <h5>{t('help.lines')}</h5>
          <ul data-testid="help-lines">
            {helplines.map((h) => (
              <li key={h.id}>
                <strong>{localize(h.name, lang)}</strong>
                {h.phone && (
                  <p>
                    {t('help.phone')}
                    <a href={`tel:${h.phone.replace(/[^\d+]/g, '')}`} dir="ltr">
                      {h.phone}
                    </a>
                  </p>
                )}
                {h.hours && <p>{localize(h.hours, lang)}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
      {stepId && <StepFeedback guide={guide} stepId={stepId} env={env} t={t} />}
      <button type="button" class="pp-button" data-action="help-close" onClick={onClose}>
        {t('help.close')}
      </button>
    </section>
  );
}
