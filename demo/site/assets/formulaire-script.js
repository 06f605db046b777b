/**
 * A form that exists only through the page's script, as on sites built with a framework: built after
 * load, a question created when a choice calls for it, and on submit a DSFR error summary at the top
 * (links to the fields) plus each field's own message. Nothing is sent: a valid answer is shown in
 * the page (`#recu`), which is what the end-to-end test reads. External file: no inline script.
 */

const FIELDS = [
  { name: 'nom', label: 'Nom', type: 'text', autocomplete: 'family-name', missing: 'Indiquez votre nom.' },
  {
    name: 'courriel',
    label: 'Adresse électronique',
    hint: 'Exemple : nom@exemple.fr',
    type: 'email',
    autocomplete: 'email',
    missing: 'Indiquez votre adresse électronique.',
    wrong: 'L’adresse électronique doit contenir un @, par exemple nom@exemple.fr.',
  },
];
const CHILDREN = {
  name: 'nombre_enfants',
  label: 'Nombre d’enfants à charge',
  type: 'text',
  inputmode: 'numeric',
  missing: 'Indiquez le nombre d’enfants à charge.',
  wrong: 'Le nombre d’enfants s’écrit en chiffres.',
};

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

function inputGroup(field) {
  const label = el('label', { class: 'fr-label', for: field.name }, field.label);
  if (field.hint) label.append(el('span', { class: 'fr-hint-text' }, field.hint));
  return el(
    'div',
    { class: 'fr-input-group', id: `${field.name}-group`, 'data-field': field.name },
    label,
    el('input', {
      class: 'fr-input',
      type: field.type,
      id: field.name,
      name: field.name,
      autocomplete: field.autocomplete,
      inputmode: field.inputmode,
      required: '',
      'aria-describedby': `${field.name}-messages`,
    }),
    el('div', { class: 'fr-messages-group', id: `${field.name}-messages`, 'aria-live': 'polite' }),
  );
}

function radios() {
  const options = [
    ['oui', 'Oui'],
    ['non', 'Non'],
  ].map(([value, text]) =>
    el(
      'div',
      { class: 'fr-fieldset__element' },
      el(
        'div',
        { class: 'fr-radio-group' },
        el('input', { type: 'radio', id: `enfants-${value}`, name: 'enfants', value }),
        el('label', { class: 'fr-label', for: `enfants-${value}` }, text),
      ),
    ),
  );
  return el(
    'fieldset',
    {
      class: 'fr-fieldset',
      id: 'enfants-group',
      'data-field': 'enfants',
      'aria-labelledby': 'enfants-legend',
    },
    el('legend', { class: 'fr-fieldset__legend', id: 'enfants-legend' }, 'Avez-vous des enfants à charge ?'),
    ...options,
  );
}

function problem(form, field) {
  const input = form.querySelector(`#${field.name}`);
  if (!input) return null;
  const value = input.value.trim();
  if (!value) return field.missing;
  if (field.type === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) return field.wrong;
  if (field.inputmode === 'numeric' && !/^\d{1,2}$/.test(value)) return field.wrong;
  return null;
}

function showFieldError(form, field, message) {
  const input = form.querySelector(`#${field.name}`);
  const group = form.querySelector(`#${field.name}-group`);
  const messages = form.querySelector(`#${field.name}-messages`);
  if (!input || !group || !messages) return;
  group.classList.toggle('fr-input-group--error', Boolean(message));
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
  messages.replaceChildren(...(message ? [el('p', { class: 'fr-message fr-message--error' }, message)] : []));
}

function build(zone) {
  const form = el('form', { id: 'demande', novalidate: '' });
  const fields = [...FIELDS];
  for (const field of FIELDS) form.append(inputGroup(field));
  const choice = radios();
  form.append(choice);
  const submit = el('button', { class: 'fr-btn', type: 'submit' }, 'Envoyer la demande');
  form.append(el('p', { class: 'fr-text--sm' }, 'Tous les champs sont obligatoires.'), submit);

  // A question created (not merely shown) when the answer calls for it, removed otherwise.
  choice.addEventListener('change', () => {
    const yes = form.querySelector('#enfants-oui')?.checked;
    const existing = form.querySelector(`#${CHILDREN.name}-group`);
    if (yes && !existing) {
      choice.after(inputGroup(CHILDREN));
      fields.push(CHILDREN);
    } else if (!yes && existing) {
      existing.remove();
      fields.splice(fields.indexOf(CHILDREN), 1);
    }
  });

  // A field in error is checked again when the person leaves it, as many sites do.
  form.addEventListener('focusout', (event) => {
    const field = fields.find((f) => f.name === event.target?.name);
    if (field && event.target.getAttribute('aria-invalid') === 'true')
      showFieldError(form, field, problem(form, field));
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    form.querySelector('#erreurs')?.remove();
    const wrong = [];
    for (const field of fields) {
      const message = problem(form, field);
      showFieldError(form, field, message);
      if (message) wrong.push([field, message]);
    }
    if (!form.querySelector('input[name="enfants"]:checked'))
      wrong.push([{ name: 'enfants-oui' }, 'Dites si vous avez des enfants à charge.']);
    if (wrong.length > 0) {
      const summary = el(
        'div',
        { class: 'fr-alert fr-alert--error fr-mb-3w', id: 'erreurs', role: 'alert', tabindex: '-1' },
        el(
          'h2',
          { class: 'fr-alert__title' },
          wrong.length === 1
            ? 'Le formulaire contient 1 erreur'
            : `Le formulaire contient ${wrong.length} erreurs`,
        ),
        el(
          'ul',
          {},
          ...wrong.map(([field, message]) => el('li', {}, el('a', { href: `#${field.name}` }, message))),
        ),
      );
      form.prepend(summary);
      summary.focus();
      return;
    }
    const values = Object.fromEntries(new FormData(form));
    zone.replaceChildren(
      el(
        'div',
        { class: 'fr-alert fr-alert--success', id: 'recu' },
        el('h2', { class: 'fr-alert__title' }, 'Demande reçue par le site de démonstration'),
        el('p', { id: 'recu-valeurs' }, JSON.stringify(values)),
      ),
    );
  });

  zone.replaceChildren(form);
  zone.removeAttribute('aria-busy');
}

// Built after load, on the next task, as a framework would after fetching its data.
const start = () => setTimeout(() => build(document.getElementById('formulaire-zone')), 200);
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
