/**
 * The values read: each one checked and corrected, where it goes, keep the image or not, then « Remplir ».
 * Uncertain values come without a target (the flow never suggests one for them).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../../../utils/i18n';
import { documentTypeLabel, fieldLabel } from '../../../../utils/ocr/extract/index';
import type { FillTarget } from '../../../../utils/ocr/fill/index';
import { frontTabMessage } from '../../../../utils/ocr/front-tab/index';
import { qualityMessages } from '../../../../utils/ocr/index';
import type { PageTargets, Read, ResultNotice, Row } from '../../../../utils/ocr/reading-flow';
import { splitRows } from '../../../../utils/ocr/result-groups';
import type { InfosAccess } from '../protocol';
import { CodeNotice, codeVerified, MrzNotice, SourceMark } from './Code';
import { DocImage } from './DocImage';
import { Heading, type T, useFocusOnShow } from './parts';
import { SaveToInfos } from './SaveToInfos';

/**
 * A refusal shown again after another press must be a new alert, so screen readers say it again: each new
 * notice empties the alert, then fills it a moment later.
 */
function useFreshAlert(notice: ResultNotice | undefined, text: string | undefined): string | undefined {
  const [shown, setShown] = useState<string | undefined>(undefined);
  useEffect(() => {
    setShown(undefined);
    if (!text) return;
    const timer = setTimeout(() => setShown(text), 50);
    return () => clearTimeout(timer);
  }, [notice]);
  return shown;
}

export function Result(props: {
  t: T;
  lang: Lang;
  read: Read;
  rows: Row[];
  page: PageTargets;
  keep: boolean;
  notice?: ResultNotice;
  onKeep: (v: boolean) => void;
  onEdit: (n: number, value: string) => void;
  onTarget: (n: number, targetKey: string) => void;
  onFill: () => void;
  onAgain: () => void;
  /** « Enregistrer dans Mes informations », where the screen has a way to the file. */
  infos?: InfosAccess;
}) {
  const { t, lang, read, rows, page, notice } = props;
  const heading = useFocusOnShow('result');
  const message = useFreshAlert(
    notice,
    notice && (notice.kind === 'front-tab' ? frontTabMessage(lang, notice.code) : t('ocr.nothingChosen')),
  );
  const { reading } = read;
  const quality = reading.quality ? qualityMessages(lang, reading.quality) : [];
  const chosen = rows.filter((r) => r.targetKey).length;
  // The values this page has a field for; the others folded (utils/ocr/result-groups.ts).
  const { shown, folded } = splitRows(rows);
  const [othersOpen, setOthersOpen] = useState(false);
  const fieldRow = (r: Row) => (
    <FieldRow
      key={r.n}
      t={t}
      lang={lang}
      row={r}
      fromCode={codeVerified(read.code)}
      page={page}
      onEdit={props.onEdit}
      onTarget={props.onTarget}
    />
  );
  return (
    <>
      <Heading hRef={heading}>{t('ocr.resultTitle')}</Heading>
      <p class="pp-ocr-doctype" data-testid="ocr-doctype">
        {t('ocr.docType', { type: documentTypeLabel(lang, reading.documentType.labelKey) })}
      </p>
      {read.code && <CodeNotice lang={lang} code={read.code} />}
      {read.mrz && <MrzNotice lang={lang} mrz={read.mrz} />}
      {quality.map((q) => (
        <p key={q} class="pp-message pp-message--error" data-testid="ocr-quality">
          {q}
        </p>
      ))}
      {reading.source === 'text-layer' && (
        <p class="pp-ocr-hint" data-testid="ocr-text-layer">
          {t('ocr.textLayer')}
        </p>
      )}
      {rows.length === 0 ? (
        <>
          <p class="pp-message" data-testid="ocr-none">
            {t('ocr.none')}
          </p>
          {read.image && <DocImage t={t} image={read.image} rows={rows} />}
        </>
      ) : (
        <>
          <p>{t('ocr.fieldsIntro')}</p>
          {page.targets.length === 0 && <p class="pp-message">{t('ocr.noTargets')}</p>}
          <ol class="pp-ocr-fields">{shown.map(fieldRow)}</ol>
          {folded.length > 0 && (
            <details
              class="pp-ocr-others"
              data-testid="ocr-others"
              onToggle={(e) => setOthersOpen((e.currentTarget as HTMLDetailsElement).open)}
            >
              <summary>{t('ocr.others', { count: folded.length })}</summary>
              <p class="pp-ocr-hint">{t('ocr.othersHelp')}</p>
              <ol class="pp-ocr-fields" start={shown.length + 1}>
                {folded.map(fieldRow)}
              </ol>
            </details>
          )}
          {/* After the values: on a phone the picture filled the first screen. */}
          {read.image && <DocImage t={t} image={read.image} rows={othersOpen ? rows : shown} />}
          <label class="pp-choice">
            <input
              type="checkbox"
              checked={props.keep}
              aria-describedby="pp-ocr-keep-help"
              data-testid="ocr-keep"
              onChange={(e) => props.onKeep((e.currentTarget as HTMLInputElement).checked)}
            />
            <span>{t('ocr.keep')}</span>
          </label>
          <p id="pp-ocr-keep-help" class="pp-ocr-hint">
            {t('ocr.keepHelp')}
          </p>
          {message && (
            <p class="pp-message pp-message--error" role="alert" data-testid="ocr-result-message">
              {message}
            </p>
          )}
          {props.infos && <SaveToInfos t={t} lang={lang} read={read} rows={rows} infos={props.infos} />}
        </>
      )}
      <div class="pp-row">
        {rows.length > 0 && page.targets.length > 0 && (
          <button
            type="button"
            class="pp-button pp-button--primary"
            data-action="ocr-fill"
            onClick={props.onFill}
          >
            {chosen > 0 ? t('ocr.fillCount', { count: chosen }) : t('ocr.fill')}
          </button>
        )}
        <button type="button" class="pp-button" data-action="ocr-again" onClick={props.onAgain}>
          {quality.length ? t('ocr.restart') : t('ocr.another')}
        </button>
      </div>
    </>
  );
}

