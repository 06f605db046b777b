/**
 * The demo site's own client-side validation (not Pas à pas's): on blur and on submit, with the
 * same checks as the server and the same DSFR error markup, in the modern (fr-messages-group) or
 * the older (fr-error-text) style chosen by the form's data-error-style.
 * An external module: no inline script, so it also runs under the strict CSP page.
 */
import { checkValue } from './checks.js';

const GROUP_ERROR = [
  ['fr-input-group', 'fr-input-group--error'],
  ['fr-select-group', 'fr-select-group--error'],
  ['fr-upload-group', 'fr-upload-group--error'],
  ['fr-checkbox-group', 'fr-checkbox-group--error'],
  ['fr-fieldset', 'fr-fieldset--error'],
];

function kindOf(control) {
  if (control.tagName === 'SELECT') return 'select';
  const type = (control.getAttribute('type') || 'text').toLowerCase();
  return ['radio', 'checkbox', 'file'].includes(type) ? type : 'text';
}

function groupOf(control) {
  return control.closest('[data-field]');
}

function labelOf(control) {
  if (kindOf(control) === 'radio') {
    const legend = groupOf(control)?.querySelector('legend');
    return (legend?.firstChild?.textContent || '').trim();
  }
  const label = control.id ? document.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
  return (label?.firstChild?.textContent || control.name).trim().replace(/\s*\(facultatif\)$/, '');
}

function fieldValue(form, control) {
  const kind = kindOf(control);
  if (kind === 'radio')
    return form.querySelector(`input[name="${CSS.escape(control.name)}"]:checked`)?.value ?? '';
  if (kind === 'checkbox') return control.checked ? control.value : '';
  if (kind === 'file') return control.files && control.files.length > 0 ? control.files[0].name : '';
  return control.value;
}

function errorFor(form, control) {
  const kind = kindOf(control);
  const required = control.hasAttribute('required') || control.getAttribute('aria-required') === 'true';
  const value = fieldValue(form, control);
  const message = checkValue(
    {
      required: required && !control.hasAttribute('data-received'),
      check: control.dataset.check,
      label: labelOf(control),
      kind,
    },
    kind === 'text' && control.type !== 'password' ? value.trim() : value,
  );
  if (message) return message;
  const other = control.dataset.sameAs && form.elements.namedItem(control.dataset.sameAs);
  if (other && value !== other.value) return 'Les deux mots de passe ne sont pas identiques.';
  return null;
}

function controlClass(control) {
  if (control.tagName === 'SELECT') return 'fr-select--error';
  if (control.classList.contains('fr-input')) return 'fr-input--error';
  return null;
}

function render(form, control, message) {
  const group = groupOf(control);
  if (!group) return;
  const style = form.dataset.errorStyle === 'legacy' ? 'legacy' : 'modern';
  const isRadio = kindOf(control) === 'radio';
  const id = isRadio ? group.id : control.id;
  const controls = isRadio ? [...group.querySelectorAll('input[type="radio"]')] : [control];
  for (const [base, error] of GROUP_ERROR) {
    if (group.classList.contains(base)) group.classList.toggle(error, Boolean(message));
  }
  for (const c of controls) {
    const cls = controlClass(c);
    if (cls) c.classList.toggle(cls, Boolean(message));
    if (message) c.setAttribute('aria-invalid', 'true');
    else c.removeAttribute('aria-invalid');
  }
  if (style === 'modern') {
    const messages = document.getElementById(`${id}-messages`);
    if (!messages) return;
    messages.textContent = '';
    if (message) {
      const p = document.createElement('p');
      p.className = 'fr-message fr-message--error';
      p.id = `${id}-message-error`;
      p.textContent = message;
      messages.append(p);
    }
    return;
  }
  // Older DSFR: a fr-error-text paragraph referenced by aria-describedby (or the fieldset's labelledby).
  const errorId = `${id}-desc-error`;
  let p = document.getElementById(errorId);
  if (!message) {
    p?.remove();
    if (isRadio) group.setAttribute('aria-labelledby', `${id}-legend`);
    else control.removeAttribute('aria-describedby');
    return;
  }
  if (!p) {
    p = document.createElement('p');
    p.id = errorId;
    p.className = 'fr-error-text';
    if (isRadio) group.append(p);
    else control.after(p);
  }
  p.textContent = message;
  if (isRadio) group.setAttribute('aria-labelledby', `${id}-legend ${errorId}`);
  else control.setAttribute('aria-describedby', errorId);
}

