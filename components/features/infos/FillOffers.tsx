/**
 * Filling the page from "Mes informations": the fields whose meaning matches an entry are offered,
 * each with its own button (one confirmation, one field); a field the site already filled says what
 * it shows and is replaced only by that button. Nothing is filled without a click.
 */
import { useState } from 'preact/hooks';
import type { InfoEntry, InfoOffer } from '../../../utils/infos/index';
import { matchFields } from '../../../utils/infos/index';
import type { FillItem, FillReport, FillTarget } from '../../../utils/ocr/fill/index';
import type { T } from './messages';
import type { InfosTargets } from './page';

/** How this panel reaches the page: in it (widget), or through the background (side panel). */
export type PageLink = {
  targets(): Promise<InfosTargets | null>;
  fill(item: FillItem): Promise<FillReport | null>;
};

type Offer = InfoOffer & { label: string };

export function FillOffers({
  entries,
  link,
  t,
  announce,
}: {
  entries: InfoEntry[];
  link: PageLink;
  t: T;
  announce: (m: string) => void;
}) {
  const [offers, setOffers] = useState<Offer[] | null>(null);
  // The key and its values, so the sentence follows a change of language.
  const [note, setNote] = useState<{ key: string; field?: string } | null>(null);

  const find = async () => {
    setNote(null);
    const page = await link.targets().catch(() => null);
    if (!page) {
      setOffers([]);
      setNote({ key: 'infos.fill.noPage' });
      return;
    }
    const labels = new Map(page.targets.map((x: FillTarget) => [x.key, x.label]));
    const found = matchFields(page.targets, entries, new Map(page.current)).map((o) => ({
      ...o,
      label: labels.get(o.targetKey) ?? '',
    }));
    setOffers(found);
    if (found.length === 0) setNote({ key: 'infos.fill.none' });
  };

  const fill = async (offer: Offer) => {
    const report = await link.fill({ targetKey: offer.targetKey, value: offer.value }).catch(() => null);
    const done = !!report?.filled.includes(offer.targetKey);
    const key = done ? 'infos.fill.done' : 'infos.fill.failed';
    setNote({ key, field: offer.label });
    announce(t(key, { field: offer.label }));
    if (done) setOffers((list) => (list ?? []).filter((o) => o.targetKey !== offer.targetKey));
  };

  return (
    <section class="pp-stack pp-infos-fill" aria-labelledby="pp-infos-fill-title" data-testid="infos-fill">
      <h3 class="pp-subtitle" id="pp-infos-fill-title">
        {t('infos.fill.title')}
      </h3>
      <button type="button" class="pp-button" onClick={find} data-action="infos-find">
        {t('infos.fill.find')}
      </button>
      {offers && offers.length > 0 && (
        <ul class="pp-stack pp-infos-offers">
          {offers.map((o) => (
            <li key={o.targetKey}>
              <button
                type="button"
                class="pp-button pp-button--primary"
                data-target={o.targetKey}
                onClick={() => fill(o)}
              >
                {o.current === undefined
                  ? t('infos.fill.offer', { field: o.label, value: o.value })
                  : `${o.label} — ${t('infos.fill.replace', { current: o.current, value: o.value })}`}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="pp-infos-note" role="status">
        {note ? t(note.key, note.field === undefined ? undefined : { field: note.field }) : ''}
      </p>
    </section>
  );
}
