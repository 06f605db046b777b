/**
 * The mediator's file of help places (national schema of digital-mediation places, CSV or JSON):
 * imported here, checked and kept by the background (background-places.ts), each bad row told
 * in plain words with its line, the good rows kept. Below it, the places each guide catalog
 * publishes, with the same plain words for a bad place (the catalog's guides are not touched).
 */
import { useEffect, useState } from 'preact/hooks';
import { catalogPlaceErrorText } from '../../../utils/help-places/catalog-places';
import {
  PLACES_LIMITS,
  type PlaceRowError,
  PlacesFileError,
  placeErrorText,
  placesFileErrorText,
} from '../../../utils/help-places/places';
import { useServices } from '../../app/services';
import type { CatalogPlacesReport } from './background-places';
import { placesTranslator } from './places-messages';

type Answer = {
  ok: boolean;
  count: number;
  errors: PlaceRowError[];
  imported?: boolean;
  fileError?: { code: PlacesFileError['code']; params: PlacesFileError['params'] };
};
type Outcome = { text: string; errors: string[]; ok: boolean };

export function PlacesOptions() {
  const { lang, env, announce } = useServices();
  const t = placesTranslator(() => lang.value);
  const [current, setCurrent] = useState<{ count: number; imported: boolean } | null>(null);
  const [catalogs, setCatalogs] = useState<CatalogPlacesReport[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const refresh = () =>
    env
      .background?.({ type: 'pasapas:places' })
      .then((a) => {
        const answer = a as {
          places?: unknown[];
          imported?: boolean;
          base?: number;
          catalogs?: CatalogPlacesReport[];
        } | null;
        if (Array.isArray(answer?.places))
          setCurrent({ count: answer.base ?? answer.places.length, imported: answer.imported === true });
        setCatalogs(Array.isArray(answer?.catalogs) ? answer.catalogs : []);
      })
      .catch(() => undefined);
  useEffect(() => {
    void refresh();
  }, []);
  if (!env.background) return null;
  const background = env.background;

  const tell = (next: Outcome) => {
    setOutcome(next);
    announce([next.text, ...next.errors.slice(0, 3)].join(' '));
  };
  const importFile = async (file: File) => {
    if (file.size > PLACES_LIMITS.bytes) {
      tell({ text: t('placesFile.tooBig'), errors: [], ok: false });
      return;
    }
    const answer = (await background({ type: 'pasapas:places-import', text: await file.text() })) as Answer;
    const errors = answer.fileError
      ? [placesFileErrorText(new PlacesFileError(answer.fileError.code, answer.fileError.params), lang.value)]
      : answer.errors.map((e) => placeErrorText(e, lang.value));
    const text = answer.ok ? t('placesFile.done', { count: answer.count }) : t('placesFile.nothing');
    const bad = answer.errors.length ? [t('placesFile.bad', { count: answer.errors.length })] : [];
    tell({ text: [text, ...bad].join(' '), errors, ok: answer.ok && errors.length === 0 });
    await refresh();
  };
  const reset = async () => {
    await background({ type: 'pasapas:places-import' });
    tell({ text: t('placesFile.resetDone'), errors: [], ok: true });
    await refresh();
  };

  return (
    <section aria-labelledby="opt-places" class="pp-stack" data-testid="places-options">
      <h2 id="opt-places">{t('placesFile.title')}</h2>
      <p>{t('placesFile.intro')}</p>
      {current && (
        <p data-testid="places-current" data-imported={String(current.imported)}>
          {t(current.imported ? 'placesFile.imported' : 'placesFile.sample', { count: current.count })}
        </p>
      )}
      <label for="opt-places-file">{t('placesFile.file')}</label>
      <input
        id="opt-places-file"
        type="file"
        accept=".csv,.json,text/csv,application/json"
        data-testid="places-file"
        onChange={(e) => {
          const input = e.currentTarget as HTMLInputElement;
          const file = input.files?.[0];
          if (file) void importFile(file).finally(() => (input.value = ''));
        }}
      />
      {outcome && (
        <div class={outcome.ok ? 'pp-message' : 'pp-message pp-message--error'} data-testid="places-outcome">
          <p>{outcome.text}</p>
          {outcome.errors.length > 0 && (
            <ul data-testid="places-errors">
              {outcome.errors.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {catalogs.length > 0 && (
        <div class="pp-stack" data-testid="places-catalogs">
          <h3>{t('placesFile.catalogs')}</h3>
          <ul>
            {catalogs.map((c) => (
              <CatalogLine key={c.url} report={c} t={t} />
            ))}
          </ul>
        </div>
      )}
      {current?.imported && (
        <button type="button" class="pp-button" data-action="places-reset" onClick={reset}>
          {t('placesFile.reset')}
        </button>
      )}
    </section>
  );
}

/** One catalog's places: how many are offered, and each place left out with why. */
function CatalogLine({ report, t }: { report: CatalogPlacesReport; t: ReturnType<typeof placesTranslator> }) {
  const { lang } = useServices();
  const problems = report.fileError
    ? [placesFileErrorText(new PlacesFileError(report.fileError.code, report.fileError.params), lang.value)]
    : report.errors.map((e) => catalogPlaceErrorText(e, lang.value));
  const badPlaces = new Set(report.errors.map((e) => e.row)).size;
  return (
    <li data-testid="places-catalog">
      <p>
        {report.count === 0
          ? t('placesFile.catalog.none', { name: report.name })
          : t('placesFile.catalog', { name: report.name, count: report.count })}
      </p>
      {problems.length > 0 && (
        <div class="pp-message pp-message--error">
          <p>
            {report.fileError ? '' : `${t('placesFile.catalogBad', { count: badPlaces })} `}
            {t('placesFile.catalogGuides')}
          </p>
          <ul data-testid="places-catalog-errors">
            {problems.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
