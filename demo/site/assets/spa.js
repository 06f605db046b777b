/**
 * Procedure 2, "Tarif social de la cantine (démo)": a single-page app with history.pushState
 * routes (/spa/, /spa/foyer, /spa/impots, /spa/fin). It exercises what makes SPAs hard for
 * helpers: fields that appear late (the tax step waits 400 ms like a slow API), a field inside an
 * open shadow root (<demo-ecole-picker>), and a submission by fetch instead of a page load.
 */
import { checkValue } from './checks.js';
import './ecole-picker.js';
import { validateForm, watchFields } from './validation.js';

const TITLE = 'Tarif social de la cantine (démo)';
const STEPS = [
  { route: '/spa/foyer', title: 'Votre enfant' },
  { route: '/spa/impots', title: 'Votre avis d’impôt' },
  { route: '/spa/fin', title: 'Vérifier et envoyer' },
];

const FIELDS = {
  nom_enfant: {
    name: 'nom_enfant',
    label: 'Nom et prénom de l’enfant',
    kind: 'text',
    hint: 'Exemple : Léa Martin',
  },
  ecole: { name: 'ecole', label: 'École', kind: 'text' },
  numero_fiscal: {
    name: 'numero_fiscal',
    label: 'Numéro fiscal',
    kind: 'text',
    check: 'fiscal-number',
    hint: '13 chiffres, en haut de votre avis d’impôt',
    inputmode: 'numeric',
  },
  reference_avis: {
    name: 'reference_avis',
    label: 'Référence de l’avis d’impôt',
    kind: 'text',
    check: 'tax-reference',
    hint: '13 caractères, sous le numéro fiscal',
  },
  revenu_fiscal_reference: {
    name: 'revenu_fiscal_reference',
    label: 'Revenu fiscal de référence',
    kind: 'text',
    check: 'amount',
    hint: 'En euros, écrit sur votre avis d’impôt',
    inputmode: 'numeric',
  },
  nombre_parts: {
    name: 'nombre_parts',
    label: 'Nombre de parts',
    kind: 'text',
    check: 'parts',
    hint: 'Écrit sur votre avis d’impôt. Exemple : 2,5',
    inputmode: 'decimal',
  },
};

// The app's state lives in memory only, like many real SPAs: a reload starts over.
const values = {};
const app = document.getElementById('app');
let renderToken = 0;

