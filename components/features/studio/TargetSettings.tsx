import { type GuideValidatorId, VALIDATOR_IDS } from '../../../utils/guides/format';
import {
  type Draft,
  type DraftLang,
  type DraftStep,
  dateRulePatch,
  type StepPatch,
  textPatch,
  validatorPatch,
} from '../../../utils/guides/studio';
import { TextInput } from './TextInput';
import type { T } from './t';

/** What a step that points at a field says about it: the value in words, an example, its check, its document. */
export function TargetSettings({
  step,
  draft,
  lang,
  t,
  change,
}: {
  step: DraftStep;
  draft: Draft;
  lang: DraftLang;
  t: T;
  change(patch: StepPatch): void;
}) {
  return (
    <>
      <TextInput
        label={t('studio.describe')}
        lang={lang}
        value={step.describe[lang]}
        onInput={(v) => change(textPatch(step, 'describe', lang, v))}
      />
      <TextInput label={t('studio.example')} value={step.example} onInput={(v) => change({ example: v })} />
      <label class="pp-stack">
        <span>{t('studio.validator')}</span>
        <select
          value={step.validator ?? ''}
          onChange={(e) =>
            change(validatorPatch(step, (e.target as HTMLSelectElement).value as GuideValidatorId | ''))
          }
        >
          <option value="">{t('studio.validator.none')}</option>
          {VALIDATOR_IDS.map((id) => (
            <option key={id} value={id}>
              {t(`studio.validator.${id}`)}
            </option>
          ))}
        </select>
      </label>
      {step.validator === 'date' && (
        <label class="pp-stack">
          <span>{t('studio.dateRule')}</span>
          <select
            value={step.dateRule ?? 'any'}
            onChange={(e) => change(dateRulePatch((e.target as HTMLSelectElement).value))}
          >
            {(['any', 'past', 'future'] as const).map((rule) => (
              <option key={rule} value={rule}>
                {t(`studio.dateRule.${rule}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {draft.documents.length > 0 && (
        <label class="pp-stack">
          <span>{t('studio.fromDocument')}</span>
          <select
            value={step.fromDocument ?? ''}
            onChange={(e) => change({ fromDocument: (e.target as HTMLSelectElement).value || null })}
          >
            <option value="">{t('studio.fromDocument.none')}</option>
            {draft.documents.map((d) => (
              <option key={d.key} value={d.id}>
                {d.name.fr || d.id}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}
