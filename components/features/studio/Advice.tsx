import { useMemo } from 'preact/hooks';
import { checkPlainLanguage, type DraftLang, type GlossaryLike } from '../../../utils/guides/studio';
import type { Params } from '../../../utils/i18n';
import type { T } from './t';

/** The plain-language advice on one text: shown, never blocking; a glossary word can be added. */
export function Advice({
  text,
  lang,
  glossary,
  t,
  onAddTerm,
}: {
  text: string;
  lang: DraftLang;
  glossary: readonly GlossaryLike[];
  t: T;
  onAddTerm(term: string, definition: string): void;
}) {
  const advice = useMemo(() => checkPlainLanguage(text, { lang, glossary }), [text, lang, glossary]);
  if (advice.length === 0) return null;
  return (
    <ul class="pp-stack pp-studio-advice" aria-label={t('studio.advice')}>
      {advice.map((a, i) => (
        <li key={`${a.code}-${i}`}>
          {t(`studio.advice.${a.code}`, a as unknown as Params)}
          {a.code === 'glossary' && (
            <button type="button" class="pp-button" onClick={() => onAddTerm(a.term, a.definition)}>
              {t('studio.addToGlossary', { term: a.term })}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
