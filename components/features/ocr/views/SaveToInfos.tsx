/**
 * « Enregistrer dans Mes informations » under a reading's values: what the file could keep (each new
 * value the person may untick), beside what it already keeps: a value of the same kind already there
 * with another value shows both, and the person chooses to keep the old one or replace it (keeping is
 * the default). Saved only when they press the button. Shown only where the reading screen has a way
 * to the file and the panel has its tab (save-infos.ts), never on its own.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../../../utils/i18n';
import { infosFromReading } from '../../../../utils/infos/from-reading';
import { compareWithFile, type KeepOffer, sameComparison, writesFor } from '../../../../utils/infos/keep';
import type { InfoEntry, InfoKind } from '../../../../utils/infos/kinds';
import { infoMessage, infosCoreCatalogs, kindLabel } from '../../../../utils/infos/messages';
import type { Read, Row } from '../../../../utils/ocr/reading-flow';
import type { InfosAccess } from '../protocol';
import { codeVerified } from './Code';
import type { T } from './parts';

/** The file's own refusal (a value its check refused, the file locked), else a plain failure. */
function failure(lang: Lang, t: T, error: unknown): string {
  const e = error as { messageKey?: unknown; params?: Record<string, string | number> } | null;
  if (typeof e?.messageKey === 'string' && e.messageKey in infosCoreCatalogs.fr)
    return infoMessage(lang, e.messageKey, e.params);
  return t('ocr.infos.failed');
}

export function SaveToInfos(props: { t: T; lang: Lang; read: Read; rows: Row[]; infos: InfosAccess }) {
  const { t, lang, read, rows, infos } = props;
  const [off, setOff] = useState<ReadonlySet<InfoKind>>(new Set());
  const [replace, setReplace] = useState<ReadonlySet<InfoKind>>(new Set());
  /** The file's entries of the offered kinds, as the person sees them; null until read. */
  const [file, setFile] = useState<InfoEntry[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [error, setError] = useState('');
  const inputs = infosFromReading(rows, {
    codeVerified: codeVerified(read.code),
    documentType: read.reading.documentType.type,
  });
  const kinds = inputs.map((i) => i.kind);
  const kindsKey = kinds.join(' ');

  // Read again when the offered kinds change (kindsKey: `kinds` is a new array at each render).
  useEffect(() => {
    let live = true;
    infos.entries(kinds).then(
      (entries) => live && setFile(entries),
      (err: unknown) => live && setError(failure(lang, t, err)),
    );
    return () => {
      live = false;
    };
  }, [kindsKey, infos]);

  if (inputs.length === 0) return null;
  const offers = file ? compareWithFile(inputs, file) : null;
  // Named as the « Mes informations » tab names it, where the person will find it again.
  const labelOf = (offer: KeepOffer) => kindLabel(lang, offer.input.kind);

  const onSave = async () => {
    setError('');
    setDone('');
    setBusy(true);
    try {
      // The file may have changed since the screen showed it (the other tab, another window): the
      // person chooses again rather than a value they did not see being written over.
      const fresh = await infos.entries(kinds);
      const now = compareWithFile(inputs, fresh);
      if (!offers || !sameComparison(offers, now)) {
        setFile(fresh);
        if (offers) setError(t('ocr.infos.changed'));
        return;
      }
      const writes = writesFor(now, { ticked: (k) => !off.has(k), replace: (k) => replace.has(k) });
      if (writes.length === 0) {
        setDone(t('ocr.infos.nothing'));
        return;
      }
      for (const w of writes) await infos.put(w.input, w.id);
      const names = (replaced: boolean) =>
        now
          .filter((o) =>
            writes.some((w) => w.input.kind === o.input.kind && (w.id !== undefined) === replaced),
          )
          .map(labelOf)
          .join(', ');
      const added = names(false);
      const changed = names(true);
      setDone(
        [
          added && t('ocr.infos.saved', { what: added }),
          changed && t('ocr.infos.replaced', { what: changed }),
        ]
          .filter(Boolean)
          .join(' '),
      );
      setFile(await infos.entries(kinds));
      setReplace(new Set());
    } catch (err) {
      setError(failure(lang, t, err));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (set: ReadonlySet<InfoKind>, kind: InfoKind, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(kind);
    else next.delete(kind);
    return next;
  };

  return (
    <section class="pp-stack pp-ocr-infos" data-testid="ocr-infos">
      <fieldset class="pp-stack">
        <legend>{t('ocr.infos.title')}</legend>
        <p class="pp-ocr-hint">{t('ocr.infos.intro')}</p>
        {offers?.map((offer) => {
          const { kind, value } = offer.input;
          const label = labelOf(offer);
          if (offer.state === 'new')
            return (
              <label class="pp-choice" key={kind}>
                <input
                  type="checkbox"
                  checked={!off.has(kind)}
                  data-kind={kind}
                  onChange={(e) => setOff(toggle(off, kind, !(e.currentTarget as HTMLInputElement).checked))}
                />
                <span>
                  {label} : {value}
                </span>
              </label>
            );
          if (offer.state === 'kept')
            return (
              <p key={kind} data-kind-kept={kind}>
                {t('ocr.infos.kept', { what: label, value })}
              </p>
            );
          const name = `pp-ocr-keep-${kind}`;
          return (
            <fieldset class="pp-stack pp-ocr-keep" key={kind} data-kind-differs={kind}>
              <legend>{t('ocr.infos.differs', { what: label })}</legend>
              <label class="pp-choice">
                <input
                  type="radio"
                  name={name}
                  value="keep"
                  checked={!replace.has(kind)}
                  onChange={() => setReplace(toggle(replace, kind, false))}
                />
                <span>{t('ocr.infos.keepOld', { value: offer.entry.value })}</span>
              </label>
              <label class="pp-choice">
                <input
                  type="radio"
                  name={name}
                  value="replace"
                  checked={replace.has(kind)}
                  onChange={() => setReplace(toggle(replace, kind, true))}
                />
                <span>{t('ocr.infos.replace', { value })}</span>
              </label>
            </fieldset>
          );
        })}
      </fieldset>
      {error && (
        <p class="pp-message pp-message--error" role="alert" data-testid="ocr-infos-error">
          {error}
        </p>
      )}
      {done && (
        <p class="pp-message" role="status" data-testid="ocr-infos-saved">
          {done}
        </p>
      )}
      <button type="button" class="pp-button" disabled={busy} data-action="ocr-save-infos" onClick={onSave}>
        {t('ocr.infos.save')}
      </button>
    </section>
  );
}
