/**
 * HTML for the demo site: the shared header/banner/footer and the server-rendered pages of the
 * multi-page procedures (DSFR markup, both the modern and the older error styles, as real sites
 * mix them). No inline script, no inline style: the CSP page must work with the same markup.
 */

export const SITE_TITLE = "Caisse d'aide au logement — DÉMO, site fictif";
export const BANNER_TEXT = "Démo — site fictif : aucune donnée n'est envoyée à une administration";
// In <head>, without defer: the person's comfort settings apply before the first paint (see README).
// The site's own guides come from its own origin (data-catalog): the widget shows them as « Guide de
// ce site ». data-catalog comes after data-lang: a test that adds its own catalog after data-lang
// puts it first, and the first of two same attributes is the one the browser keeps. Its help places
// come from its own origin too (data-places, after data-lang for the same reason).
// data-twoddoc-demo-key: this demo's widget trusts the demo's 2D-Doc test key (a fictitious issuer whose
// private key is public); the shipped product never does (utils/twoddoc/trust.ts).
export const WIDGET_TAG =
  '<script src="/pasapas/widget.js" data-features="comfort,speech,readable,guides,ocr,progress,infos" data-lang="fr" data-catalog="/demo-guides/index.json" data-places="/demo-places/lieux-mediation-numerique-demo.csv" data-twoddoc-demo-key="true"></script>';

// The same tag as an administration's staff site would have it: the guide studio's recorder on
// (data-studio="true", read on this tag only). `npm start` serves it with PASAPAS_STUDIO=1; never
// chosen by a page's address, so a link cannot turn the recorder on.
export const STUDIO_WIDGET_TAG = WIDGET_TAG.replace(' data-lang=', ' data-studio="true" data-lang=');

