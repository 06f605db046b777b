/**
 * The reading screen, the same in the widget (in the page) and in the extension (in our own ocr.html
 * frame): choose a document, follow the reading (cancellable), check and correct each value, choose where
 * it goes, then "Remplir". Nothing is filled before that press; uncertain values are never pre-selected.
 */
import { type ComponentChildren, createContext, type Ref } from 'preact';
import { useContext, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { createTranslator, type Lang, type Params } from '../../../utils/i18n';
import { uiMessages } from '../../../utils/i18n/ui';
import { documentTypeLabel, fieldLabel } from '../../../utils/ocr/extract/index';
import type { ExtractedField } from '../../../utils/ocr/extract/types';
import {
  type FillReport,
  type FillTarget,
  recheckValue,
  suggestTargets,
  valueForTarget,
} from '../../../utils/ocr/fill/index';
import { FrontTabError, frontTabMessage } from '../../../utils/ocr/front-tab/index';
import {
  type GrayImage,
  OcrCancelledError,
  OcrImageError,
  ocrQualityCatalogs,
  qualityMessages,
  type RgbaImage,
} from '../../../utils/ocr/index';
import { ocrMessages } from './messages';
import type { OcrBridge, PageTargets } from './protocol';
import {
  imagePixels,
  type Read,
  ReadInputError,
  readFile,
  readImage,
  releaseEngine,
  type Stage,
} from './reading';

const translate = createTranslator(uiMessages, ocrQualityCatalogs, ocrMessages);
type T = (key: string, params?: Params) => string;

type Row = {
  n: number;
  field: ExtractedField;
  label: string;
  value: string;
  valid: boolean;
  /** '' = do not fill. */
  targetKey: string;
};

type Phase =
  | { k: 'choose'; message?: string; error?: boolean }
  | { k: 'camera' }
  | { k: 'reading'; stage: Stage }
  | { k: 'result'; message?: string }
  | { k: 'done'; report: FillReport };

const LevelContext = createContext<2 | 3>(3);

/** A screen's title; focused when the screen appears. */
function Heading({ hRef, children }: { hRef: Ref<HTMLHeadingElement>; children: ComponentChildren }) {
  const Tag = useContext(LevelContext) === 2 ? 'h2' : 'h3';
  return (
    <Tag class="pp-ocr-title" tabIndex={-1} ref={hRef}>
      {children}
    </Tag>
  );
}

/** Focuses the heading of a screen when it appears, so keyboard and screen reader users follow. */
function useFocusOnShow(key: string) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  return ref;
}

