/** Inside the CV iframe: clears the error once something is typed. */
const input = document.getElementById('metier_recherche');
input?.addEventListener('input', () => {
  if (!input.value.trim()) return;
  input.removeAttribute('aria-invalid');
  input.classList.remove('fr-input--error');
  document.getElementById('metier_recherche-group')?.classList.remove('fr-input-group--error');
  const messages = document.getElementById('metier_recherche-messages');
  if (messages) messages.textContent = '';
});
