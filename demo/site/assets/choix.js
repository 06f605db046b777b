/**
 * The ARIA widgets of choix.html, as a site's own script makes them work: a switch and a list where
 * several options can be chosen, answering clicks and the keyboard (Space, Enter) and keeping their
 * state in aria-checked / aria-selected. On submit their state goes into the form's hidden inputs,
 * so the browser sends it with the rest. External file: no inline script.
 */

function toggle(el, attr) {
  el.setAttribute(attr, el.getAttribute(attr) === 'true' ? 'false' : 'true');
}

function pressed(event) {
  return event.key === ' ' || event.key === 'Enter';
}

for (const sw of document.querySelectorAll('[role="switch"]')) {
  sw.addEventListener('click', () => toggle(sw, 'aria-checked'));
  sw.addEventListener('keydown', (event) => {
    if (!pressed(event)) return;
    event.preventDefault();
    toggle(sw, 'aria-checked');
  });
}

for (const list of document.querySelectorAll('[role="listbox"][aria-multiselectable="true"]')) {
  const options = [...list.querySelectorAll('[role="option"]')];
  let active = 0;
  list.addEventListener('click', (event) => {
    const option = event.target instanceof Element ? event.target.closest('[role="option"]') : null;
    if (!option || option.getAttribute('aria-disabled') === 'true') return;
    active = options.indexOf(option);
    toggle(option, 'aria-selected');
  });
  list.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      active = Math.max(0, Math.min(options.length - 1, active + (event.key === 'ArrowDown' ? 1 : -1)));
      list.setAttribute('aria-activedescendant', options[active]?.id ?? '');
    } else if (pressed(event)) {
      event.preventDefault();
      const option = options[active];
      if (option) toggle(option, 'aria-selected');
    }
  });
}

document.querySelector('form')?.addEventListener('submit', (event) => {
  const form = event.currentTarget;
  if (!(form instanceof HTMLFormElement)) return;
  for (const sw of form.querySelectorAll('[role="switch"][data-name]')) {
    const input = form.elements.namedItem(sw.getAttribute('data-name') ?? '');
    if (input instanceof HTMLInputElement)
      input.value = sw.getAttribute('aria-checked') === 'true' ? 'oui' : 'non';
  }
  for (const list of form.querySelectorAll('[role="listbox"][data-name]')) {
    const input = form.elements.namedItem(list.getAttribute('data-name') ?? '');
    const chosen = [...list.querySelectorAll('[role="option"][aria-selected="true"]')].map((o) =>
      o.getAttribute('data-value'),
    );
    if (input instanceof HTMLInputElement) input.value = chosen.join(',');
  }
});
