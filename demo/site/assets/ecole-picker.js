/**
 * <demo-ecole-picker>: the school field of the SPA, with its label and input inside an OPEN
 * shadow root, like the design-system components some sites use. It is form-associated, so a
 * native form would receive `ecole` too, and it lets `input`/`change` events out (they are composed).
 */
const SCHOOLS = [
  'École élémentaire Jean Moulin',
  'École élémentaire Louise Michel',
  'École maternelle Les Tilleuls',
  'Groupe scolaire Simone Veil',
];

const TEMPLATE = `<link rel="stylesheet" href="/dsfr/dsfr.min.css">
<link rel="stylesheet" href="/assets/ecole-picker.css">
<div class="fr-input-group" part="group">
  <label class="fr-label" for="ecole">École de l’enfant
    <span class="fr-hint-text">Commencez à écrire, puis choisissez dans la liste. Exemple : École élémentaire Jean Moulin</span>
  </label>
  <input class="fr-input" type="text" id="ecole" name="ecole" autocomplete="off" list="ecoles" required aria-required="true" aria-describedby="ecole-messages">
  <datalist id="ecoles">${SCHOOLS.map((s) => `<option value="${s}"></option>`).join('')}</datalist>
  <div class="fr-messages-group" id="ecole-messages" aria-live="polite"></div>
</div>`;

export class EcolePicker extends HTMLElement {
  static formAssociated = true;

  constructor() {
    super();
    try {
      this.internals = typeof this.attachInternals === 'function' ? this.attachInternals() : null;
    } catch {
      this.internals = null;
    }
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = TEMPLATE;
    this.input = root.querySelector('input');
    this.input.addEventListener('input', () => this.sync());
    this.input.addEventListener('change', () => this.sync());
  }

  get value() {
    return this.input.value;
  }

  set value(value) {
    this.input.value = value ?? '';
    this.sync();
  }

  focus() {
    this.input.focus();
  }

  sync() {
    // Older engines (and jsdom) have no form-associated elements: the SPA reads `value` anyway.
    if (typeof this.internals?.setFormValue === 'function') this.internals.setFormValue(this.input.value);
    if (this.input.getAttribute('aria-invalid') === 'true' && this.input.value.trim()) this.setError('');
  }

  /** Shows or clears the DSFR error markup inside the shadow root. */
  setError(message) {
    const group = this.shadowRoot.querySelector('.fr-input-group');
    const messages = this.shadowRoot.getElementById('ecole-messages');
    group.classList.toggle('fr-input-group--error', Boolean(message));
    this.input.classList.toggle('fr-input--error', Boolean(message));
    messages.textContent = '';
    if (message) {
      this.input.setAttribute('aria-invalid', 'true');
      const p = document.createElement('p');
      p.className = 'fr-message fr-message--error';
      p.id = 'ecole-message-error';
      p.textContent = message;
      messages.append(p);
    } else {
      this.input.removeAttribute('aria-invalid');
    }
  }
}

if (!customElements.get('demo-ecole-picker')) customElements.define('demo-ecole-picker', EcolePicker);
