import {
  type Draft,
  type DraftLang,
  type DraftStep,
  doneKindsFor,
  type GlossaryLike,
  type StepPatch,
  textPatch,
  whenPatch,
} from '../../../utils/guides/studio';
import { Advice } from './Advice';
import { TargetSettings } from './TargetSettings';
import { TextInput } from './TextInput';
import type { T } from './t';

/** One step opened for editing: its texts (with advice), its target's settings, how it ends, where it applies. */
export function StepEditor({
  step,
  draft,
  lang,
  glossary,
  t,
  change,
  addGlossary,
}: {
  step: DraftStep;
  draft: Draft;
  lang: DraftLang;
  glossary: readonly GlossaryLike[];
  t: T;
  change(patch: StepPatch): void;
  addGlossary(term: string, definition: string): void;
}) {
  return (
    <div class="pp-stack">
      <TextInput
        label={t('studio.stepTitle')}
        lang={lang}
        value={step.title[lang]}
        onInput={(v) => change(textPatch(step, 'title', lang, v))}
      />
      <Advice text={step.title[lang]} lang={lang} glossary={glossary} t={t} onAddTerm={addGlossary} />
      <TextInput
        label={t('studio.stepBody')}
        lang={lang}
        multiline
        value={step.body[lang]}
        onInput={(v) => change(textPatch(step, 'body', lang, v))}
      />
      <Advice text={step.body[lang]} lang={lang} glossary={glossary} t={t} onAddTerm={addGlossary} />
      {step.target && <TargetSettings step={step} draft={draft} lang={lang} t={t} change={change} />}
      <label class="pp-stack">
        <span>{t('studio.done')}</span>
        <select
          value={step.done}
          onChange={(e) => change({ done: (e.target as HTMLSelectElement).value as DraftStep['done'] })}
        >
          {doneKindsFor(step).map((kind) => (
            <option key={kind} value={kind}>
              {t(`studio.done.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset class="pp-stack">
        <legend>{t('studio.when')}</legend>
        {/* Two lines, not one: a page's address is longer than the panel is wide, and a box of one
            line showed only its middle. One line all the same: no line break is kept. */}
        <TextInput
          label={t('studio.whenUrl')}
          multiline
          rows={2}
          dir="ltr"
          value={step.when?.urlPattern ?? ''}
          onInput={(v) => change(whenPatch(step, 'urlPattern', v.replace(/\s*\n\s*/g, '')))}
        />
        <TextInput
          label={t('studio.whenHeading')}
          value={step.when?.headingText ?? ''}
          onInput={(v) => change(whenPatch(step, 'headingText', v))}
        />
      </fieldset>
    </div>
  );
}
