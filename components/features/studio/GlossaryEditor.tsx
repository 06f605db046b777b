import { addTerm, type Draft, type DraftLang, removeTerm, updateTerm } from '../../../utils/guides/studio';
import { TextInput } from './TextInput';
import type { T } from './t';

/** The guide's own glossary: a term and its definition, added and removed. */
export function GlossaryEditor({
  draft,
  lang,
  t,
  setDraft,
}: {
  draft: Draft;
  lang: DraftLang;
  t: T;
  setDraft(next: Draft): void;
}) {
  return (
    <>
      <h2 class="pp-subtitle">{t('studio.glossary')}</h2>
      <ul class="pp-stack">
        {draft.glossary.map((g) => (
          <li key={g.key} class="pp-stack">
            <TextInput
              label={t('studio.term')}
              lang={lang}
              value={g.term[lang]}
              onInput={(v) => setDraft(updateTerm(draft, g.key, { term: { ...g.term, [lang]: v } }))}
            />
            <TextInput
              label={t('studio.definition')}
              lang={lang}
              multiline
              value={g.definition[lang]}
              onInput={(v) =>
                setDraft(updateTerm(draft, g.key, { definition: { ...g.definition, [lang]: v } }))
              }
            />
            <button type="button" class="pp-button" onClick={() => setDraft(removeTerm(draft, g.key))}>
              {t('studio.removeTerm')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="pp-button" onClick={() => setDraft(addTerm(draft, ''))}>
        {t('studio.addTerm')}
      </button>
    </>
  );
}
