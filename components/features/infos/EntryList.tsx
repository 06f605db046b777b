/** What "Mes informations" keeps: each value with where it came from and when; edit or delete it. */
import { useState } from 'preact/hooks';
import { formatDay, type Lang } from '../../../utils/i18n';
import type { InfoEntry, InfoKind } from '../../../utils/infos/index';
import { EntryForm } from './EntryForm';
import type { T } from './messages';

export function EntryList({
  entries,
  t,
  lang,
  save,
  remove,
}: {
  entries: InfoEntry[];
  t: T;
  lang: Lang;
  save: (kind: InfoKind, value: string, id?: string) => Promise<void>;
  remove: (entry: InfoEntry) => Promise<void>;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [asking, setAsking] = useState<string | null>(null);
  if (entries.length === 0) return <p data-testid="infos-empty">{t('infos.list.empty')}</p>;
  return (
    <ul class="pp-infos-list pp-stack" data-testid="infos-list">
      {entries.map((entry) => {
        const kind = t(`infos.kind.${entry.kind}`);
        return (
          <li key={entry.id} class="pp-infos-entry pp-stack" data-kind={entry.kind}>
            {editing === entry.id ? (
              <EntryForm
                editing={entry}
                t={t}
                lang={lang}
                save={async (k, v, id) => {
                  await save(k, v, id);
                  setEditing(null);
                }}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <>
                <p class="pp-infos-kind">{kind}</p>
                <p class="pp-infos-value" dir="auto" data-testid="infos-value">
                  {entry.value}
                </p>
                <p class="pp-infos-source">
                  {t(`infos.source.${entry.source.kind}`, { date: formatDay(lang, entry.at) })}
                </p>
                {asking === entry.id ? (
                  <div class="pp-stack pp-infos-confirm">
                    <p>{t('infos.deleteConfirm', { kind })}</p>
                    <div class="pp-row">
                      <button type="button" class="pp-button" onClick={() => setAsking(null)}>
                        {t('infos.no')}
                      </button>
                      <button
                        type="button"
                        class="pp-button pp-button--primary"
                        onClick={() => remove(entry).then(() => setAsking(null))}
                      >
                        {t('infos.deleteYes')}
                      </button>
                    </div>
                  </div>
                ) : (
                  <div class="pp-row">
                    <button
                      type="button"
                      class="pp-button"
                      aria-label={`${t('infos.edit')} : ${kind}`}
                      onClick={() => setEditing(entry.id)}
                    >
                      {t('infos.edit')}
                    </button>
                    <button
                      type="button"
                      class="pp-button"
                      aria-label={`${t('infos.delete')} : ${kind}`}
                      onClick={() => setAsking(entry.id)}
                    >
                      {t('infos.delete')}
                    </button>
                  </div>
                )}
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