export function escapeHtml(value) {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const e = escapeHtml;

export function headerHtml() {
  return `<div class="fr-skiplinks">
  <nav class="fr-container" aria-label="Accès rapide">
    <ul class="fr-skiplinks__list">
      <li><a class="fr-link" href="#contenu">Aller au contenu</a></li>
      <li><a class="fr-link" href="#pied-de-page">Aller au pied de page</a></li>
    </ul>
  </nav>
</div>
<header class="fr-header demo-header">
  <div class="fr-header__body">
    <div class="fr-container">
      <div class="fr-header__body-row">
        <div class="fr-header__brand">
          <div class="fr-header__service">
            <a href="/" title="Accueil — ${e(SITE_TITLE)}">
              <p class="fr-header__service-title">${e(SITE_TITLE)}</p>
            </a>
            <p class="fr-header__service-tagline">Site d’essai de Pas à pas. Ce n’est pas un site de l’État.</p>
          </div>
        </div>
      </div>
    </div>
  </div>
  <div class="fr-notice fr-notice--warning demo-banner">
    <div class="fr-container">
      <div class="fr-notice__body">
        <p class="fr-notice__title">${e(BANNER_TEXT)}</p>
      </div>
    </div>
  </div>
</header>`;
}

export function footerHtml() {
  return `<footer class="fr-footer" id="pied-de-page">
  <div class="fr-container">
    <div class="fr-footer__body">
      <div class="fr-footer__content">
        <p class="fr-footer__content-desc">
          Ce site est une démonstration du projet Pas à pas. L’administration, les démarches et les numéros de
          dossier sont inventés. Les informations saisies restent sur l’ordinateur qui fait tourner la démo.
        </p>
      </div>
    </div>
  </div>
</footer>`;
}

/** A whole page around `main`; the markers are filled in by the server like for static pages. */
export function documentHtml({ title, main, bodyClass = '', scripts = [] }) {
  const scriptTags = scripts.map((src) => `<script type="module" src="${e(src)}"></script>`).join('\n');
  return `<!doctype html>
<html lang="fr" data-fr-scheme="light">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} — ${e(SITE_TITLE)}</title>
<link rel="stylesheet" href="/dsfr/dsfr.min.css">
<link rel="stylesheet" href="/dsfr/utility/icons/icons.min.css">
<link rel="stylesheet" href="/assets/site.css">
${scriptTags}
<!-- pasapas-widget -->
</head>
<body${bodyClass ? ` class="${e(bodyClass)}"` : ''}>
<!-- demo-header -->
<main id="contenu" tabindex="-1">
<div class="fr-container fr-my-6w">
${main}
</div>
</main>
<!-- demo-footer -->
</body>
</html>
`;
}

/** Keeps `?widget=0` on links and redirects, so a test that opted out stays opted out. */
export function keepQuery(href, query) {
  if (!query) return href;
  return href + (href.includes('?') ? '&' : '?') + query;
}

function fieldId(field) {
  return field.name;
}

function hintHtml(field) {
  return field.hint ? `\n      <span class="fr-hint-text">${e(field.hint)}</span>` : '';
}

function labelText(field) {
  return field.required === false ? `${field.label} (facultatif)` : field.label;
}

function requiredAttrs(field, alreadyHasFile = false) {
  if (field.required === false || alreadyHasFile) return '';
  return ' required aria-required="true"';
}

/** The error message block, modern (fr-messages-group) or older (fr-error-text). */
function messagesHtml(id, error, style) {
  if (style === 'legacy') {
    return error ? `\n    <p id="${id}-desc-error" class="fr-error-text">${e(error)}</p>` : '';
  }
  const message = error
    ? `<p class="fr-message fr-message--error" id="${id}-message-error">${e(error)}</p>`
    : '';
  return `\n    <div class="fr-messages-group" id="${id}-messages" aria-live="polite">${message}</div>`;
}

function describedBy(id, error, style) {
  if (style === 'legacy') return error ? ` aria-describedby="${id}-desc-error"` : '';
  return ` aria-describedby="${id}-messages"`;
}

function textFieldHtml(field, value, error, style) {
  const id = fieldId(field);
  const type = field.kind === 'number' ? 'number' : field.kind;
  const attrs = [
    `class="fr-input${error ? ' fr-input--error' : ''}"`,
    `type="${type}"`,
    `id="${id}"`,
    `name="${e(field.name)}"`,
  ];
  // Passwords are never sent back into the page, like real sites do.
  if (field.kind !== 'password' && value) attrs.push(`value="${e(value)}"`);
  if (field.autocomplete) attrs.push(`autocomplete="${e(field.autocomplete)}"`);
  if (field.inputmode) attrs.push(`inputmode="${e(field.inputmode)}"`);
  if (field.min !== undefined) attrs.push(`min="${field.min}"`);
  if (field.max !== undefined) attrs.push(`max="${field.max}"`);
  if (field.check) attrs.push(`data-check="${e(field.check)}"`);
  if (field.sameAs) attrs.push(`data-same-as="${e(field.sameAs)}"`);
  if (error) attrs.push('aria-invalid="true"');
  return `<div class="fr-fieldset__element">
  <div class="fr-input-group${error ? ' fr-input-group--error' : ''}" id="${id}-group" data-field="${e(field.name)}">
    <label class="fr-label" for="${id}">${e(labelText(field))}${hintHtml(field)}
    </label>
    <input ${attrs.join(' ')}${requiredAttrs(field)}${describedBy(id, error, style)}>${messagesHtml(id, error, style)}
  </div>
</div>`;
}

function selectFieldHtml(field, value, error, style) {
  const id = fieldId(field);
  const options = field.options
    .map(([v, label]) => `<option value="${e(v)}"${v === value ? ' selected' : ''}>${e(label)}</option>`)
    .join('\n      ');
  return `<div class="fr-fieldset__element">
  <div class="fr-select-group${error ? ' fr-select-group--error' : ''}" id="${id}-group" data-field="${e(field.name)}">
    <label class="fr-label" for="${id}">${e(labelText(field))}${hintHtml(field)}
    </label>
    <select class="fr-select${error ? ' fr-select--error' : ''}" id="${id}" name="${e(field.name)}"${requiredAttrs(field)}${
      error ? ' aria-invalid="true"' : ''
    }${describedBy(id, error, style)}>
      <option value=""${value ? '' : ' selected'} disabled>Sélectionner une option</option>
      ${options}
    </select>${messagesHtml(id, error, style)}
  </div>
</div>`;
}

function radioFieldHtml(field, value, error, style) {
  const id = fieldId(field);
  const labelledBy =
    style === 'legacy' ? `${id}-legend${error ? ` ${id}-desc-error` : ''}` : `${id}-legend ${id}-messages`;
  const items = field.options
    .map(
      ([v, label]) => `<div class="fr-fieldset__element fr-fieldset__element--inline">
      <div class="fr-radio-group">
        <input type="radio" id="${id}-${e(v)}" name="${e(field.name)}" value="${e(v)}"${v === value ? ' checked' : ''}${requiredAttrs(field)}>
        <label class="fr-label" for="${id}-${e(v)}">${e(label)}</label>
      </div>
    </div>`,
    )
    .join('\n    ');
  return `<div class="fr-fieldset__element">
<fieldset class="fr-fieldset${error ? ' fr-fieldset--error' : ''}" id="${id}" role="radiogroup" aria-labelledby="${labelledBy}" data-field="${e(field.name)}">
    <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="${id}-legend">${e(labelText(field))}${hintHtml(field)}</legend>
    ${items}${messagesHtml(id, error, style)}
</fieldset>
</div>`;
}

function checkboxFieldHtml(field, value, error, style) {
  const id = fieldId(field);
  return `<div class="fr-fieldset__element">
  <div class="fr-checkbox-group${error ? ' fr-checkbox-group--error' : ''}" id="${id}-group" data-field="${e(field.name)}">
    <input type="checkbox" id="${id}" name="${e(field.name)}" value="${e(field.value ?? 'oui')}"${
      value ? ' checked' : ''
    }${requiredAttrs(field)}${error ? ' aria-invalid="true"' : ''}${describedBy(id, error, style)}>
    <label class="fr-label" for="${id}">${e(field.label)}</label>${messagesHtml(id, error, style)}
  </div>
</div>`;
}

export function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} octets`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} ko`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} Mo`;
}

function fileFieldHtml(field, received, error, style) {
  const id = fieldId(field);
  const already = received
    ? `\n    <p class="fr-text--sm fr-mb-1w demo-received" id="${id}-received">Fichier déjà reçu : ${e(received.name)} (${e(
        formatSize(received.size),
      )}). Vous pouvez le remplacer.</p>`
    : '';
  const described = style === 'legacy' ? describedBy(id, error, style) : ` aria-describedby="${id}-messages"`;
  return `<div class="fr-fieldset__element">
  <div class="fr-upload-group${error ? ' fr-upload-group--error' : ''}" id="${id}-group" data-field="${e(field.name)}">
    <label class="fr-label" for="${id}">${e(labelText(field))}${hintHtml(field)}
    </label>${already}
    <input class="fr-upload" type="file" id="${id}" name="${e(field.name)}" accept="${e(field.accept)}"${requiredAttrs(
      field,
      Boolean(received),
    )}${received ? ' data-received="1"' : ''}${error ? ' aria-invalid="true"' : ''}${described}>${messagesHtml(id, error, style)}
  </div>
