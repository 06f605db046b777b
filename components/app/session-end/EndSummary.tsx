/** What the end of a session erased and what it could not, from its measured report (utils/session-end/report.ts). */
import type { EndReport } from '../../../utils/session-end/report';
import { summaryOf } from '../../../utils/session-end/report';
import type { T } from './messages';

export function EndSummary({
  report,
  t,
  headingLevel = 2,
}: {
  report: EndReport;
  t: T;
  headingLevel?: 2 | 3;
}) {
  const { erased, left } = summaryOf(report);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="pp-stack" data-testid="end-summary">
      <H>{t('end.erasedTitle')}</H>
      <ul data-testid="end-erased">
        {erased.map((line) => (
          <li key={line.key} data-line={line.key}>
            {t(line.key, line.params)}
          </li>
        ))}
      </ul>
      <H>{t('end.leftTitle')}</H>
      <ul data-testid="end-left">
        {left.map((line) => (
          <li key={line.key} data-line={line.key}>
            {t(line.key, line.params)}
          </li>
        ))}
      </ul>
    </div>
  );
}
