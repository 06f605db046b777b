/** The procedures kept (this site's on a web page, every site's in our own pages): what is missing, resume, delete. */
import { useRef, useState } from 'preact/hooks';
import type { Lang } from '../../../utils/i18n';
import { missingSteps } from '../../../utils/progress/guide';
import type { ProcedureSummary } from '../../../utils/storage';
import { useServices } from '../../app/services';
import type { Agent } from './agent';
import { Confirm } from './Confirm';
import { type Act, formatDate, hostOf } from './format';
import type { T } from './messages';

export function ProcedureList({
  list,
  t,
  lang,
  context,
  allSites,
  onChange,
  act,
  announce,
  agent,
}: {
  list: ProcedureSummary[];
  t: T;
  lang: Lang;
  context: string;
  /** False on a web page: this site's procedures only, and no "delete all". */
  allSites: boolean;
  onChange: () => void;
  act: Act;
  announce: (m: string) => void;
  agent: Agent | undefined;
}) {
  const { storage } = useServices();
  const [confirm, setConfirm] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const resume = (p: ProcedureSummary) =>
    act(async () => {
      const url = await (await storage()).lastPage(p.id);
      if (!url) return;
      if (context === 'sidepanel') window.open(url, '_blank', 'noopener');
      else window.location.assign(url);
    });
  const remove = (id: string | null) =>
    act(async () => {
      const client = await storage();
      if (id === null) {
        await client.wipe();
        agent?.forgetTab();
        announce(t('progress.all.deleted'));
      } else {
        await client.deleteProcedure(id);
        announce(t('progress.list.deleted'));
      }
      setConfirm(null);
      onChange();
      queueMicrotask(() => headingRef.current?.focus());
    });
  return (
    <section class="pp-stack" aria-labelledby="pp-list-title">
      <h2 id="pp-list-title" ref={headingRef} tabIndex={-1}>
        {allSites ? t('progress.list.title') : t('progress.list.siteTitle')}
      </h2>
      {list.length === 0 && <p data-testid="progress-empty">{t('progress.list.empty')}</p>}
      {list.length > 0 && (
        <ul class="pp-progress-list" data-testid="progress-list">
          {list.map((p) => {
            const missing = missingSteps(p);
            const headingId = `pp-proc-${p.id}`;
            return (
              <li key={p.id} data-procedure={p.id} aria-labelledby={headingId}>
                <h3 id={headingId}>{p.title}</h3>
                <p>{t('progress.list.site', { site: hostOf(p.origin) })}</p>
                <p>{t('progress.list.saved', { date: formatDate(lang, p.updatedAt) })}</p>
                <p>{t('progress.list.answers', { count: Math.max(0, p.fieldCount - 1) })}</p>
                {missing && missing.length > 0 && (
                  <>
                    <p>{t('progress.list.missingTitle')}</p>
                    <ul class="pp-progress-values" data-testid="missing">
                      {missing.map((m, i) => (
                        <li key={i}>{m}</li>
                      ))}
                    </ul>
                  </>
                )}
                {missing && missing.length === 0 && <p>{t('progress.list.nothingMissing')}</p>}
                {confirm === p.id ? (
                  <Confirm
                    text={t('progress.list.deleteConfirm', { title: p.title })}
                    yes={t('progress.list.yesDelete')}
                    no={t('progress.list.cancel')}
                    onYes={() => remove(p.id)}
                    onNo={() => setConfirm(null)}
                  />
                ) : (
                  <div class="pp-row">
                    <button
                      type="button"
                      class="pp-button pp-button--primary"
                      data-action="resume"
                      aria-label={t('progress.list.resumeLabel', { title: p.title })}
                      onClick={() => resume(p)}
                    >
                      {t('progress.list.resume')}
                    </button>
                    <button
                      type="button"
                      class="pp-button"
                      data-action="delete"
                      aria-label={t('progress.list.deleteLabel', { title: p.title })}
                      onClick={() => setConfirm(p.id)}
                    >
                      {t('progress.list.delete')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {allSites &&
        list.length > 0 &&
        (confirm === '*all*' ? (
          <Confirm
            text={t('progress.all.confirm')}
            yes={t('progress.all.yes')}
            no={t('progress.list.cancel')}
            onYes={() => remove(null)}
            onNo={() => setConfirm(null)}
            testId="delete-all-confirm"
          />
        ) : (
          <button
            type="button"
            class="pp-button"
            data-action="delete-all"
            onClick={() => setConfirm('*all*')}
          >
            {t('progress.all.delete')}
          </button>
        ))}
    </section>
  );
}
