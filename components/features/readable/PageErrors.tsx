import type { ErrorSummary } from '../../../utils/readable/summary';
import type { Translate } from './BigField';
import { summaryHeading } from './model';

type Props = {
  summary: ErrorSummary;
  /** Keys of the fields the view shows: a link only goes to one of them. */
  shown: ReadonlySet<string>;
  /** The language of the page's own words (its heading and its list). */
  pageLang?: string;
  /** The view's own language, for our heading when the page's box has none. */
  lang: string;
  uiDir: 'ltr' | 'rtl';
  t: Translate;
  /** The id of the big control standing for a field, for the link's address. */
  controlId(key: string): string;
  /** Takes the person to the field in the view (not on the page behind, which is inert). */
  goTo(key: string): void;
};

/**
 * The page's own list of what went wrong, at the top of the view (Readability drops it). Each entry
 * that names a field is a link to its big control: the real field stays behind, mirrored as always.
 */
export function PageErrors({ summary, shown, pageLang, lang, uiDir, t, controlId, goTo }: Props) {
  const heading = summaryHeading(summary);
  return (
    <section
      class="pp-message pp-message--error pp-rv-page-errors"
      aria-labelledby="pp-rv-page-errors-title"
      data-testid="readable-page-errors"
    >
      <h2
        id="pp-rv-page-errors-title"
        class="pp-rv-page-errors-title"
        lang={heading ? pageLang : lang}
        dir={heading ? 'auto' : uiDir}
      >
        {heading ?? t('readable.pageErrors')}
      </h2>
      {summary.items.length > 0 && (
        <ul lang={pageLang} dir="auto">
          {summary.items.map((item, i) => {
            const key = item.fieldKey;
            return (
              <li key={i}>
                {key && shown.has(key) ? (
                  <a
                    href={`#${controlId(key)}`}
                    data-field-link={key}
                    onClick={(e) => {
                      // The link's address is in our shadow root, where the browser does not follow it.
                      e.preventDefault();
                      goTo(key);
                    }}
                  >
                    {item.text}
                  </a>
                ) : (
                  item.text
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
