// @vitest-environment jsdom
/**
 * The readable view on a real form in jsdom: typing in a big field fills the real one, the site's
 * own changes and error messages come back, secrets are written through but never read back, the
 * big "Suivant" clicks the site's button, and read aloud speaks the view's own text.
 */
import { computed } from '@preact/signals';
import DOMPurify from 'dompurify';
import { options, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { PanelServices } from '../../../components/app/services';
import { readableMessages } from '../../../components/features/readable/messages';
import { ReadableView } from '../../../components/features/readable/ReadableView';
import { compileGlossary } from '../../../utils/glossary';
import { createTranslator, type Lang, type Params } from '../../../utils/i18n';
import { uiMessages } from '../../../utils/i18n/ui';
import { extractReadable } from '../../../utils/readable/extract';
import type { SynthLike, UtteranceLike } from '../../../utils/speech/speaker';
import { testServices } from '../panel-services';

const translate = createTranslator(uiMessages, readableMessages);
const t = (key: string, params?: Params) => translate('fr', key, params);
/** Waits for what the view does on its own (the site's events, its timers, the page's mutations): polled, never a fixed sleep. */
const until = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 10 });

// Preact runs effects after the next frame: requestAnimationFrame raced by a 35 ms timer whose callback
// calls cancelAnimationFrame. Such a timer still pending when jsdom is torn down threw "cancelAnimationFrame
// is not defined" after the last test; effects scheduled on a plain timer leave no such tail.
const previousRaf = options.requestAnimationFrame;
beforeAll(() => {
  options.requestAnimationFrame = (callback) => setTimeout(callback, 0);
});
afterAll(() => {
  options.requestAnimationFrame = previousRaf;
});

const PAGE = `
  <main>
    <h1>Votre demande</h1>
    <p>Remplissez ce formulaire pour demander une aide de la CAF. Les champs marqués sont obligatoires.</p>
    <form id="f" novalidate>
      <div class="fr-input-group">
        <label class="fr-label" for="nom">Nom de naissance</label>
        <input class="fr-input" id="nom" name="nom" required aria-describedby="nom-messages">
        <div class="fr-messages-group" id="nom-messages"></div>
      </div>
      <label for="mdp">Mot de passe</label>
      <input id="mdp" name="mdp" type="password">
      <label for="situation">Situation familiale</label>
      <select id="situation" name="situation"><option value="">Choisir</option><option value="marie">Marié</option></select>
      <fieldset><legend>Civilité</legend>
        <input type="radio" id="mme" name="civ" value="madame"><label for="mme">Madame</label>
        <input type="radio" id="m" name="civ" value="monsieur"><label for="m">Monsieur</label>
      </fieldset>
      <input type="checkbox" id="ok" name="ok"><label for="ok">J'accepte</label>
      <button type="submit" id="next">Suivant</button>
    </form>
  </main>`;

let container: HTMLElement;
let submitted: number;
let spoken: string[];

function fakeSpeech(withVoice: boolean) {
  const synth: SynthLike = {
    speak: (u: UtteranceLike) => {
      spoken.push(u.text);
    },
    cancel: () => {},
    pause: () => {},
    resume: () => {},
    getVoices: () => (withVoice ? [{ name: 'Amélie', lang: 'fr-FR', voiceURI: 'amelie' }] : []),
  };
  const makeUtterance = (text: string): UtteranceLike => ({
    text,
    lang: '',
    rate: 1,
    voice: null,
    onstart: null,
    onend: null,
    onerror: null,
    onboundary: null,
  });
  return { synth, makeUtterance };
}

function services(withVoice = true): PanelServices {
  return testServices({ lang: computed<Lang>(() => 'fr'), t, speech: fakeSpeech(withVoice) });
}