/** `level`: the heading level of the screens (3 inside the panel's tab, 2 in ocr.html under its h1). */
export function Reader({
  bridge,
  lang,
  level = 3,
  camera = false,
}: {
  bridge: OcrBridge;
  lang: Lang;
  level?: 2 | 3;
  /** Start with the camera on (the extension's camera window). */
  camera?: boolean;
}) {
  const t: T = (key, params) => translate(lang, key, params);
  const [phase, setPhase] = useState<Phase>(camera ? { k: 'camera' } : { k: 'choose' });
  const [read, setRead] = useState<Read | null>(null);
  const [page, setPage] = useState<PageTargets>({ targets: [] });
  const [rows, setRows] = useState<Row[]>([]);
  const [keep, setKeep] = useState(false);
  const [forgotten, setForgotten] = useState(false);
  const running = useRef<AbortController | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(
    () => () => {
      running.current?.abort();
      releaseEngine();
    },
    [],
  );

  const forgetImage = () => {
    setRead((r) => (r ? { ...r, image: null } : r));
  };

  const start = async (load: (o: Parameters<typeof readFile>[1]) => Promise<Read>) => {
    running.current?.abort();
    const ctrl = new AbortController();
    running.current = ctrl;
    setRead(null);
    setPhase({ k: 'reading', stage: { stage: 'preparing', progress: 0 } });
    const onStage = (stage: Stage) => {
      if (running.current === ctrl) setPhase({ k: 'reading', stage });
    };
    // Let the progress screen paint before the (synchronous) preprocessing starts.
    await new Promise((r) => setTimeout(r, 30));
    try {
      const [result, targets] = await Promise.all([
        load({
          assetsBase: bridge.assetsBase,
          signal: ctrl.signal,
          onStage,
          preprocessWorker: bridge.preprocessWorker,
        }),
        bridge.targets().catch((): PageTargets => ({ targets: [] })),
      ]);
      if (running.current !== ctrl) return;
      running.current = null;
      const fields = result.reading.fields;
      const suggestions = suggestTargets(fields, targets.targets, targets.step);
      setRead(result);
      setPage(targets);
      setRows(
        fields.map((field, i) => ({
          n: i + 1,
          field,
          label: fieldLabel(lang, field),
          value: field.value,
          valid: field.valid,
          targetKey: suggestions[i]?.targetKey ?? '',
        })),
      );
      setPhase({ k: 'result' });
    } catch (error) {
      if (running.current !== ctrl) return;
      running.current = null;
      let message = t('ocr.failed');
      if (error instanceof OcrCancelledError || ctrl.signal.aborted) message = t('ocr.cancelled');
      else if (error instanceof ReadInputError)
        message = t(error.code === 'pdf-locked' ? 'ocr.pdfLocked' : 'ocr.badFile');
      else if (error instanceof OcrImageError)
        // The words for "too large" are shared with the command line (utils/ocr/preprocess/messages.ts).
        message = t(error.code === 'image-too-large' ? 'ocr.image.image-too-large' : 'ocr.badFile');
      setPhase({ k: 'choose', message, error: !(error instanceof OcrCancelledError) });
    }
  };

  const cancel = () => {
    running.current?.abort();
    running.current = null;
    setPhase({ k: 'choose', message: t('ocr.cancelled') });
  };

  const onFile = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void start((o) => readFile(file, o));
  };

  const onPaste = (e: ClipboardEvent) => {
    if (phase.k !== 'choose' && phase.k !== 'result' && phase.k !== 'done') return;
    const item = [...(e.clipboardData?.items ?? [])].find((i) => i.type.startsWith('image/'));
    const file = item?.getAsFile();
    if (!file) return;
    e.preventDefault();
    void start((o) => readFile(file, o));
  };

  const pasteButton = async () => {
    try {
      for (const item of await navigator.clipboard.read()) {
        const type = item.types.find((x) => x.startsWith('image/'));
        if (type) {
          const blob = await item.getType(type);
          void start((o) => readFile(blob, o));
          return;
        }
      }
    } catch {
      // Refused or not supported: same plain message.
    }
    setPhase({ k: 'choose', message: t('ocr.pasteEmpty'), error: true });
  };

  const captureTab = async () => {
    if (!bridge.captureTab) return;
    try {
      const url = await bridge.captureTab();
      const blob = await (await fetch(url)).blob();
      void start((o) => readFile(blob, o));
    } catch {
      setPhase({ k: 'choose', message: t('ocr.captureFailed'), error: true });
    }
  };

  const fill = async () => {
    // A message shown again must be announced again: the alert is emptied, then filled a moment later.
    setPhase({ k: 'result' });
    const say = (message: string) => setTimeout(() => setPhase({ k: 'result', message }), 50);
    const byKey = new Map(page.targets.map((x) => [x.key, x]));
    const items = rows
      .filter((r) => r.targetKey)
      .map((r) => ({
        targetKey: r.targetKey,
        value: valueForTarget({ kind: r.field.kind, value: r.value }, byKey.get(r.targetKey)),
      }));
    if (items.length === 0) {
      say(t('ocr.nothingChosen'));
      return;
    }
    let report: FillReport;
    try {
      report = await bridge.fill(items);
    } catch (error) {
      // The side panel's tab is no longer the one in front (or changed site): nothing was filled, and the
      // values stay here for when the person is back on the form.
      if (error instanceof FrontTabError) {
        say(frontTabMessage(lang, error.code));
        return;
      }
      report = { filled: [], failed: items.map((i) => ({ targetKey: i.targetKey, code: 'missing' })) };
    }
    // The image goes unless the person asked to keep it (in memory only, for this page).
    if (!keep) forgetImage();
    setPhase({ k: 'done', report });
  };

  const again = () => {
    setForgotten(false);
    if (!keep) setRead(null);
    setRows([]);
    setPhase({ k: 'choose' });
  };

  return (
    <LevelContext.Provider value={level}>
      <div class="pp-stack pp-ocr" data-testid="ocr-tab" onPaste={onPaste}>
        {phase.k === 'choose' && (
          <Choose
            t={t}
            phase={phase}
            fileRef={fileRef}
            onFile={onFile}
            onCamera={() => {
              if (bridge.openCamera)
                bridge
                  .openCamera()
                  .catch(() => setPhase({ k: 'choose', message: t('ocr.cameraUnavailable'), error: true }));
              else setPhase({ k: 'camera' });
            }}
            onPasteButton={bridge.pasteButton === false ? undefined : pasteButton}
            onCapture={bridge.captureTab ? captureTab : undefined}
          />
        )}
        {phase.k === 'camera' && (
          <Camera
            t={t}
            onShot={(pixels) => void start((o) => readImage(pixels, o))}
            onCancel={(message) => setPhase({ k: 'choose', message, error: !!message })}
          />
        )}
        {phase.k === 'reading' && <Reading t={t} stage={phase.stage} onCancel={cancel} />}
        {phase.k === 'result' && read && (
          <Result
            t={t}
            lang={lang}
            read={read}
            rows={rows}
            page={page}
            keep={keep}
            message={phase.message}
            onKeep={setKeep}
            onRow={(n, patch) => setRows((all) => all.map((r) => (r.n === n ? { ...r, ...patch } : r)))}
            onFill={fill}
            onAgain={again}
          />
        )}
        {phase.k === 'done' && (
          <Done
            t={t}
            report={phase.report}
            rows={rows}
            image={keep ? (read?.image ?? null) : null}
            forgotten={forgotten}
            onForget={() => {
              forgetImage();
              setKeep(false);
              setForgotten(true);
            }}
            onAgain={again}
            onClose={bridge.close}
          />
        )}
      </div>
    </LevelContext.Provider>
  );
}

