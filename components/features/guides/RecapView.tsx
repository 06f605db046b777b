/**
 * « Mon récapitulatif »: the page the person takes home, built by utils/recap/recap.ts from the
 * guide and the run's state. Numbers typed on this page are offered one by one, unticked: a paper
 * travels, so nothing sensitive is printed unless the person chose it.
 */
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type Guide, localize } from '../../../utils/guides/schema';
import type { Lang, Params } from '../../../utils/i18n';
import { buildRecap, type KnownNumber, sensitiveNumbers } from '../../../utils/recap/recap';
import { printSheet, removePrintFrame } from './recap-print';

type T = (key: string, params?: Params) => string;

export function RecapView({
  guide,
  lang,
  done,
  finished,
  numbers,
  t,
  onClose,
}: {
  guide: Guide;
  lang: Lang;
  done: ReadonlySet<string>;
  finished: boolean;
  numbers: readonly KnownNumber[];
  t: T;
  onClose: () => void;
}) {
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set());
  const [sent, setSent] = useState<ReadonlySet<string>>(new Set());
  const sheet = useRef<HTMLDivElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    title.current?.focus();
    const root = sheet.current?.getRootNode() as Document | ShadowRoot | undefined;
    return () => root && removePrintFrame(root);
  }, []);

  const recap = buildRecap({ guide, lang, date: new Date(), done, finished, sent, numbers, shown });
  const offered = sensitiveNumbers(guide, numbers);
  const stepTitle = (id: string) => {
    const step = guide.steps.find((s) => s.id === id);
    return step ? localize(step.title, lang) : id;
  };
  const toggle = (set: ReadonlySet<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };

  return (
    <section class="pp-stack pp-recap" aria-labelledby="pp-recap-title" data-testid="recap">
      <h4 id="pp-recap-title" tabIndex={-1} ref={title as Ref<HTMLHeadingElement>}>
        {t('recap.title')}
      </h4>
      <p>{t('recap.intro')}</p>
      <div class="pp-recap-sheet" ref={sheet} data-testid="recap-sheet">
        <h5 class="pp-recap-name">{recap.title}</h5>
        <p>{t('recap.dateBy', { date: recap.date, publisher: recap.publisher })}</p>
        {recap.finished && <p data-testid="recap-finished">{t('recap.finished')}</p>}
        <h5>{t('recap.done')}</h5>
        {recap.done.length ? (
          <ul data-testid="recap-done">
            {recap.done.map((line) => (
              <li key={line.id} data-id={line.id}>
                {line.title}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('recap.noneDone')}</p>
        )}
        {recap.left.length > 0 && (
          <>
            <h5>{t('recap.left')}</h5>
            <ul data-testid="recap-left">
              {recap.left.map((line) => (
                <li key={line.id} data-id={line.id}>
                  {line.title}
                </li>
              ))}
            </ul>
          </>
        )}
        {recap.documents.length > 0 && (
          <>
            <h5>{t('recap.documents')}</h5>
            <ul data-testid="recap-documents">
              {recap.documents.map((d) => (
                <li key={d.id} data-id={d.id}>
                  <strong>{d.title}</strong> — {d.where}
                </li>
              ))}
            </ul>
          </>
        )}
        {recap.next.length > 0 && (
          <>
            <h5>{t('recap.next')}</h5>
            <ul data-testid="recap-next">
              {recap.next.map((n) => (
                <li key={n.id} data-id={n.id}>
                  <strong>{n.title}</strong>
                  {n.delay && <span> ({t('recap.delay', { delay: n.delay })})</span>}
                  <p>{n.body}</p>
                </li>
              ))}
            </ul>
          </>
        )}
        {recap.deadlines.length > 0 && (
          <>
            <h5>{t('recap.deadlines')}</h5>
            <ul data-testid="recap-deadlines">
              {recap.deadlines.map((d) => (
                <li key={d.id}>
                  {d.title} : {d.deadline}
                </li>
              ))}
            </ul>
          </>
        )}
        {recap.helplines.length > 0 && (
          <>
            <h5>{t('recap.help')}</h5>
            <ul data-testid="recap-help">
              {recap.helplines.map((h) => (
                <li key={h.id} data-id={h.id}>
                  <strong>{h.title}</strong>
                  {h.phone && (
                    <p>
                      {t('recap.phone')}
                      <a href={`tel:${h.phone.replace(/[^\d+]/g, '')}`} dir="ltr">
                        {h.phone}
                      </a>
                    </p>
                  )}
                  {h.hours && <p>{h.hours}</p>}
                  {h.cost && <p>{h.cost}</p>}
                </li>
              ))}
            </ul>
          </>
        )}
        {(recap.numbers.length > 0 || recap.numbersLeftOut > 0) && (
          <>
            <h5>{t('recap.numbers')}</h5>
            {recap.numbers.length > 0 && (
              <ul data-testid="recap-numbers">
                {recap.numbers.map((n) => (
                  <li key={n.id} data-id={n.id}>
                    {n.title} : <span dir="ltr">{n.value}</span>
                  </li>
                ))}
              </ul>
            )}
            {recap.numbersLeftOut > 0 && (
              <p data-testid="recap-left-out">{t('recap.numbersLeftOut', { count: recap.numbersLeftOut })}</p>
            )}
          </>
        )}
      </div>

      {offered.length > 0 && (
        <fieldset class="pp-stack pp-recap-choose" data-testid="recap-choose">
          <legend>{t('recap.choose')}</legend>
          <p>{t('recap.chooseHint')}</p>
          {offered.map((n) => (
            <label key={n.stepId} class="pp-choice">
              <input
                type="checkbox"
                data-number={n.stepId}
                checked={shown.has(n.stepId)}
                onChange={(e) =>
                  setShown(toggle(shown, n.stepId, (e.currentTarget as HTMLInputElement).checked))
                }
              />
              <span>{stepTitle(n.stepId)}</span>
            </label>
          ))}
        </fieldset>
      )}
      {guide.documents.length > 0 && (
        <fieldset class="pp-stack pp-recap-choose" data-testid="recap-sent">
          <legend>{t('recap.sent')}</legend>
          {guide.documents.map((d) => (
            <label key={d.id} class="pp-choice">
              <input
                type="checkbox"
                data-document={d.id}
                checked={sent.has(d.id)}
                onChange={(e) => setSent(toggle(sent, d.id, (e.currentTarget as HTMLInputElement).checked))}
              />
              <span>{localize(d.name, lang)}</span>
            </label>
          ))}
        </fieldset>
      )}
      <p>{t('recap.printHint')}</p>
      <div class="pp-row">
        <button
          type="button"
          class="pp-button pp-button--primary"
          data-action="recap-print"
          onClick={() => sheet.current && printSheet(sheet.current, lang, recap.title)}
        >
          {t('recap.print')}
        </button>
        <button type="button" class="pp-button" data-action="recap-close" onClick={onClose}>
          {t('recap.close')}
        </button>
      </div>
    </section>
  );
}