function validate(form, control) {
  const message = errorFor(form, control);
  render(form, control, message);
  return message;
}

function isChecked(control) {
  return (
    control instanceof HTMLElement &&
    Boolean(control.name) &&
    Boolean(groupOf(control)) &&
    control.type !== 'hidden'
  );
}

/** The field kept in a same-origin iframe: copied into the form on submit, so the site receives it. */
function relayIframes(form) {
  let firstError = null;
  for (const holder of form.querySelectorAll('[data-iframe-field]')) {
    const name = holder.dataset.iframeField;
    const iframe = holder.querySelector('iframe');
    let inner = null;
    try {
      inner = iframe?.contentDocument?.querySelector(`[name="${CSS.escape(name)}"]`) ?? null;
    } catch {
      inner = null;
    }
    if (!inner) continue; // Not loaded: the server has the last saved value and checks it.
    const value = inner.value.trim();
    const messages = document.getElementById(`${name}-messages`);
    if (messages) messages.textContent = '';
    if (!value) {
      if (messages) {
        const p = document.createElement('p');
        p.className = 'fr-message fr-message--error';
        p.id = `${name}-message-error`;
        p.textContent = 'Ce champ est obligatoire : « Métier recherché ».';
        messages.append(p);
      }
      // The frame shows its own error state too (cv-frame.js clears it once something is typed).
      inner.setAttribute('aria-invalid', 'true');
      inner.classList.add('fr-input--error');
      inner.closest('.fr-input-group')?.classList.add('fr-input-group--error');
      firstError ??= inner;
      continue;
    }
    inner.removeAttribute('aria-invalid');
    inner.classList.remove('fr-input--error');
    inner.closest('.fr-input-group')?.classList.remove('fr-input-group--error');
    let hidden = form.querySelector(`input[type="hidden"][name="${CSS.escape(name)}"]`);
    if (!hidden) {
      hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = name;
      form.append(hidden);
    }
    hidden.value = value;
  }
  return firstError;
}

/** Checks every field of the form, shows the errors, returns the first invalid control or null. */
export function validateForm(form) {
  const seen = new Set();
  let first = null;
  for (const control of form.elements) {
    if (!isChecked(control) || seen.has(control.name)) continue;
    seen.add(control.name);
    if (validate(form, control)) first ??= control;
  }
  const iframeError = relayIframes(form);
  return first ?? iframeError;
}

/** Checks fields on blur, and again while typing once a field shows an error. */
export function watchFields(form) {
  form.addEventListener('focusout', (event) => {
    const control = event.target;
    if (!isChecked(control)) return;
    // Radios: only when focus leaves the whole group.
    if (kindOf(control) === 'radio' && groupOf(control)?.contains(event.relatedTarget)) return;
    validate(form, control);
  });
  const revalidate = (event) => {
    const control = event.target;
    if (!isChecked(control)) return;
    const inError = control.getAttribute('aria-invalid') === 'true';
    if (inError || kindOf(control) !== 'text') validate(form, control);
  };
  form.addEventListener('input', revalidate);
  form.addEventListener('change', revalidate);
}

export function setupValidation(form) {
  watchFields(form);
  form.addEventListener('submit', (event) => {
    const first = validateForm(form);
    if (first) {
      event.preventDefault();
      first.focus();
    }
  });
}

for (const form of document.querySelectorAll('form[data-demo-validate]')) setupValidation(form);
// After a server-side rejection, take keyboard and screen-reader users to the list of errors.
document.getElementById('erreurs')?.focus();