function esc(value) {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function href(route) {
  return route + location.search;
}

function navigate(route) {
  history.pushState({}, '', href(route));
  render();
}

function stepper(index) {
  const step = STEPS[index];
  const next = STEPS[index + 1];
  return `<div class="fr-stepper">
  <h2 class="fr-stepper__title">${esc(step.title)}
    <span class="fr-stepper__state">Étape ${index + 1} sur ${STEPS.length}</span>
  </h2>
  <div class="fr-stepper__steps" data-fr-current-step="${index + 1}" data-fr-steps="${STEPS.length}"></div>
  ${next ? `<p class="fr-stepper__details"><span class="fr-text--bold">Étape suivante :</span> ${esc(next.title)}</p>` : ''}
</div>`;
}

function inputHtml(field) {
  const id = field.name;
  return `<div class="fr-fieldset__element">
  <div class="fr-input-group" data-field="${id}" id="${id}-group">
    <label class="fr-label" for="${id}">${esc(field.label)}${field.hint ? `\n      <span class="fr-hint-text">${esc(field.hint)}</span>` : ''}
    </label>
    <input class="fr-input" type="text" id="${id}" name="${id}" value="${esc(values[id] ?? '')}" required aria-required="true" aria-describedby="${id}-messages"${
      field.check ? ` data-check="${field.check}"` : ''
    }${field.inputmode ? ` inputmode="${field.inputmode}"` : ''} autocomplete="off">
    <div class="fr-messages-group" id="${id}-messages" aria-live="polite"></div>
  </div>
</div>`;
}

function navButtons(prevRoute, nextLabel) {
  return `<ul class="fr-btns-group fr-btns-group--inline-md demo-nav">
  <li><a class="fr-btn fr-btn--secondary" href="${esc(href(prevRoute))}" data-spa-link>Précédent</a></li>
  <li><button class="fr-btn" type="submit">${esc(nextLabel)}</button></li>
</ul>`;
}

function stepForm(index, inner) {
  return `${stepper(index)}
<form novalidate data-error-style="modern" data-spa-step="${STEPS[index].route}">
  <p class="fr-text--sm">Tous les champs sont obligatoires.</p>
  <fieldset class="fr-fieldset" aria-labelledby="step-legend">
    <legend class="fr-fieldset__legend" id="step-legend">${esc(STEPS[index].title)}</legend>
    ${inner}
  </fieldset>
  ${navButtons(index === 0 ? '/spa/' : STEPS[index - 1].route, 'Suivant')}
</form>`;
}

function bindForm(form, nextRoute, { picker } = {}) {
  watchFields(form);
  form.addEventListener('input', (event) => {
    const target = event.target;
    if (target?.name) values[target.name] = target.value;
    if (target === picker) values.ecole = picker.value;
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    let first = validateForm(form);
    if (picker) {
      const message = checkValue(FIELDS.ecole, picker.value.trim());
      picker.setError(message ?? '');
      if (message) first ??= picker;
      values.ecole = picker.value.trim();
    }
    for (const input of form.querySelectorAll('input[name]')) values[input.name] = input.value.trim();
    if (first) {
      first.focus();
      return;
    }
    navigate(nextRoute);
  });
}

function renderHome() {
  app.innerHTML = `<p class="fr-text--lead">Cette démarche fictive imite une demande de tarif réduit pour la cantine scolaire.
Rien n’est envoyé à une administration.</p>
<h2>Les documents à préparer</h2>
<ul class="demo-documents">
  <li>Votre dernier avis d’impôt sur le revenu (avis d’imposition)</li>
</ul>
<p><a class="fr-btn" href="${esc(href(STEPS[0].route))}" data-spa-link>Commencer la démarche</a></p>`;
  document.title = `${TITLE} — Accueil`;
}

function renderFoyer() {
  app.innerHTML = stepForm(
    0,
    `${inputHtml(FIELDS.nom_enfant)}
    <div class="fr-fieldset__element"><demo-ecole-picker data-field-host="ecole"></demo-ecole-picker></div>`,
  );
  const picker = app.querySelector('demo-ecole-picker');
  picker.value = values.ecole ?? '';
  bindForm(app.querySelector('form'), STEPS[1].route, { picker });
}

function renderImpots(token) {
  // The fields arrive late, as if fetched from a slow API.
  app.innerHTML = `${stepper(1)}<p class="demo-loading" role="status">Chargement des questions…</p>`;
  setTimeout(() => {
    if (token !== renderToken) return;
    const inner = ['numero_fiscal', 'reference_avis', 'revenu_fiscal_reference', 'nombre_parts']
      .map((n) => inputHtml(FIELDS[n]))
      .join('\n');
    app.innerHTML = stepForm(1, inner);
    bindForm(app.querySelector('form'), STEPS[2].route);
  }, 400);
}

function renderFin() {
  const rows = Object.values(FIELDS)
    .map(
      (f) =>
        `<div class="demo-summary__row"><dt>${esc(f.label)}</dt><dd data-summary-field="${f.name}">${esc(
          values[f.name] || 'Non renseigné',
        )}</dd></div>`,
    )
    .join('\n');
  app.innerHTML = `${stepper(2)}
<h2 class="fr-h4">Vérifiez vos réponses</h2>
<dl class="demo-summary">${rows}</dl>
<div id="spa-errors"></div>
<form novalidate data-spa-step="/spa/fin">
  ${navButtons(STEPS[1].route, 'Envoyer la demande')}
</form>`;
  const form = app.querySelector('form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const response = await fetch('/demo-api/spa-submit', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ values }),
      });
      const result = await response.json();
      if (result.ok) {
        app.innerHTML = `<div class="fr-alert fr-alert--success" id="spa-done" tabindex="-1">
  <h2 class="fr-alert__title">Votre demande est bien envoyée</h2>
  <p>Numéro de dossier (fictif) : <strong id="numero-dossier">${esc(result.dossier)}</strong></p>
</div>`;
        document.getElementById('spa-done')?.focus();
        return;
      }
      const items = Object.entries(result.errors ?? {})
        .map(([name, message]) => {
          const route = ['nom_enfant', 'ecole'].includes(name) ? STEPS[0].route : STEPS[1].route;
          return `<li><a href="${esc(href(route))}" data-spa-link>${esc(message)}</a></li>`;
        })
        .join('');
      const box = document.getElementById('spa-errors');
      box.innerHTML = `<div class="fr-alert fr-alert--error fr-mb-4w" tabindex="-1"><h3 class="fr-alert__title">La demande n’est pas complète</h3><ul>${items}</ul></div>`;
      box.firstElementChild?.focus();
    } catch {
      document.getElementById('spa-errors').innerHTML =
        '<div class="fr-alert fr-alert--error fr-mb-4w"><p>Le serveur ne répond pas. Réessayez dans un moment.</p></div>';
    } finally {
      button.disabled = false;
    }
  });
}

function render() {
  renderToken += 1;
  const route = location.pathname.replace(/\/+$/, '') || '/spa';
  if (route === '/spa') renderHome();
  else if (route === '/spa/foyer') renderFoyer();
  else if (route === '/spa/impots') renderImpots(renderToken);
  else if (route === '/spa/fin') renderFin();
  else
    app.innerHTML =
      '<p>Cette page n’existe pas.</p><p><a class="fr-link" href="/spa/" data-spa-link>Retour au début</a></p>';
  const step = STEPS.find((s) => s.route === route);
  if (step) document.title = `${step.title} — ${TITLE}`;
}

document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-spa-link]') : null;
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(new URL(link.href).pathname);
});
window.addEventListener('popstate', render);
render();
