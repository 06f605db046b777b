import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  browserCatalogFetch,
  type CatalogInfo,
  createGuideLibrary,
  type GuideLibrary,
  type InstalledGuide,
  type NamedKey,
} from '../../../utils/guides/library';
import { libraryMessage } from '../../../utils/guides/library-messages';
import { guideMessage } from '../../../utils/guides/messages';
import { localize, publisherName } from '../../../utils/guides/schema';
import { GuideLibraryError } from '../../../utils/guides/sources';
import { createTranslator, dateParams, type Lang, type Params } from '../../../utils/i18n';
import { uiMessages } from '../../../utils/i18n/ui';
import { openDatabase } from '../../../utils/storage/db';
import { useServices } from '../../app/services';
import { useAdoptedSheet } from '../../app/use-adopted-sheet';
import { GuideHealthList } from './GuideHealthList';
import { guidesMessages } from './messages';
import optionsCss from './options.css?inline';
import { guidesOptionsMessages } from './options-messages';

const translate = createTranslator(uiMessages, guidesMessages, guidesOptionsMessages);
type T = (key: string, params?: Params) => string;

type Feedback = { kind: 'ok' | 'error'; lines: string[] } | null;

let shared: GuideLibrary | undefined;
/** The options page is an extension page: the extension's own IndexedDB, directly. */
function library(): GuideLibrary {
  shared ??= createGuideLibrary(openDatabase(), {
    fetch: browserCatalogFetch((url, init) => fetch(url, init)),
  });
  return shared;
}

function errorLines(error: unknown, lang: Lang, t: T): string[] {
  if (error instanceof GuideLibraryError) return libraryMessage(lang, error);
  return [t('gopt.file.failed', { name: '' })];
}