</div>`;
}

/** The same-origin iframe holding `metier_recherche` (procedure 3, page 3). */
function iframeHtml(iframe, error, query) {
  const src = keepQuery(iframe.src + (error ? '?erreur=1' : ''), query);
  return `<div class="fr-fieldset__element demo-iframe-field" data-iframe-field="${e(iframe.field)}">
  <p class="fr-text--sm">Le métier recherché se remplit dans l’outil CV ci-dessous.</p>
  <iframe class="demo-cv-frame" src="${e(src)}" title="${e(iframe.title)}" data-relay="${e(iframe.field)}"></iframe>
  <div class="fr-messages-group" id="${e(iframe.field)}-messages" aria-live="polite">${
    error
      ? `<p class="fr-message fr-message--error" id="${e(iframe.field)}-message-error">${e(error)}</p>`
      : ''
  }</div>
</div>`;
}

export function fieldHtml(field, { values, errors, files, style, query, iframe }) {
  const value = values[field.name] ?? '';
  const error = errors[field.name];
  switch (field.kind) {
    case 'select':
      return selectFieldHtml(field, value, error, style);
    case 'radio':
      return radioFieldHtml(field, value, error, style);
    case 'checkbox':
      return checkboxFieldHtml(field, value, error, style);
    case 'file':
      return fileFieldHtml(field, files[field.name], error, style);
    case 'hidden':
      return iframe && iframe.field === field.name ? iframeHtml(iframe, error, query) : '';
    default:
      return textFieldHtml(field, value, error, style);
  }
}

function stepperHtml(procedure, index) {
  const page = procedure.pages[index];
  const next = procedure.pages[index + 1];
  const total = procedure.pages.length;
  return `<div class="fr-stepper">
  <h2 class="fr-stepper__title">
    ${e(page.title)}
    <span class="fr-stepper__state">Étape ${index + 1} sur ${total}</span>
  </h2>
  <div class="fr-stepper__steps" data-fr-current-step="${index + 1}" data-fr-steps="${total}"></div>${
    next
      ? `\n  <p class="fr-stepper__details"><span class="fr-text--bold">Étape suivante :</span> ${e(next.title)}</p>`
      : ''
  }
