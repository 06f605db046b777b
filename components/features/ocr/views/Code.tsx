/**
 * What the document's signed 2D-Doc said: its signature's outcome (« signature vérifiée », « émetteur
 * inconnu », « signature fausse ») or why it was not used, and the values the text read differently.
 */
import type { Lang } from '../../../../utils/i18n';
import { mrzSourceText, mrzStatusMessage } from '../../../../utils/mrz/messages';
import type { MrzReading } from '../../../../utils/mrz/read';
import { fieldLabel } from '../../../../utils/ocr/extract/index';
import type { CodeOutcome } from '../../../../utils/ocr/with-code';
import { twoDDocStatusMessage, twoDDocText } from '../../../../utils/twoddoc/messages';

/** Whether the code's values can be called « lu dans le code signé » (verified), or only « lu dans le code ». */
export function codeVerified(code: CodeOutcome | null | undefined): boolean {
  return !!code?.reading.ok && code.reading.verification.status === 'verified';
}

export function CodeNotice({ lang, code }: { lang: Lang; code: CodeOutcome }) {
  const r = code.reading;
  const refused = !r.ok || r.verification.status === 'bad-signature';
  return (
    <>
      <p
        class={refused ? 'pp-message pp-message--error' : 'pp-message'}
        data-testid="twoddoc-status"
        data-status={r.ok ? r.verification.status : r.error}
      >
        {twoDDocStatusMessage(lang, r)}
      </p>
      {code.disagreements.length > 0 && (
        <div class="pp-message pp-message--error" data-testid="twoddoc-disagree">
          <p>{twoDDocText(lang, 'twoddoc.disagreeTitle')}</p>
          <ul>
            {code.disagreements.map((d) => (
              <li key={`${d.kind}-${d.meaning ?? ''}-${d.ocr}`}>
                {twoDDocText(lang, 'twoddoc.disagree', {
                  field: fieldLabel(lang, d),
                  code: d.code,
                  ocr: d.ocr,
                })}
              </li>
            ))}
          </ul>
          <p>{twoDDocText(lang, 'twoddoc.disagreeHelp')}</p>
        </div>
      )}
    </>
  );
}

/** The identity document's MRZ: all check digits right, or one wrong and none of its values used. */
export function MrzNotice({ lang, mrz }: { lang: Lang; mrz: MrzReading }) {
  return (
    <p
      class={mrz.valid ? 'pp-message' : 'pp-message pp-message--error'}
      data-testid="mrz-status"
      data-valid={String(mrz.valid)}
    >
      {mrzStatusMessage(lang, mrz)}
    </p>
  );
}

/** The mark under a value taken from the code or the MRZ (gone once the person changes the value). */
export function SourceMark({
  lang,
  id,
  source,
  verified,
}: {
  lang: Lang;
  id: string;
  source: '2ddoc' | 'mrz';
  verified: boolean;
}) {
  const text =
    source === 'mrz'
      ? mrzSourceText(lang)
      : twoDDocText(lang, verified ? 'twoddoc.source' : 'twoddoc.sourceUnverified');
  return (
    <p id={id} class="pp-ocr-source" data-testid="ocr-source">
      {text}
    </p>
  );
}
