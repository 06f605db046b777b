import { DRAFT_LANGS, type Draft, type DraftLang } from '../../../utils/guides/studio';
import { TextInput } from './TextInput';
import type { T } from './t';

/** The language the texts are written in (fr, en, ar), the guide's title in it, and its publisher. */
export function GuideHeader({
  draft,
  lang,
  setLang,
  t,
  setDraft,
}: {
  draft: Draft;
  lang: DraftLang;
  setLang(lang: DraftLang): void;
  t: T;
  setDraft(next: Draft): void;
}) {
  return (
    <>
      <h2 class="pp-subtitle">{t('studio.guide')}</h2>
      <fieldset class="pp-row">
        <legend>{t('studio.textLang')}</legend>
        {DRAFT_LANGS.map((l) => (
          <label key={l} class="pp-choice">
            <input type="radio" name="pp-studio-lang" checked={lang === l} onChange={() => setLang(l)} />
            <span>{t(`studio.lang.${l}`)}</span>
          </label>
        ))}
      </fieldset>
      <TextInput
        label={t('studio.title')}
        lang={lang}
        value={draft.title[lang]}
        onInput={(v) => setDraft({ ...draft, title: { ...draft.title, [lang]: v } })}
      />
      <TextInput
        label={t('studio.publisher')}
        value={draft.publisher}
        onInput={(v) => setDraft({ ...draft, publisher: v })}
      />
    </>
  );
}
