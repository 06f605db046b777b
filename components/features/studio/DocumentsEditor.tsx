import {
  addDocument,
  type Draft,
  type DraftLang,
  removeDocument,
  updateDocument,
} from '../../../utils/guides/studio';
import { TextInput } from './TextInput';
import type { T } from './t';

const PART_LABEL = { name: 'studio.documentName', why: 'studio.documentWhy', where: 'studio.documentWhere' };

/** The documents to prepare: name, why it is needed, where to find it; added and removed. */
export function DocumentsEditor({
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
      <h2 class="pp-subtitle">{t('studio.documents')}</h2>
      <ul class="pp-stack">
        {draft.documents.map((d) => (
          <li key={d.key} class="pp-stack">
            {(['name', 'why', 'where'] as const).map((part) => (
              <TextInput
                key={part}
                label={t(PART_LABEL[part])}
                lang={lang}
                value={d[part][lang]}
                onInput={(v) => setDraft(updateDocument(draft, d.key, { [part]: { ...d[part], [lang]: v } }))}
              />
            ))}
            <button type="button" class="pp-button" onClick={() => setDraft(removeDocument(draft, d.key))}>
              {t('studio.removeDocument')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="pp-button" onClick={() => setDraft(addDocument(draft, ''))}>
        {t('studio.addDocument')}
      </button>
    </>
  );
}