</div>`;
}

function errorSummaryHtml(errors, fields, extra = []) {
  const items = [];
  for (const field of fields) {
    const message = errors[field.name];
    if (!message) continue;
    const anchor = field.kind === 'radio' ? `${field.name}-${field.options[0][0]}` : field.name;
    items.push(`<li><a href="#${e(anchor)}">${e(field.label)} : ${e(message)}</a></li>`);
  }
  items.push(...extra);
  if (items.length === 0) return '';
  const count = items.length;
  return `<div class="fr-alert fr-alert--error fr-mb-4w demo-error-summary" id="erreurs" tabindex="-1">
  <h3 class="fr-alert__title">${count === 1 ? 'Il y a 1 erreur' : `Il y a ${count} erreurs`} dans le formulaire</h3>
  <ul>
    ${items.join('\n    ')}
  </ul>
</div>`;
}

function displayValue(field, values, files) {
  if (field.kind === 'file') {
    const file = files[field.name];
    return file ? `${file.name} (${formatSize(file.size)})` : 'Aucun fichier';
  }
  const value = values[field.name];
  if (value === undefined || value === '') return 'Non renseigné';
  if (field.sensitive) return '••••••••';
  if (field.options) return field.options.find(([v]) => v === value)?.[1] ?? value;
  return value;
}

/** The summary of everything already given (the final page of each procedure). */
export function summaryHtml(procedure, upTo, values, files, query) {
  const sections = procedure.pages.slice(0, upTo).map((page) => {
    const rows = page.fields
      .filter((f) => !(f.kind === 'hidden' && !page.iframe))
      .map(
        (f) =>
          `<div class="demo-summary__row"><dt>${e(f.label)}</dt><dd data-summary-field="${e(f.name)}">${e(
            displayValue(f, values, files),
          )}</dd></div>`,
      )
      .join('\n      ');
    return `<section class="fr-mb-4w demo-summary__section">
    <h3 class="fr-h5">${e(page.title)}</h3>
    <dl class="demo-summary">
      ${rows}
    </dl>
    <p><a class="fr-link fr-icon-edit-line fr-link--icon-left" href="${e(keepQuery(`${page.slug}.html`, query))}">Modifier : ${e(
      page.title.toLowerCase(),
    )}</a></p>
  </section>`;
  });
  return `<div class="demo-summary-block">
  <h2 class="fr-h4">Vérifiez vos réponses</h2>
  ${sections.join('\n  ')}
</div>`;
}

/**
 * One page of a multi-page procedure.
 * ctx: { values, errors, files, query, missing: [{ slug, title }] }
 */
export function procedurePageHtml(procedure, index, ctx) {
  const page = procedure.pages[index];
  const style = page.errorStyle;
  const isLast = index === procedure.pages.length - 1;
  const hasFiles = page.fields.some((f) => f.kind === 'file');
  const prevHref = index === 0 ? './' : `${procedure.pages[index - 1].slug}.html`;
  const missingItems = (ctx.missing ?? []).map(
    (m) =>
      `<li><a href="${e(keepQuery(`${m.slug}.html`, ctx.query))}">Étape « ${e(m.title)} » : des informations manquent ou sont à corriger.</a></li>`,
  );
  const visible = page.fields.filter((f) => f.kind !== 'hidden' || page.iframe?.field === f.name);
  const fieldsHtml = visible.map((f) => fieldHtml(f, { ...ctx, style, iframe: page.iframe })).join('\n');
  const anyRequired = visible.some((f) => f.required !== false);
  const anyOptional = visible.some((f) => f.required === false);
  const mention = anyRequired
    ? `<p class="fr-text--sm demo-required-mention">${
        anyOptional
          ? 'Tous les champs sont obligatoires, sauf ceux marqués « facultatif ».'
          : 'Tous les champs sont obligatoires.'
      }</p>`
    : '';
  const main = `<h1>${e(procedure.title)}</h1>
${stepperHtml(procedure, index)}
${errorSummaryHtml(ctx.errors, page.fields, missingItems)}
${page.summary ? summaryHtml(procedure, index, ctx.values, ctx.files, ctx.query) : ''}
<form method="post" action="${e(keepQuery(`${page.slug}.html`, ctx.query))}" novalidate data-demo-validate data-error-style="${style}"${
    hasFiles ? ' enctype="multipart/form-data"' : ''
  }>
  ${mention}
  <fieldset class="fr-fieldset" aria-labelledby="form-title">
    <legend class="fr-fieldset__legend" id="form-title">${e(page.title)}</legend>
