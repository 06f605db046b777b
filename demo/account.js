/**
 * "Mon espace (démo)": a login-like session on the fictitious site, so the end of a session on a
 * shared computer can be checked against what real sites keep. Signing in sets a cookie; the
 * account page shows the answers this browser's session saved only while that cookie is there.
 * No real account, no password check: any name and any word sign in.
 */
import { randomBytes } from 'node:crypto';
import { documentHtml, escapeHtml as e, keepQuery } from './render.js';

export const LOGIN_COOKIE = 'demo_connexion';
const MAX_LOGINS = 10_000;

export function loginPageHtml({ error = '', query = '' } = {}) {
  const errorHtml = error
    ? `<div class="fr-alert fr-alert--error fr-mb-4w" role="alert"><p>${e(error)}</p></div>`
    : '';
  const main = `<h1>Connexion à mon espace (démo)</h1>
<p>Ce compte est inventé. Écrivez n’importe quel nom et n’importe quel mot de passe.</p>
${errorHtml}
<form method="post" action="${e(keepQuery('connexion.html', query))}">
  <div class="fr-input-group">
    <label class="fr-label" for="identifiant">Identifiant</label>
    <input class="fr-input" id="identifiant" name="identifiant" autocomplete="username" required>
  </div>
  <div class="fr-input-group">
    <label class="fr-label" for="mot_de_passe">Mot de passe</label>
    <input class="fr-input" id="mot_de_passe" name="mot_de_passe" type="password" autocomplete="current-password" required>
  </div>
  <button class="fr-btn" type="submit">Se connecter</button>
</form>`;
  return documentHtml({ title: 'Connexion', main });
}

/** The account page: who is signed in and the answers saved in this browser's session. */
export function accountPageHtml({ name, procedures, query = '' }) {
  const rows = [];
  for (const [id, state] of Object.entries(procedures)) {
    for (const [field, value] of Object.entries(state.values)) {
      if (!value || /passe/.test(field)) continue;
      rows.push(
        `<div class="demo-summary__row"><dt>${e(id)} — ${e(field)}</dt><dd data-account-field="${e(field)}">${e(value)}</dd></div>`,
      );
    }
  }
  const main = `<h1>Mon espace (démo)</h1>
<p id="compte-connecte">Vous êtes connecté·e : <strong>${e(name)}</strong>.</p>
<h2>Vos réponses enregistrées</h2>
${rows.length ? `<dl class="demo-summary" id="compte-reponses">\n${rows.join('\n')}\n</dl>` : '<p id="compte-vide">Aucune réponse enregistrée.</p>'}
<form method="post" action="${e(keepQuery('deconnexion.html', query))}">
  <button class="fr-btn fr-btn--secondary" type="submit">Se déconnecter</button>
</form>`;
  return documentHtml({ title: 'Mon espace', main });
}

/** The signed-in name for this request's cookie, or null. */
export function loggedIn(state, cookieValue) {
  state.logins ??= new Map();
  return (cookieValue && state.logins.get(cookieValue)) || null;
}

/** Signs in: a random token in an HttpOnly cookie that lasts an hour (it survives a browser restart). */
export function logIn(state, name) {
  state.logins ??= new Map();
  if (state.logins.size >= MAX_LOGINS) state.logins.delete(state.logins.keys().next().value);
  const token = randomBytes(16).toString('hex');
  state.logins.set(token, name);
  return `${LOGIN_COOKIE}=${token}; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax`;
}

export function logOut(state, cookieValue) {
  state.logins?.delete(cookieValue);
  return `${LOGIN_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`;
}