function Choose(props: {
  t: T;
  phase: Extract<Phase, { k: 'choose' }>;
  fileRef: { current: HTMLInputElement | null };
  onFile: (e: Event) => void;
  onCamera: () => void;
  onPasteButton?: () => void;
  onCapture?: () => void;
}) {
  const { t, phase } = props;
  // Back from another screen (cancel, error): keyboard focus returns to the file picker.
  useEffect(() => {
    if (phase.message) props.fileRef.current?.focus();
  }, [phase.message]);
  const hasCamera = typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
  return (
    <>
      <p>{t('ocr.intro')}</p>
      {phase.message && (
        <p
          class={`pp-message${phase.error ? ' pp-message--error' : ''}`}
          role="alert"
          data-testid="ocr-message"
        >
          {phase.message}
        </p>
      )}
      <div class="pp-ocr-file">
        <label for="pp-ocr-file">{t('ocr.choose')}</label>
        <span id="pp-ocr-file-hint" class="pp-ocr-hint">
          {t('ocr.chooseHint')}
        </span>
        <input
          ref={props.fileRef}
          id="pp-ocr-file"
          type="file"
          accept="image/*,application/pdf,.pdf"
          aria-describedby="pp-ocr-file-hint"
          data-testid="ocr-file"
          onChange={props.onFile}
        />
      </div>
      <div class="pp-row">
        {hasCamera && (
          <button type="button" class="pp-button" data-action="ocr-camera" onClick={props.onCamera}>
            {t('ocr.camera')}
          </button>
        )}
        {props.onPasteButton && (
          <button type="button" class="pp-button" data-action="ocr-paste" onClick={props.onPasteButton}>
            {t('ocr.pasteButton')}
          </button>
        )}
        {props.onCapture && (
          <button type="button" class="pp-button" data-action="ocr-capture" onClick={props.onCapture}>
            {t('ocr.captureTab')}
          </button>
        )}
      </div>
      <p class="pp-ocr-hint">{t('ocr.paste')}</p>
    </>
  );
}