${fieldsHtml}
  </fieldset>
  <ul class="fr-btns-group fr-btns-group--inline-md demo-nav">
    <li><a class="fr-btn fr-btn--secondary" href="${e(keepQuery(prevHref, ctx.query))}">Précédent</a></li>
    <li><button class="fr-btn" type="submit">${e(isLast ? procedure.submitLabel : 'Suivant')}</button></li>
  </ul>
</form>`;
  const errorCount = Object.keys(ctx.errors).length + missingItems.length;
  return documentHtml({
    title: `${errorCount ? 'Erreur : ' : ''}${page.title} — Étape ${index + 1} sur ${procedure.pages.length}`,
    main,
    scripts: ['/assets/validation.js'],
  });
}

export function introPageHtml(procedure, query) {
  const docs = procedure.documents.map((d) => `<li>${e(d)}</li>`).join('\n    ');
  const steps = procedure.pages.map((p) => `<li>${e(p.title)}</li>`).join('\n    ');
  const main = `<h1>${e(procedure.title)}</h1>
<p class="fr-text--lead">${e(procedure.intro)}</p>
<h2>Les étapes</h2>
<ol>
    ${steps}
</ol>
<h2>Les documents à préparer</h2>
<ul class="demo-documents">
    ${docs}
</ul>
<p><a class="fr-btn" href="${e(keepQuery(`${procedure.pages[0].slug}.html`, query))}">Commencer la démarche</a></p>`;
  return documentHtml({ title: procedure.title, main });
}

export function confirmationPageHtml(procedure, dossier, query) {
  const main = dossier
    ? `<h1>${e(procedure.title)}</h1>
<div class="fr-alert fr-alert--success fr-mb-4w">
  <h2 class="fr-alert__title">Votre demande est bien envoyée</h2>
  <p>Numéro de dossier (fictif) : <strong id="numero-dossier">${e(dossier)}</strong></p>
</div>
<p>Gardez ce numéro. Ceci est une démonstration : aucune administration ne recevra cette demande.</p>
<p><a class="fr-link" href="/">Retour à l’accueil</a></p>`
    : `<h1>${e(procedure.title)}</h1>
<p>Aucune demande n’a encore été envoyée.</p>
<p><a class="fr-btn" href="${e(keepQuery('./', query))}">Commencer la démarche</a></p>`;
  return documentHtml({ title: dossier ? 'Demande envoyée' : procedure.title, main });
}

export function cvFrameHtml({ value, error, saved }) {
  const id = 'metier_recherche';
  const message = error
    ? `<p class="fr-message fr-message--error" id="${id}-message-error">${e(error)}</p>`
    : saved
      ? '<p class="fr-message fr-message--valid">Métier enregistré.</p>'
      : '';
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Outil CV — métier recherché (démo)</title>
<link rel="stylesheet" href="/dsfr/dsfr.min.css">
<link rel="stylesheet" href="/assets/site.css">
<script type="module" src="/assets/cv-frame.js"></script>
</head>
<body class="demo-frame">
<form method="post" action="/emploi/cv-frame.html" novalidate>
  <div class="fr-input-group${error ? ' fr-input-group--error' : ''}" id="${id}-group">
    <label class="fr-label" for="${id}">Métier recherché
      <span class="fr-hint-text">Exemple : aide-soignante, cariste, boulanger</span>
    </label>
    <input class="fr-input${error ? ' fr-input--error' : ''}" type="text" id="${id}" name="${id}" value="${e(
      value,
    )}" required aria-required="true" aria-describedby="${id}-messages"${error ? ' aria-invalid="true"' : ''}>
    <div class="fr-messages-group" id="${id}-messages" aria-live="polite">${message}</div>
  </div>
  <button class="fr-btn fr-btn--sm fr-btn--tertiary demo-frame-save" type="submit">Enregistrer le métier</button>
</form>
</body>
</html>
`;
}

export function notFoundHtml(path) {
  return documentHtml({
    title: 'Page introuvable',
    main: `<h1>Page introuvable</h1>
<p>La page <code>${e(path)}</code> n’existe pas sur ce site de démonstration.</p>
<p><a class="fr-link" href="/">Retour à l’accueil</a></p>`,
  });
}

export function errorPageHtml(title, text) {
  return documentHtml({
    title,
    main: `<h1>${e(title)}</h1>
<p>${e(text)}</p>
<p><a class="fr-link" href="/">Retour à l’accueil</a></p>`,
  });
}