function FeedbackBox({ feedback, testId }: { feedback: Feedback; testId: string }) {
  // Both regions stay in the page so screen readers hear what is put into them.
  return (
    <>
      <div
        role="status"
        data-testid={`${testId}-ok`}
        class={feedback?.kind === 'ok' ? 'pp-message' : undefined}
      >
        {feedback?.kind === 'ok' && feedback.lines.map((line, i) => <p key={i}>{line}</p>)}
      </div>
      <div
        role="alert"
        data-testid={`${testId}-error`}
        class={feedback?.kind === 'error' ? 'pp-message pp-message--error' : undefined}
      >
        {feedback?.kind === 'error' && (
          <ul class="pp-gopt-lines">
            {feedback.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}

function stateKey(guide: InstalledGuide): string {
  if (guide.trust === 'verified') return 'gopt.state.verified';
  if (guide.trust === 'refused')
    return guide.refusedWhy === 'whole-web' ? 'gopt.state.wholeWebHelp' : 'gopt.state.refusedHelp';
  return guide.verification === 'untrusted-key' ? 'gopt.state.untrusted' : 'gopt.state.unverified';
}

/**
 * The "Guides" section of the options page: files, trusted keys, then catalogs. Keys come before
 * catalogs: a catalog added before its key lists its guides as merely "non vérifié".
 */
export function GuidesOptions() {
  const { lang } = useServices();
  const t: T = (key, params) => translate(lang.value, key, params);
  const lib = useMemo(library, []);
  const [guides, setGuides] = useState<InstalledGuide[]>([]);
  const [unreadable, setUnreadable] = useState<string[]>([]);
  const [catalogs, setCatalogs] = useState<CatalogInfo[]>([]);
  const [keys, setKeys] = useState<NamedKey[]>([]);
  const [busy, setBusy] = useState(false);
  const [fileFeedback, setFileFeedback] = useState<Feedback>(null);
  const [listFeedback, setListFeedback] = useState<Feedback>(null);
  const [catalogFeedback, setCatalogFeedback] = useState<Feedback>(null);
  const [keyFeedback, setKeyFeedback] = useState<Feedback>(null);
  const [over, setOver] = useState(false);
  // The health list waits for the installed guides: their titles name its lines.
  const [listed, setListed] = useState(false);
  const [catalogUrl, setCatalogUrl] = useState('');
  const [keyText, setKeyText] = useState('');
  const [keyLabel, setKeyLabel] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const rootRef = useAdoptedSheet<HTMLElement>(optionsCss);

  const reload = async () => {
    try {
      const listed = await lib.list();
      setGuides(listed.guides);
      setUnreadable(listed.unreadable.map((r) => r.id));
      setCatalogs(await lib.catalogs());
      setKeys(await lib.trustedKeys());
    } catch (error) {
      setListFeedback({ kind: 'error', lines: errorLines(error, lang.value, t) });
    }
    setListed(true);
  };
  useEffect(() => {
    reload();
  }, []);

  // One change at a time; buttons stay enabled so keyboard focus is never lost.
  const running = useRef(false);
  const run = async (work: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await work();
    } finally {
      running.current = false;
      setBusy(false);
      await reload();
    }
  };

  const stateText = (state: string) => t(`gopt.state.${state}`);

  const installFiles = (files: FileList | File[] | null | undefined) =>
    run(async () => {
      const list = Array.from(files ?? []);
      if (list.length === 0) return;
      const ok: string[] = [];
      const bad: string[] = [];
      for (const file of list) {
        let text: string;
        try {
          text = await file.text();
        } catch {
          bad.push(t('gopt.file.failed', { name: file.name }));
          continue;
        }
        try {
          const result = await lib.installFile(text);
          const title = localize(result.guide.title, lang.value);
          const state = stateText(result.verification === 'verified' ? 'verified' : 'unverified');
          ok.push(
            result.replaced
              ? t('gopt.file.updated', { title, version: result.guide.version, old: result.replaced, state })
              : t('gopt.file.installed', { title, version: result.guide.version, state }),
          );
        } catch (error) {
          bad.push(t('gopt.file.failed', { name: file.name }), ...errorLines(error, lang.value, t));
        }
      }
      setFileFeedback(bad.length ? { kind: 'error', lines: [...bad, ...ok] } : { kind: 'ok', lines: ok });
    });

  const catalogOutcome = (
    outcome: Awaited<ReturnType<GuideLibrary['refreshCatalog']>>,
    adding: boolean,
  ): Feedback => {
    const count = outcome.installed.length;
    const head =
      outcome.source === 'cache'
        ? t('gopt.catalog.offline', { name: outcome.name })
        : adding
          ? t('gopt.catalog.added', { name: outcome.name, count })
          : outcome.source === 'not-modified'
            ? t('gopt.catalog.unchanged', { name: outcome.name })
            : t('gopt.catalog.refreshed', { name: outcome.name, count });
    const problems = outcome.problems
      .filter((p) => p.code !== 'catalog-offline-cached')
      .map((p) => guideMessage(lang.value, p.code, p.params));
    return { kind: problems.length ? 'error' : 'ok', lines: [head, ...problems] };
  };

  const addCatalog = (e: Event) => {
    e.preventDefault();
    run(async () => {
      try {
        const outcome = await lib.addCatalog(catalogUrl);
        setCatalogUrl('');
        setCatalogFeedback(catalogOutcome(outcome, true));
      } catch (error) {
        setCatalogFeedback({ kind: 'error', lines: errorLines(error, lang.value, t) });
      }
    });
  };

  const refreshCatalog = (url: string) =>
    run(async () => {
      try {
        setCatalogFeedback(catalogOutcome(await lib.refreshCatalog(url), false));
      } catch (error) {
        setCatalogFeedback({ kind: 'error', lines: errorLines(error, lang.value, t) });
      }
    });

  const addKey = (e: Event) => {
    e.preventDefault();
    run(async () => {
      try {
        const key = await lib.addTrustedKey(keyText, keyLabel);
        setKeyText('');
        setKeyLabel('');
        setKeyFeedback({ kind: 'ok', lines: [t('gopt.keys.added', { id: key.keyId })] });
      } catch (error) {
        setKeyFeedback({ kind: 'error', lines: errorLines(error, lang.value, t) });
      }
    });
  };

  const catalogName = (url: string) => catalogs.find((c) => c.url === url)?.name ?? url;

  return (
    <section
      ref={rootRef}
      aria-labelledby="opt-guides"
      class="pp-stack pp-gopt"
      data-testid="options-guides"
      aria-busy={busy}
    >
      <h2 id="opt-guides">{t('gopt.title')}</h2>
      <p>{t('gopt.intro')}</p>

      <h3 id="gopt-file-title">{t('gopt.file.title')}</h3>
      {/* The whole box takes a dropped file; the button inside it is the keyboard's way in. */}
      <fieldset
        class={`pp-gopt-drop${over ? ' is-over' : ''}`}
        data-testid="guide-dropzone"
        onDragEnter={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          installFiles(e.dataTransfer?.files);
        }}
      >
        <legend>{t('gopt.file.drop')}</legend>
        <p>{t('gopt.file.or')}</p>
        <button
          type="button"
          class="pp-button pp-button--primary"
          onClick={() => fileInput.current?.click()}
          data-action="choose-guide-file"
        >
          {t('gopt.file.choose')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          multiple
          hidden
          data-testid="guide-file"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const files = Array.from(input.files ?? []);
            input.value = '';
            installFiles(files);
          }}
        />
      </fieldset>
      <FeedbackBox feedback={fileFeedback} testId="guide-file-feedback" />

      <h3>{t('gopt.installed.title')}</h3>
      <FeedbackBox feedback={listFeedback} testId="installed-feedback" />
      {unreadable.map((id) => (
        <p key={id} class="pp-message pp-message--error">
          {t('gopt.installed.unreadable', { id })}
        </p>
      ))}
      {guides.length === 0 ? (
        <p data-testid="installed-none">{t('gopt.installed.none')}</p>
      ) : (
        <ul class="pp-gopt-list" data-testid="installed-guides">
          {guides.map((g) => {
            const title = localize(g.guide.title, lang.value);
            return (
              <li key={g.id} data-guide-id={g.id} data-trust={g.trust}>
                <p class="pp-guide-name">{title}</p>
                <p>
                  {t('gopt.installed.version', { version: g.version })} ·{' '}
                  {t('gopt.installed.publisher', { name: publisherName(g.guide, lang.value) })}
                </p>
                <p>
                  {g.source === 'file'
                    ? t('gopt.installed.fromFile')
                    : t('gopt.installed.fromCatalog', { url: catalogName(g.source) })}
                </p>
                <p class={`pp-gopt-state is-${g.trust}`} data-testid="guide-state">
                  <span aria-hidden="true">
                    {g.trust === 'verified' ? '✓ ' : g.trust === 'refused' ? '✗ ' : '! '}
                  </span>
                  {t('gopt.state.label', { state: t(stateKey(g)) })}
                </p>
                <button
                  type="button"
                  class="pp-button"
                  aria-label={t('gopt.installed.removeLabel', { title })}
                  onClick={() =>
                    run(async () => {
                      try {
                        await lib.remove(g.id);
                        setListFeedback({ kind: 'ok', lines: [t('gopt.installed.removed', { title })] });
                      } catch (error) {
                        setListFeedback({ kind: 'error', lines: errorLines(error, lang.value, t) });
                      }
                    })
                  }
                >
                  {t('gopt.installed.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}

      <h3>{t('gopt.keys.title')}</h3>
      <p>{t('gopt.keys.help')}</p>
      <form class="pp-stack" onSubmit={addKey} data-testid="key-form">
        <label for="gopt-key-label">{t('gopt.keys.label')}</label>
        <input
          id="gopt-key-label"
          type="text"
          value={keyLabel}
          onInput={(e) => setKeyLabel((e.currentTarget as HTMLInputElement).value)}
        />
        <label for="gopt-key">{t('gopt.keys.key')}</label>
        <textarea
          id="gopt-key"
          rows={3}
          required
          spellcheck={false}
          value={keyText}
          onInput={(e) => setKeyText((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <div class="pp-row">
          <button type="submit" class="pp-button pp-button--primary">
            {t('gopt.keys.add')}
          </button>
        </div>
      </form>
      <FeedbackBox feedback={keyFeedback} testId="key-feedback" />
      {keys.length === 0 ? (
        <p>{t('gopt.keys.none')}</p>
      ) : (
        <ul class="pp-gopt-list" data-testid="trusted-keys">
          {keys.map((k) => (
            <li key={k.keyId}>
              {k.label && <p class="pp-guide-name">{k.label}</p>}
              <p>{t('gopt.keys.id', { id: k.keyId })}</p>
              <p class="pp-gopt-url">{k.publicKey}</p>
              <button
                type="button"
                class="pp-button"
                aria-label={t('gopt.keys.removeLabel', { id: k.label || k.keyId })}
                onClick={() =>
                  run(async () => {
                    try {
                      await lib.removeTrustedKey(k.keyId);
                      setKeyFeedback({ kind: 'ok', lines: [t('gopt.keys.removed', { id: k.keyId })] });
                    } catch (error) {
                      setKeyFeedback({ kind: 'error', lines: errorLines(error, lang.value, t) });
                    }
                  })
                }
              >
                {t('gopt.keys.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <h3>{t('gopt.catalog.title')}</h3>
      <p>{t('gopt.catalog.help')}</p>
      <form class="pp-stack" onSubmit={addCatalog} data-testid="catalog-form">
        <label for="gopt-catalog-url">{t('gopt.catalog.url')}</label>
        <p id="gopt-catalog-hint" class="pp-hint">
          {t('gopt.catalog.hint')}
        </p>
        <input
          id="gopt-catalog-url"
          type="url"
          inputMode="url"
          autoComplete="url"
          spellcheck={false}
          required
          aria-describedby="gopt-catalog-hint"
          value={catalogUrl}
          onInput={(e) => setCatalogUrl((e.currentTarget as HTMLInputElement).value)}
        />
        <div class="pp-row">
          <button type="submit" class="pp-button pp-button--primary">
            {t('gopt.catalog.add')}
          </button>
        </div>
      </form>
      <FeedbackBox feedback={catalogFeedback} testId="catalog-feedback" />
      {catalogs.length === 0 ? (
        <p>{t('gopt.catalog.none')}</p>
      ) : (
        <ul class="pp-gopt-list" data-testid="catalogs">
          {catalogs.map((c) => (
            <li key={c.url} data-catalog-url={c.url}>
              <p class="pp-guide-name">{c.name}</p>
              <p class="pp-gopt-url">{c.url}</p>
              <p>
                {t('gopt.catalog.guides', { count: c.guideIds.length })} ·{' '}
                {t('gopt.catalog.fetchedAt', dateParams(lang.value, c.fetchedAt))}
              </p>
              <div class="pp-row">
                <button
                  type="button"
                  class="pp-button"
                  aria-label={t('gopt.catalog.refreshLabel', { name: c.name })}
                  onClick={() => refreshCatalog(c.url)}
                  data-action="refresh-catalog"
                >
                  {t('gopt.catalog.refresh')}
                </button>
                <button
                  type="button"
                  class="pp-button"
                  aria-label={t('gopt.catalog.removeLabel', { name: c.name })}
                  onClick={() =>
                    run(async () => {
                      try {
                        await lib.removeCatalog(c.url);
                        setCatalogFeedback({
                          kind: 'ok',
                          lines: [t('gopt.catalog.removed', { name: c.name })],
                        });
                      } catch (error) {
                        setCatalogFeedback({ kind: 'error', lines: errorLines(error, lang.value, t) });
                      }
                    })
                  }
                >
                  {t('gopt.catalog.remove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {listed && (
        <GuideHealthList
          titles={Object.fromEntries(guides.map((g) => [g.id, localize(g.guide.title, lang.value)]))}
          t={t}
          lang={lang.value}
        />
      )}
    </section>
  );
}
