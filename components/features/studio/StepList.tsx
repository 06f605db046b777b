import type { ComponentChildren } from 'preact';
import { type DraftLang, type DraftStep, targetLabel } from '../../../utils/guides/studio';
import type { T } from './t';

/** The recorded steps in order, each with its target in words and its edit, move and delete buttons. */
export function StepList({
  steps,
  lang,
  open,
  t,
  toggle,
  move,
  remove,
  editor,
}: {
  steps: readonly DraftStep[];
  lang: DraftLang;
  /** The key of the step opened for editing. */
  open: string | null;
  t: T;
  toggle(key: string): void;
  move(key: string, delta: -1 | 1, to: number): void;
  remove(key: string): void;
  editor(step: DraftStep): ComponentChildren;
}) {
  if (steps.length === 0) return <p>{t('studio.noSteps')}</p>;
  return (
    <ol class="pp-stack" data-testid="studio-steps">
      {steps.map((step, i) => {
        const n = i + 1;
        const title = step.title[lang] || step.title.fr;
        const label = targetLabel(step);
        return (
          <li key={step.key} data-step-id={step.id} class="pp-stack">
            <h3>{t('studio.stepHeading', { n, title })}</h3>
            <p>{label === null ? t('studio.noTarget') : t('studio.target', { label })}</p>
            <div class="pp-row">
              <button
                type="button"
                class="pp-button"
                aria-expanded={open === step.key}
                onClick={() => toggle(step.key)}
              >
                {t('studio.edit', { n })}
              </button>
              <button
                type="button"
                class="pp-button"
                disabled={i === 0}
                onClick={() => move(step.key, -1, n - 1)}
              >
                {t('studio.up', { n })}
              </button>
              <button
                type="button"
                class="pp-button"
                disabled={i === steps.length - 1}
                onClick={() => move(step.key, 1, n + 1)}
              >
                {t('studio.down', { n })}
              </button>
              <button type="button" class="pp-button" onClick={() => remove(step.key)}>
                {t('studio.delete', { n })}
              </button>
            </div>
            {open === step.key && editor(step)}
          </li>
        );
      })}
    </ol>
  );
}
