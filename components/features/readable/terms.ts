/**
 * Explained words: each glossary mark (`[data-term-id]`, from `markTerms`) becomes a button that
 * opens a short explanation on focus, hover or tap (a disclosure), also given as its description.
 * Plain DOM, built with createElement and text nodes only: page text never becomes markup.
 */
import type { CompiledGlossary } from '../../../utils/glossary/match';
import type { GlossaryTerm } from '../../../utils/glossary/schema';
import type { Lang } from '../../../utils/i18n';

export type TermOptions = {
  glossary: CompiledGlossary;
  lang: Lang;
  /** Unique prefix for the ids of this scope. */
  idPrefix: string;
  labels: { readAloud: string; termHelp: (term: string) => string };
  /** Present when speech is available: the explanation gets a "read aloud" button. */
  speak?: (text: string) => void;
  /** Where tips go; by default right after their button (inline, under the word). */
  tipHost?: Element;
};

/** The explanation in the person's language; Arabic readers get the French one (the site's language). */
export function explanationFor(term: GlossaryTerm, lang: Lang): string {
  return lang === 'en' ? term.short_en : term.short_fr;
}

export type EnhancedTerm = {
  id: string;
  button: HTMLButtonElement;
  tip: HTMLElement;
  open(): void;
  close(): void;
};

/** Replaces every mark in `root` by an explained-word button; returns them and a cleanup. */
export function enhanceTerms(
  root: Element,
  options: TermOptions,
): { terms: EnhancedTerm[]; dispose(): void } {
  const doc = root.ownerDocument;
  const terms: EnhancedTerm[] = [];
  const cleanups: (() => void)[] = [];
  let n = 0;
  for (const mark of [...root.querySelectorAll('[data-term-id]')]) {
    const id = mark.getAttribute('data-term-id') ?? '';
    const term = options.glossary.terms.get(id);
    if (!term || mark.closest('a, button, .pp-term-tip')) {
      mark.replaceWith(...mark.childNodes);
      continue;
    }
    n += 1;
    const tipId = `${options.idPrefix}-tip-${n}`;
    const textId = `${options.idPrefix}-def-${n}`;
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'pp-term';
    button.setAttribute('data-term-id', id);
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', tipId);
    button.setAttribute('aria-describedby', textId);
    button.append(...mark.childNodes);

    const tip = doc.createElement('span');
    tip.className = 'pp-term-tip';
    tip.id = tipId;
    tip.hidden = true;
    tip.setAttribute('data-term-id', id);
    const heading = doc.createElement('span');
    heading.className = 'pp-term-title';
    heading.textContent = options.labels.termHelp(term.term);
    const text = doc.createElement('span');
    text.className = 'pp-term-text';
    text.id = textId;
    text.textContent = explanationFor(term, options.lang);
    tip.append(heading, text);
    if (options.speak) {
      const speak = options.speak;
      const say = doc.createElement('button');
      say.type = 'button';
      say.className = 'pp-button pp-term-say';
      say.textContent = options.labels.readAloud;
      say.addEventListener('click', () => speak(`${term.term}. ${text.textContent ?? ''}`));
      tip.append(say);
    }

    let wrap: Element;
    if (options.tipHost) {
      mark.replaceWith(button);
      options.tipHost.append(tip);
      wrap = button;
    } else {
      const holder = doc.createElement('span');
      holder.className = 'pp-term-wrap';
      mark.replaceWith(holder);
      holder.append(button, tip);
      wrap = holder;
    }

    let hovered = false;
    let openedAt = 0;
    const open = () => {
      if (!tip.hidden) return;
      tip.hidden = false;
      openedAt = Date.now();
      button.setAttribute('aria-expanded', 'true');
    };
    const close = () => {
      tip.hidden = true;
      button.setAttribute('aria-expanded', 'false');
    };
    const inside = (node: unknown) => isNode(node) && (button.contains(node) || tip.contains(node));
    const onFocusIn = () => open();
    const onFocusOut = (e: Event) => {
      if (!inside((e as FocusEvent).relatedTarget) && !hovered) close();
    };
    // A tap gives focus then a click: the click right after opening keeps it open.
    const onClick = () => {
      if (tip.hidden) open();
      else if (Date.now() - openedAt > 400) close();
    };
    const onKey = (e: Event) => {
      if ((e as KeyboardEvent).key !== 'Escape' || tip.hidden) return;
      e.preventDefault();
      e.stopPropagation();
      close();
      button.focus();
    };
    const onEnter = () => {
      hovered = true;
      open();
    };
    const onLeave = (e: Event) => {
      if (inside((e as MouseEvent).relatedTarget)) return;
      hovered = false;
      const active = (root.getRootNode() as Document | ShadowRoot).activeElement;
      if (!inside(active)) close();
    };
    const targets = wrap === button ? [button, tip] : [wrap];
    for (const el of targets) {
      el.addEventListener('focusin', onFocusIn);
      el.addEventListener('focusout', onFocusOut);
      el.addEventListener('keydown', onKey);
      el.addEventListener('mouseenter', onEnter);
      el.addEventListener('mouseleave', onLeave);
    }
    button.addEventListener('click', onClick);
    cleanups.push(() => {
      for (const el of targets) {
        el.removeEventListener('focusin', onFocusIn);
        el.removeEventListener('focusout', onFocusOut);
        el.removeEventListener('keydown', onKey);
        el.removeEventListener('mouseenter', onEnter);
        el.removeEventListener('mouseleave', onLeave);
      }
      button.removeEventListener('click', onClick);
    });
    terms.push({ id, button, tip, open, close });
  }
  return {
    terms,
    dispose: () => {
      for (const c of cleanups) c();
    },
  };
}

// Duck-typed: content scripts and tests may see nodes from another realm.
function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).nodeType === 'number';
}
