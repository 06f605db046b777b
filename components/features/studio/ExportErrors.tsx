import { guideErrorText } from '../../../utils/guides/schema';
import type { ExportResult } from '../../../utils/guides/studio';
import type { Lang } from '../../../utils/i18n';
import type { T } from './t';

/** Why the draft is not a guide yet: the format's own errors, in words, the first twenty. */
export function ExportErrors({ exported, lang, t }: { exported: ExportResult | null; lang: Lang; t: T }) {
  if (!exported || exported.ok) return null;
  return (
    <div role="alert" class="pp-message pp-message--error">
      <p>{t('studio.exportErrors')}</p>
      <ul>
        {exported.errors.slice(0, 20).map((e) => (
          <li key={`${e.path}-${e.code}`}>
            {e.path} : {guideErrorText(e, lang)}
          </li>
        ))}
      </ul>
    </div>
  );
}