async function show(withVoice = true, live = false) {
  const glossary = compileGlossary([
    {
      id: 'caf',
      term: 'CAF',
      variants: [],
      short_fr: 'La caisse des allocations.',
      short_en: 'Family office.',
    },
    {
      id: 'nom-naissance',
      term: 'nom de naissance',
      variants: [],
      short_fr: 'Le nom sur l’acte de naissance.',
      short_en: 'Birth name.',
    },
  ]);
  const result = extractReadable(document, {
    purify: DOMPurify,
    glossary,
    markTerms: { firstOnly: true },
    charThreshold: 20,
  });
  const onClose = vi.fn();
  const { ServicesContext } = await import('../../../components/app/services');
  await act(() =>
    render(
      <ServicesContext.Provider value={services(withVoice)}>
        <ReadableView
          result={result}
          glossary={glossary}
          formOnly={false}
          t={t}
          onClose={onClose}
          reextract={
            live ? () => extractReadable(document, { purify: DOMPurify, charThreshold: 20 }) : undefined
          }
        />
      </ServicesContext.Provider>,
      container,
    ),
  );
  return { result, onClose };
}

const big = (name: string) =>
  container.querySelector<HTMLElement>(`[data-field-key$="name:${name}"]`) as HTMLElement;
const real = <T extends Element = HTMLInputElement>(selector: string) =>
  document.querySelector(selector) as unknown as T;

function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

beforeEach(() => {
  document.body.innerHTML = PAGE;
  container = document.createElement('div');
  container.setAttribute('data-pasapas-host', 'readable');
  document.body.append(container);
  submitted = 0;
  spoken = [];
  // The site's own checks, as on the demo: an error message under the field, the submit refused.
  real<HTMLFormElement>('#f').addEventListener('submit', (e) => {
    e.preventDefault();
    const nom = real('#nom');
    if (!nom.value) {
      nom.setAttribute('aria-invalid', 'true');
      const p = document.createElement('p');
      p.className = 'fr-message fr-message--error';
      p.textContent = 'Ce champ est obligatoire : « Nom de naissance ».';
      real('#nom-messages').replaceChildren(p);
      return;
    }
    submitted += 1;
  });
});
afterEach(async () => {
  await act(() => render(null, container));
});