function Camera({
  t,
  onShot,
  onCancel,
}: {
  t: T;
  onShot: (p: RgbaImage) => void;
  onCancel: (m?: string) => void;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [ready, setReady] = useState(false);
  const heading = useFocusOnShow('camera');

  useEffect(() => {
    let alive = true;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: { ideal: 'environment' }, width: { ideal: 1920 } }, audio: false })
      .then(async (s) => {
        if (!alive) {
          for (const track of s.getTracks()) track.stop();
          return;
        }
        stream.current = s;
        const v = video.current;
        if (!v) return;
        v.srcObject = s;
        await v.play().catch(() => undefined);
        setReady(true);
      })
      .catch(() => alive && onCancel(t('ocr.cameraUnavailable')));
    return () => {
      alive = false;
      for (const track of stream.current?.getTracks() ?? []) track.stop();
    };
  }, []);

  const shoot = async () => {
    const v = video.current;
    if (!v?.videoWidth) return;
    const pixels = await imagePixels(v as unknown as Blob);
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    onShot(pixels);
  };

  return (
    <>
      <Heading hRef={heading}>{t('ocr.cameraTitle')}</Heading>
      <p id="pp-ocr-camera-help">{t('ocr.cameraHelp')}</p>
      <div class="pp-ocr-camera">
        <video ref={video} muted playsInline aria-describedby="pp-ocr-camera-help" />
        <div class="pp-ocr-frame-guide" aria-hidden="true" />
      </div>
      <div class="pp-row">
        <button
          type="button"
          class="pp-button pp-button--primary"
          data-action="ocr-shoot"
          disabled={!ready}
          onClick={shoot}
        >
          {t('ocr.cameraShoot')}
        </button>
        <button type="button" class="pp-button" onClick={() => onCancel()}>
          {t('ocr.cancel')}
        </button>
      </div>
    </>
  );
}

function Reading({ t, stage, onCancel }: { t: T; stage: Stage; onCancel: () => void }) {
  const heading = useFocusOnShow('reading');
  const percent = Math.round(stage.progress * 100);
  const text = t(`ocr.stage.${stage.stage}`, { percent });
  return (
    <>
      <Heading hRef={heading}>{t('ocr.readingTitle')}</Heading>
      <p id="pp-ocr-progress-label" data-testid="ocr-progress">
        {text}
      </p>
      <progress
        class="pp-ocr-progress"
        aria-labelledby="pp-ocr-progress-label"
        max={100}
        value={stage.stage === 'loading' || stage.stage === 'recognizing' ? percent : undefined}
      />
      {/* Stage changes only, not every percent, for screen readers. */}
      <p class="pp-sr-only" role="status">
        {t(`ocr.stage.${stage.stage}`, { percent: '' }).replace(/\s*%$/, '')}
      </p>
      <div class="pp-row">
        <button type="button" class="pp-button" data-action="ocr-cancel" onClick={onCancel}>
          {t('ocr.cancel')}
        </button>
      </div>
    </>
  );
}

/** The preprocessed image with each value's box drawn and numbered like the list below. */
function DocImage({ t, image, rows }: { t: T; image: GrayImage; rows: Row[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    c.width = image.width;
    c.height = image.height;
    const rgba = new ImageData(image.width, image.height);
    for (let i = 0, j = 0; i < image.data.length; i++, j += 4) {
      const v = image.data[i] ?? 0;
      rgba.data[j] = v;
      rgba.data[j + 1] = v;
      rgba.data[j + 2] = v;
      rgba.data[j + 3] = 255;
    }
    ctx.putImageData(rgba, 0, 0);
    const line = Math.max(3, Math.round(image.width / 300));
    ctx.font = `bold ${line * 8}px sans-serif`;
    for (const r of rows) {
      const b = r.field.box;
      if (!b) continue;
      const color = r.valid ? '#18753c' : '#b34000';
      ctx.strokeStyle = color;
      ctx.lineWidth = line;
      ctx.strokeRect(b.x0 - line * 2, b.y0 - line * 2, b.x1 - b.x0 + line * 4, b.y1 - b.y0 + line * 4);
      const label = String(r.n);
      const w = ctx.measureText(label).width + line * 3;
      ctx.fillStyle = color;
      ctx.fillRect(b.x0 - line * 2 - w, b.y0 - line * 2, w, line * 10);
      ctx.fillStyle = '#fff';
      ctx.fillText(label, b.x0 - line * 2 - w + line * 1.5, b.y0 + line * 6);
    }
    return () => {
      // Released when the image is discarded: no pixels left in the canvas.
      c.width = 0;
      c.height = 0;
    };
  }, [image, rows]);
  return (
    <canvas
      ref={canvas}
      class="pp-ocr-image"
      role="img"
      aria-label={t('ocr.imageAlt')}
      data-testid="ocr-image"
    />
  );
}