function FieldRow({
  t,
  lang,
  row,
  fromCode,
  page,
  onEdit,
  onTarget,
}: {
  t: T;
  lang: Lang;
  row: Row;
  /** The code's signature was verified: its values are « lu dans le code signé ». */
  fromCode: boolean;
  page: PageTargets;
  onEdit: (n: number, value: string) => void;
  onTarget: (n: number, targetKey: string) => void;
}) {
  const id = `pp-ocr-value-${row.n}`;
  const stepKey = page.step?.targetKey;
  // Marked as from the code while it is the code's value; a corrected value is the person's own.
  const source = row.field.source === '2ddoc' || row.field.source === 'mrz' ? row.field.source : null;
  const marked = source !== null && row.value === row.field.value;
  return (
    <li class="pp-ocr-field" data-kind={row.field.kind} data-valid={String(row.valid)}>
      <label for={id}>
        <span class="pp-ocr-num" aria-hidden="true">
          {row.n}
        </span>{' '}
        {fieldLabel(lang, row.field)}
      </label>
      <input
        id={id}
        type="text"
        class="pp-ocr-input"
        value={row.value}
        spellcheck={false}
        autocomplete="off"
        aria-describedby={marked ? `${id}-source ${id}-state` : `${id}-state`}
        aria-invalid={row.valid ? undefined : 'true'}
        onInput={(e) => onEdit(row.n, (e.currentTarget as HTMLInputElement).value)}
      />
      {marked && source && <SourceMark lang={lang} id={`${id}-source`} source={source} verified={fromCode} />}
      <p id={`${id}-state`} class={row.valid ? 'pp-ocr-ok' : 'pp-ocr-check'} data-testid="ocr-state">
        {row.valid ? t('ocr.valid') : `${t('ocr.uncertain')} : ${t('ocr.uncertainHelp')}`}
      </p>
      {page.targets.length > 0 && (
        <>
          <label for={`${id}-target`}>{t('ocr.target')}</label>
          <select
            id={`${id}-target`}
            value={row.targetKey}
            data-testid="ocr-target"
            onChange={(e) => onTarget(row.n, (e.currentTarget as HTMLSelectElement).value)}
          >
            <option value="">{t('ocr.targetNone')}</option>
            {page.targets.map((target: FillTarget) => (
              <option key={target.key} value={target.key}>
                {target.key === stepKey
                  ? t('ocr.stepTarget', { label: target.label || target.name || target.key })
                  : target.label || target.name || target.key}
              </option>
            ))}
          </select>
        </>
      )}
    </li>
  );
}
