import { useLayoutEffect, useRef } from 'preact/hooks';
import { type Guide, localize } from '../../../utils/guides/schema';
import type { TrustState } from '../../../utils/guides/sources';
import type { Lang, Params } from '../../../utils/i18n';
import { parseSafeMarkdown, renderMarkdown } from '../../../utils/markdown';
import guidesCss from './guides.css?inline';

type T = (key: string, params?: Params) => string;

let sheet: CSSStyleSheet | undefined;
/** Our rules join the panel's shadow root once. */
export function adoptStyles(node: Node | null) {
  const root = node?.getRootNode() as ShadowRoot | Document | undefined;
  if (!root || !('adoptedStyleSheets' in root)) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(guidesCss);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** Safe Markdown into a container: DOM nodes built one by one, never HTML. */
export function Markdown({
  text,
  class: className,
  testId,
}: {
  text: string;
  class?: string;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) el.replaceChildren(renderMarkdown(parseSafeMarkdown(text), el.ownerDocument));
  }, [text]);
  return <div ref={ref} class={className} data-testid={testId} />;
}

/** Who wrote the guide and whether its signature proves it (vérifié / non vérifié). */
export function TrustLine({ guide, trust, t }: { guide: Guide; trust: TrustState | undefined; t: T }) {
  const state = trust ?? 'builtin';
  return (
    <p class={`pp-guide-trust is-${state}`} data-testid="guide-trust" data-trust={state}>
      <span aria-hidden="true">{state === 'verified' ? '✓ ' : state === 'unverified' ? '! ' : ''}</span>
      {t(`guides.trust.${state}`)} {t('guides.publisher', { name: guide.publisher.name })}
    </p>
  );
}

/** Every step of the guide, each a button that moves there: the in-page tab and the side panel. */
export function StepList(props: {
  guide: Guide;
  lang: Lang;
  index: number;
  isDone: (stepId: string) => boolean;
  doneCount: number;
  onGo: (index: number) => void;
  t: T;
}) {
  const { guide, lang, index, isDone, t } = props;
  return (
    <details class="pp-guide-steps">
      <summary>{t('guides.allSteps', { done: props.doneCount })}</summary>
      <nav aria-label={t('guides.stepsLabel')}>
        <ol>
          {guide.steps.map((s, i) => {
            const done = isDone(s.id);
            const current = i === index;
            return (
              <li key={s.id} class={`${done ? 'pp-step-done' : ''} ${current ? 'pp-step-current' : ''}`}>
                <button
                  type="button"
                  class="pp-step-link"
                  aria-current={current ? 'step' : undefined}
                  onClick={() => props.onGo(i)}
                >
                  <span aria-hidden="true" class="pp-step-mark">
                    {done ? '✓' : current ? '➜' : '•'}
                  </span>
                  <span>{localize(s.title, lang)}</span>
                  {done && <span class="pp-sr-only"> ({t('guides.stepDone')})</span>}
                  {current && <span class="pp-sr-only"> ({t('guides.stepCurrent')})</span>}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
    </details>
  );
}