function Result(props: {
  t: T;
  lang: Lang;
  read: Read;
  rows: Row[];
  page: PageTargets;
  keep: boolean;
  message?: string;
  onKeep: (v: boolean) => void;
  onRow: (n: number, patch: Partial<Row>) => void;
  onFill: () => void;
  onAgain: () => void;
}) {
  const { t, lang, read, rows, page } = props;
  const heading = useFocusOnShow('result');
  const { reading } = read;
  const quality = reading.quality ? qualityMessages(lang, reading.quality) : [];
  const chosen = rows.filter((r) => r.targetKey).length;
  return (
    <>
      <Heading hRef={heading}>{t('ocr.resultTitle')}</Heading>
      <p data-testid="ocr-doctype">
        {t('ocr.docType', { type: documentTypeLabel(lang, reading.documentType.labelKey) })}
      </p>
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
      {read.image && <DocImage t={t} image={read.image} rows={rows} />}
      {rows.length === 0 ? (
        <p class="pp-message" data-testid="ocr-none">
          {t('ocr.none')}
        </p>
      ) : (
        <>
          <p>{t('ocr.fieldsIntro')}</p>
          {page.targets.length === 0 && <p class="pp-message">{t('ocr.noTargets')}</p>}
          <ol class="pp-ocr-fields">
            {rows.map((r) => (
              <FieldRow key={r.n} t={t} row={r} page={page} onRow={props.onRow} />
            ))}
          </ol>
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
          {props.message && (
            <p class="pp-message pp-message--error" role="alert" data-testid="ocr-result-message">
              {props.message}
            </p>
          )}
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
  row,
  page,
  onRow,
}: {
  t: T;
  row: Row;
  page: PageTargets;
  onRow: (n: number, patch: Partial<Row>) => void;
}) {
  const id = `pp-ocr-value-${row.n}`;
  const stepKey = page.step?.targetKey;
  return (
    <li class="pp-ocr-field" data-kind={row.field.kind} data-valid={String(row.valid)}>
      <label for={id}>
        <span class="pp-ocr-num" aria-hidden="true">
          {row.n}
        </span>{' '}
        {row.label}
      </label>
      <input
        id={id}
        type="text"
        class="pp-ocr-input"
        value={row.value}
        spellcheck={false}
        autocomplete="off"
        aria-describedby={`${id}-state`}
        aria-invalid={row.valid ? undefined : 'true'}
        onInput={(e) => {
          const value = (e.currentTarget as HTMLInputElement).value;
          onRow(row.n, { value, valid: recheckValue(row.field, value) });
        }}
      />
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
            onChange={(e) => onRow(row.n, { targetKey: (e.currentTarget as HTMLSelectElement).value })}
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

function Done(props: {
  t: T;
  report: FillReport;
  rows: Row[];
  image: GrayImage | null;
  forgotten: boolean;
  onForget: () => void;
  onAgain: () => void;
  onClose?: () => void;
}) {
  const { t, report } = props;
  const heading = useFocusOnShow('done');
  const failedLabels = report.failed
    .map((f) => props.rows.find((r) => r.targetKey === f.targetKey)?.label ?? f.targetKey)
    .join(', ');
  return (
    <>
      <Heading hRef={heading}>{t('ocr.resultTitle')}</Heading>
      <p class="pp-message" role="status" data-testid="ocr-filled">
        {t('ocr.filled', { count: report.filled.length })}
      </p>
      {report.failed.length > 0 && (
        <p class="pp-message pp-message--error" role="alert">
          {t('ocr.fillFailed', { labels: failedLabels })}
        </p>
      )}
      {props.forgotten && (
        <p class="pp-message" role="status" data-testid="ocr-forgotten">
          {t('ocr.forgotten')}
        </p>
      )}
      {props.image && (
        <>
          <DocImage t={t} image={props.image} rows={props.rows} />
          <button type="button" class="pp-button" data-action="ocr-forget" onClick={props.onForget}>
            {t('ocr.forget')}
          </button>
        </>
      )}
      <div class="pp-row">
        <button type="button" class="pp-button" data-action="ocr-again" onClick={props.onAgain}>
          {t('ocr.another')}
        </button>
        {props.onClose && (
          <button type="button" class="pp-button" data-action="ocr-close" onClick={props.onClose}>
            {t('ocr.closeWindow')}
          </button>
        )}
      </div>
    </>
  );
}