describe('readable view', () => {
  test('shows the content and one big control per real field, with words explained', async () => {
    await show();
    expect(container.querySelector('h1')?.textContent).toBe('Votre demande');
    expect(container.querySelector('[data-testid="readable-content"]')?.textContent).toContain(
      'Remplissez ce formulaire',
    );
    expect(
      container.querySelector('[data-testid="readable-content"] button.pp-term[data-term-id="caf"]'),
    ).not.toBeNull();
    expect(big('nom').querySelector('label button.pp-term[data-term-id="nom-naissance"]')).not.toBeNull();
    expect(big('nom').querySelector('input')?.type).toBe('text');
    expect(big('mdp').querySelector('input')?.type).toBe('password');
    expect(big('situation').querySelector('select')?.options.length).toBe(2);
    expect(big('civ').querySelectorAll('input[type="radio"]').length).toBe(2);
    expect(big('ok').querySelector('input[type="checkbox"]')).not.toBeNull();
    // No control of the page itself in the view: only ours.
    expect(container.querySelector('#nom, #mdp, [name="nom"]')).toBeNull();
  });

  test('both ways: typing fills the real field; the site’s own changes come back', async () => {
    await show();
    type(big('nom').querySelector('input') as HTMLInputElement, 'Dupont');
    expect(real('#nom').value).toBe('Dupont');
    (big('situation').querySelector('select') as HTMLSelectElement).value = 'marie';
    big('situation')
      .querySelector('select')
      ?.dispatchEvent(new Event('change', { bubbles: true }));
    expect(real<HTMLSelectElement>('#situation').value).toBe('marie');
    (big('civ').querySelectorAll('input')[1] as HTMLInputElement).click();
    expect(real('#m').checked).toBe(true);
    (big('ok').querySelector('input') as HTMLInputElement).click();
    expect(real('#ok').checked).toBe(true);
    // The site changes a value itself (autofill, its own script).
    real('#nom').value = 'Durand';
    real('#nom').dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => expect((big('nom').querySelector('input') as HTMLInputElement).value).toBe('Durand'));
    real('#mme').click();
    await until(() =>
      expect((big('civ').querySelectorAll('input')[0] as HTMLInputElement).checked).toBe(true),
    );
  });

  test('a secret is written through to the page but never read back from it', async () => {
    await show();
    const secret = big('mdp').querySelector('input') as HTMLInputElement;
    type(secret, 'tres-secret');
    expect(real('#mdp').value).toBe('tres-secret');
    expect(secret.getAttribute('autocomplete')).toBe('off');
    real('#mdp').value = 'valeur-du-site';
    real('#mdp').dispatchEvent(new Event('input', { bubbles: true }));
    // Then the site changes an ordinary field: once that one shows, the view has handled the secret's event too.
    real('#nom').value = 'Durand';
    real('#nom').dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => expect((big('nom').querySelector('input') as HTMLInputElement).value).toBe('Durand'));
    expect(secret.value).toBe('tres-secret');
    expect(container.innerHTML).not.toContain('valeur-du-site');
  });

  test('the big "Suivant" clicks the real one; the site’s error shows by the big field, and focus goes there', async () => {
    await show();
    const next = [...container.querySelectorAll<HTMLButtonElement>('[data-action="readable-submit"]')].find(
      (b) => b.textContent === 'Suivant',
    );
    if (!next) throw new Error('no big Suivant');
    next.click();
    // The view looks again once the site had its say, then takes focus to the field in error.
    await until(() =>
      expect(container.querySelector('[data-testid="readable-summary"]')?.textContent).toBe(
        'Le site signale une erreur. Corrigez le champ marqué en rouge.',
      ),
    );
    await until(() => expect(document.activeElement).toBe(big('nom').querySelector('input')));
    expect(submitted).toBe(0);
    expect(big('nom').querySelector('[data-testid="readable-field-error"]')?.textContent).toContain(
      'Ce champ est obligatoire : « Nom de naissance ».',
    );
    expect(big('nom').querySelector('input')?.getAttribute('aria-invalid')).toBe('true');
    type(big('nom').querySelector('input') as HTMLInputElement, 'Dupont');
    next.click();
    await until(() => expect(submitted).toBe(1));
  });

  test('read aloud speaks the view’s own text, sentence by sentence; with no voice it says so', async () => {
    await show(true);
    (container.querySelector('[data-action="readable-read"]') as HTMLButtonElement).click();
    await until(() => expect(spoken[0]).toBe('Votre demande'));
    await act(() => render(null, container));
    spoken = [];
    await show(false);
    (container.querySelector('[data-action="readable-read"]') as HTMLButtonElement).click();
    // The message says the click was handled; only then does "nothing spoken" mean something.
    await until(() =>
      expect(container.querySelector('[data-testid="readable-speech-message"]')?.textContent).toBe(
        t('readable.noVoice'),
      ),
    );
    expect(spoken).toEqual([]);
  });

  test('a question the page reveals later joins the view, mirrored like the others', async () => {
    await show(true, true);
    expect(big('enfants')).toBeNull();
    const group = document.createElement('div');
    group.innerHTML =
      '<label for="enfants">Nombre d’enfants</label><input id="enfants" name="enfants" type="number">';
    real('#ok').after(group);
    await until(() => expect(big('enfants')?.querySelector('input') ?? null).not.toBeNull());
    const input = big('enfants')?.querySelector('input') as HTMLInputElement;
    expect(input.type).toBe('number');
    type(input, '3');
    expect(real('#enfants').value).toBe('3');
    // And goes when the page removes it.
    group.remove();
    await until(() => expect(big('enfants')).toBeNull());
    expect(big('nom')).not.toBeNull();
  });

  test('one question at a time: next/previous, the site’s buttons with the last one, errors bring their question back', async () => {
    await show();
    const toggle = container.querySelector('[data-action="readable-one-by-one"]') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    toggle.click();
    await until(() => expect(toggle.getAttribute('aria-pressed')).toBe('true'));
    const shown = () =>
      [...container.querySelectorAll('[data-field-key]')].map((el) =>
        el.getAttribute('data-field-key')?.split(':').pop(),
      );
    const step = () => container.querySelector('[data-testid="readable-step"]')?.textContent;
    const submit = () => container.querySelector<HTMLButtonElement>('[data-action="readable-submit"]');
    expect(shown()).toEqual(['nom']);
    expect(step()).toBe('Question 1 sur 5');
    expect(submit()).toBeNull();
    expect(
      (container.querySelector('[data-action="readable-prev-question"]') as HTMLButtonElement).disabled,
    ).toBe(true);
    (container.querySelector('[data-action="readable-next-question"]') as HTMLButtonElement).click();
    await until(() => expect(shown()).toEqual(['mdp']));
    expect(step()).toBe('Question 2 sur 5');
    await until(() => expect(document.activeElement).toBe(big('mdp').querySelector('input')));
    for (let i = 3; i <= 5; i++) {
      (container.querySelector('[data-action="readable-next-question"]') as HTMLButtonElement).click();
      await until(() => expect(step()).toBe(`Question ${i} sur 5`));
    }
    expect(shown()).toEqual(['ok']);
    expect(container.querySelector('[data-action="readable-next-question"]')).toBeNull();
    const next = submit();
    expect(next?.textContent).toBe('Suivant');
    next?.click();
    await until(() => expect(shown()).toEqual(['nom']));
    expect(submitted).toBe(0);
    expect(step()).toBe('Question 1 sur 5');
    await until(() => expect(document.activeElement).toBe(big('nom').querySelector('input')));
    expect(big('nom').querySelector('[data-testid="readable-field-error"]')).not.toBeNull();
  });

  test('the page’s error summary is at the top, its links take focus to the big fields, which still mirror', async () => {
    real('#f').insertAdjacentHTML(
      'afterbegin',
      `<div class="fr-alert fr-alert--error" role="alert"><h2 class="fr-alert__title">Il y a 3 erreurs</h2>
        <ul><li><a href="#nom">Indiquez votre nom de naissance</a></li><li><a href="#m">Choisissez votre civilité</a></li>
        <li>Le service est fermé le dimanche</li></ul></div>`,
    );
    await show();
    const box = container.querySelector('[data-testid="readable-page-errors"]') as HTMLElement;
    expect(box.querySelector('h2')?.textContent).toBe('Il y a 3 erreurs');
    // Before the page's text and its form.
    const content = container.querySelector('[data-testid="readable-content"]') as HTMLElement;
    expect(box.compareDocumentPosition(content) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const links = [...box.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).toEqual([
      'Indiquez votre nom de naissance',
      'Choisissez votre civilité',
    ]);
    // An entry that names no field stays plain text.
    expect(box.querySelectorAll('li')[2]?.textContent).toBe('Le service est fermé le dimanche');
    // Not a second time in the page's text.
    expect(content.textContent).not.toContain('Il y a 3 erreurs');
    const nom = big('nom').querySelector('input') as HTMLInputElement;
    expect(links[0]?.getAttribute('href')).toBe(`#${nom.id}`);
    links[0]?.click();
    await until(() => expect(document.activeElement).toBe(nom));
    type(nom, 'Dupont');
    expect(real('#nom').value).toBe('Dupont');
    links[1]?.click();
    await until(() => expect(document.activeElement).toBe(big('civ').querySelector('input')));
  });

  test('live: the summary the site adds on submit joins the view and leaves with it; a revealed question too; typed values stay', async () => {
    real<HTMLFormElement>('#f').addEventListener('submit', () => {
      real('#erreurs')?.remove();
      if (real('#nom').value) return;
      real('#f').insertAdjacentHTML(
        'afterbegin',
        '<div id="erreurs" class="govuk-error-summary"><h2>There is a problem</h2><ul><li><a href="#nom">Enter your name</a></li></ul></div>',
      );
    });
    await show(true, true);
    expect(container.querySelector('[data-testid="readable-page-errors"]')).toBeNull();
    const mdp = big('mdp').querySelector('input') as HTMLInputElement;
    type(mdp, 'secret-tape');
    const next = [...container.querySelectorAll<HTMLButtonElement>('[data-action="readable-submit"]')].find(
      (b) => b.textContent === 'Suivant',
    );
    next?.click();
    await until(() =>
      expect(container.querySelector('[data-testid="readable-page-errors"] a')?.textContent).toBe(
        'Enter your name',
      ),
    );
    // A question the script creates after the errors.
    const group = document.createElement('div');
    group.innerHTML = '<label for="enfants">Nombre d’enfants</label><input id="enfants" name="enfants">';
    real('#ok').after(group);
    await until(() => expect(big('enfants')).not.toBeNull());
    // What the person typed is still there, in the view and on the page.
    expect((big('mdp').querySelector('input') as HTMLInputElement).value).toBe('secret-tape');
    expect(real('#mdp').value).toBe('secret-tape');
    (container.querySelector('[data-testid="readable-page-errors"] a') as HTMLAnchorElement).click();
    const nom = big('nom').querySelector('input') as HTMLInputElement;
    await until(() => expect(document.activeElement).toBe(nom));
    type(nom, 'Dupont');
    next?.click();
    await until(() => expect(container.querySelector('[data-testid="readable-page-errors"]')).toBeNull());
    expect(submitted).toBe(1);
  });

  test('a checkbox group’s own hint and error are said once, under its legend, not on each box', async () => {
    real('#f').insertAdjacentHTML(
      'beforeend',
      `<fieldset aria-describedby="aides-hint aides-error"><legend>Vos aides</legend>
        <div id="aides-hint" class="govuk-hint">Cochez tout ce qui vous concerne.</div>
        <p id="aides-error" class="govuk-error-message">Cochez au moins une aide.</p>
        <input type="checkbox" id="a1" name="aide1"><label for="a1">Logement</label>
        <input type="checkbox" id="a2" name="aide2" aria-invalid="true" aria-describedby="aides-error"><label for="a2">Transport</label>
      </fieldset>`,
    );
    await show();
    const group = big('aide1').closest('fieldset') as HTMLFieldSetElement;
    expect(group.querySelector('legend')?.textContent).toBe('Vos aides');
    const described = (group.getAttribute('aria-describedby') ?? '').split(' ');
    expect(described.map((id) => container.querySelector(`[id="${id}"]`)?.textContent)).toEqual([
      'Cochez tout ce qui vous concerne.',
      'Erreur : Cochez au moins une aide.',
    ]);
    // Neither box repeats the group's words.
    for (const name of ['aide1', 'aide2']) {
      expect(big(name).querySelector('[data-testid="readable-field-error"]')).toBeNull();
      expect(big(name).textContent).not.toContain('Cochez');
    }
    // The box the site marked invalid still looks it.
    expect(big('aide2').querySelector('input')?.getAttribute('aria-invalid')).toBe('true');
  });

  test('a list where several options can be chosen is one box per option, both ways; a one-choice listbox is a select', async () => {
    real('#f').insertAdjacentHTML(
      'beforeend',
      `<label for="langues">Langues lues</label>
      <select id="langues" name="langues" multiple><option value="fr" selected>Français</option>
        <option value="ar">Arabe</option><option value="en">Anglais</option></select>
      <p id="jours-q">Jours où vous êtes joignable</p>
      <ul role="listbox" id="jours" tabindex="0" aria-multiselectable="true" aria-labelledby="jours-q">
        <li role="option" id="lun" aria-selected="true">Lundi</li><li role="option" id="mar" aria-selected="false">Mardi</li></ul>
      <p id="lieu-q">Lieu</p>
      <div role="listbox" id="lieu" tabindex="0" aria-labelledby="lieu-q">
        <div role="option" data-value="agence" aria-selected="false">À l’agence</div>
        <div role="option" data-value="tel" aria-selected="false">Par téléphone</div></div>`,
    );
    // The site's own listbox script: a click toggles an option (or picks the only one).
    for (const list of document.querySelectorAll('[role="listbox"]')) {
      list.addEventListener('click', (e) => {
        const option = (e.target as Element).closest('[role="option"]');
        if (!option) return;
        const multi = list.getAttribute('aria-multiselectable') === 'true';
        const on = option.getAttribute('aria-selected') !== 'true';
        if (!multi)
          for (const o of list.querySelectorAll('[role="option"]')) o.setAttribute('aria-selected', 'false');
        option.setAttribute('aria-selected', String(multi ? on : true));
      });
    }
    await show();
    const boxes = (name: string) => [
      ...big(name).querySelectorAll<HTMLInputElement>('input[type="checkbox"]'),
    ];
    expect(big('langues').querySelector('legend')?.textContent).toBe('Langues lues');
    expect(boxes('langues').map((b) => b.checked)).toEqual([true, false, false]);
    boxes('langues')[1]?.click();
    expect([...real<HTMLSelectElement>('#langues').selectedOptions].map((o) => o.value)).toEqual([
      'fr',
      'ar',
    ]);
    boxes('langues')[0]?.click();
    expect([...real<HTMLSelectElement>('#langues').selectedOptions].map((o) => o.value)).toEqual(['ar']);
    // The site changes its list itself: the boxes follow.
    (real<HTMLSelectElement>('#langues').options[2] as HTMLOptionElement).selected = true;
    real('#langues').dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => expect(boxes('langues').map((b) => b.checked)).toEqual([false, true, true]));

    const jours = [
      ...container.querySelectorAll('[data-field-key$="id:jours"] input[type="checkbox"]'),
    ] as HTMLInputElement[];
    expect(jours.map((b) => b.checked)).toEqual([true, false]);
    jours[1]?.click();
    expect(real('#mar').getAttribute('aria-selected')).toBe('true');
    expect(real('#lun').getAttribute('aria-selected')).toBe('true');

    const lieu = container.querySelector('[data-field-key$="id:lieu"] select') as HTMLSelectElement;
    expect([...lieu.options].map((o) => o.value)).toEqual(['', 'agence', 'tel']);
    lieu.value = 'tel';
    lieu.dispatchEvent(new Event('change', { bubbles: true }));
    expect(real('[data-value="tel"]').getAttribute('aria-selected')).toBe('true');
  });

  test('fields in a custom element’s open shadow root are shown at its place, mirrored, and followed as it changes', async () => {
    const host = document.createElement('saisie-adresse');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML =
      '<label for="cp">Code postal</label><span class="form-hint" id="cp-aide">5 chiffres</span><input id="cp" name="cp" aria-describedby="cp-aide">';
    real('#nom').after(host);
    await show(true, true);
    const keys = [...container.querySelectorAll('[data-field-key]')].map((el) =>
      el.getAttribute('data-field-key')?.split(':').pop(),
    );
    // Right after the field it follows on the page.
    expect(keys.slice(0, 2)).toEqual(['nom', 'cp']);
    expect(big('cp').textContent).toContain('5 chiffres');
    type(big('cp').querySelector('input') as HTMLInputElement, '69003');
    expect((root.querySelector('#cp') as HTMLInputElement).value).toBe('69003');
    // The component adds a field inside its root: the view follows.
    const more = document.createElement('p');
    more.innerHTML = '<label for="ville">Commune</label><input id="ville" name="ville">';
    root.append(more);
    await until(() => expect(big('ville')).not.toBeNull());
    expect((big('cp').querySelector('input') as HTMLInputElement).value).toBe('69003');
  });

  test('the back button closes the view', async () => {
    const { onClose } = await show();
    (container.querySelector('[data-action="readable-close"]') as HTMLButtonElement).click();
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
