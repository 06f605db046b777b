/**
 * The demo site's server: a clearly fictitious administration used by `npm start` and as the
 * end-to-end fixtures. Plain Node (no dependencies, no build) so it runs before anything else.
 *
 * Multi-page procedures keep their state server-side in a per-cookie session, validate on the
 * server too (a page without JavaScript is checked the same way) and answer 303 to the next page,
 * like real administration sites. Tests read what "the site received" through /demo-api/.
 */
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { accountPageHtml, LOGIN_COOKIE, loggedIn, logIn, loginPageHtml, logOut } from './account.js';
import { MultipartError, parseMultipart } from './multipart.js';
import { CANTINE_FIELDS, findPage, PROCEDURES } from './procedures.js';
import {
  confirmationPageHtml,
  cvFrameHtml,
  errorPageHtml,
  footerHtml,
  headerHtml,
  introPageHtml,
  keepQuery,
  notFoundHtml,
  procedurePageHtml,
  STUDIO_WIDGET_TAG,
  WIDGET_TAG,
} from './render.js';
import { checkValue } from './site/assets/checks.js';

const MAX_FORM_BYTES = 1024 * 1024;
const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const SESSION_COOKIE = 'demo_session';
const MAX_SESSIONS = 10_000;

export const CSP_HEADER =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  // Tesseract data is fetched gzipped and unpacked by the engine itself: no Content-Encoding.
  '.gz': 'application/octet-stream',
  '.traineddata': 'application/octet-stream',
};

const ACCEPTED_FILE = /\.(pdf|jpe?g|png|gif|webp|heic|heif|tiff?|bmp)$/i;

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
  }
}

function defaultRoot() {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
}

/**
 * Starts the demo server. `port: 0` picks a free port.
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void>, submissions: object[], sessions: Map<string, object> }>}
 */
export async function startDemoServer({ port = 0, host = '127.0.0.1', root, studio = false } = {}) {
  const base = root ? path.resolve(root) : defaultRoot();
  const dirs = {
    site: path.join(base, 'demo', 'site'),
    dsfr: path.join(base, 'node_modules', '@gouvfr', 'dsfr', 'dist'),
    widget: path.join(base, 'dist', 'widget'),
    // The demo's own guides: the widget ships none, this fictitious site gives its widget these
    // (WIDGET_TAG's data-catalog), as an administration would. The extension bundles the same files.
    guides: path.join(base, 'public', 'guides'),
    // Its help places, likewise (WIDGET_TAG's data-places): the extension's demo sample.
    places: path.join(base, 'public', 'places'),
  };
  const state = { sessions: new Map(), submissions: [], counter: 0, logins: new Map() };
  // The widget tag of every page: with the recorder for the staff (studio) or as the public sees it.
  const widgetTag = studio ? STUDIO_WIDGET_TAG : WIDGET_TAG;

  const server = createServer((req, res) => {
    handle(req, res, dirs, state, widgetTag).catch((error) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) console.error('[demo] error', error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const text =
        status === 413
          ? 'Le fichier est trop gros. Envoyez un fichier de moins de 10 Mo.'
          : status === 400
            ? 'La demande envoyée au serveur est mal formée.'
            : 'Le serveur de démonstration a rencontré un problème.';
      sendHtml(res, status, fillMarkers(errorPageHtml('Erreur', text), { widget: false }));
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${actualPort}`,
    port: actualPort,
    submissions: state.submissions,
    sessions: state.sessions,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ——— request handling ———

async function handle(req, res, dirs, state, widgetTag) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    throw new HttpError(400, 'bad path encoding');
  }
  if (pathname.includes('\0')) throw new HttpError(400, 'bad path');
  const ctx = {
    req,
    res,
    url,
    pathname,
    state,
    dirs,
    widget: url.searchParams.get('widget') === '0' ? '' : widgetTag,
    query: url.searchParams.get('widget') === '0' ? 'widget=0' : '',
  };
  const method = req.method ?? 'GET';

  if (pathname.startsWith('/demo-api/')) return api(ctx, method);
  if (pathname === '/favicon.ico') {
    // No icon (a State-like logo is exactly what this fictitious site must not show); no 404 noise either.
    res.writeHead(204, { 'Cache-Control': 'max-age=86400' });
    res.end();
    return;
  }
  if (pathname.startsWith('/dsfr/')) return serveStatic(ctx, dirs.dsfr, pathname.slice('/dsfr'.length), {});
  if (pathname.startsWith('/demo-guides/')) {
    return serveStatic(ctx, dirs.guides, pathname.slice('/demo-guides'.length), { noCache: true });
  }
  if (pathname.startsWith('/demo-places/')) {
    return serveStatic(ctx, dirs.places, pathname.slice('/demo-places'.length), { noCache: true });
  }
  if (pathname.startsWith('/pasapas/')) {
    return serveStatic(ctx, dirs.widget, pathname.slice('/pasapas'.length), { noCache: true });
  }

  const proc =
    /^\/(aide-logement|emploi)\/(?:index\.html)?$|^\/(aide-logement|emploi)\/([a-z-]+)\.html$/.exec(pathname);
  if (proc) {
    const procedure = PROCEDURES[proc[1] ?? proc[2]];
    const slug = proc[3];
    if (procedure.id === 'emploi' && slug === 'cv-frame') return cvFrame(ctx, method);
    return procedureRoute(ctx, method, procedure, slug);
  }
  if (pathname === '/aide-logement' || pathname === '/emploi')
    return redirect(res, 301, keepQuery(`${pathname}/`, ctx.query));

  if (pathname === '/compte' || pathname.startsWith('/compte/')) return accountRoute(ctx, method);

  if (pathname === '/spa' || pathname.startsWith('/spa/')) {
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'method');
    // A single-page app: every route under /spa/ gets the same HTML.
    return serveStatic(ctx, dirs.site, '/spa/index.html', {});
  }

  if ((pathname === '/csp.html' || pathname === '/hostile.html') && method === 'POST')
    return simpleSubmit(ctx);
  if (pathname.startsWith('/catalog/')) return catalogFile(ctx, method);
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' });
    res.end();
    return;
  }
  const headers = pathname === '/csp.html' ? { 'Content-Security-Policy': CSP_HEADER } : {};
  return serveStatic(ctx, dirs.site, pathname, { headers });
}

// ——— static files ———

/**
 * The demo's guide catalog, served like a static host would: readable from any origin (the
 * extension's options page), with an ETag answered by 304 so conditional requests can be seen.
 */
async function catalogFile(ctx, method) {
  const { res, req } = ctx;
  const cors = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since',
    'Access-Control-Expose-Headers': 'ETag, Last-Modified',
  };
  if (method === 'OPTIONS') {
    res.writeHead(204, { ...cors, 'Access-Control-Allow-Methods': 'GET, HEAD' });
    res.end();
    return;
  }
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' });
    res.end();
    return;
  }
  const file = path.join(ctx.dirs.site, path.posix.normalize(`/${ctx.pathname}`));
  const info = file.startsWith(ctx.dirs.site + path.sep) ? await stat(file).catch(() => null) : null;
  if (!info?.isFile() || !file.endsWith('.json')) {
    res.writeHead(404, cors);
    res.end();
    return;
  }
  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const common = {
    ...cors,
    'Content-Type': TYPES['.json'],
    'Cache-Control': 'no-cache',
    ETag: etag,
    'Last-Modified': info.mtime.toUTCString(),
    'X-Content-Type-Options': 'nosniff',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  const body = await readFile(file);
  res.writeHead(200, { ...common, 'Content-Length': body.length });
  res.end(method === 'HEAD' ? undefined : body);
}

/** Fills the shared header, banner, footer, notice and (unless widget=0) the widget tag (`widget`: true for the usual one, or the tag itself). */
export function fillMarkers(html, { widget, notice = '' }) {
  const tag = widget === true ? WIDGET_TAG : widget || '';
  return html
    .replace('<!-- demo-header -->', headerHtml())
    .replace('<!-- demo-footer -->', footerHtml())
    .replace('<!-- demo-notice -->', notice)
    .replace('<!-- pasapas-widget -->', tag);
}

async function serveStatic(ctx, dir, rel, { noCache = false, headers = {} }) {
  const { res } = ctx;
  const normal = path.posix.normalize(`/${rel}`);
  let file = path.join(dir, normal);
  if (file !== dir && !file.startsWith(dir + path.sep)) return notFound(ctx);
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    if (!ctx.pathname.endsWith('/')) return redirect(res, 301, `${ctx.pathname}/${ctx.url.search}`);
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return notFound(ctx);
  const ext = path.extname(file).toLowerCase();
  const type = TYPES[ext] ?? 'application/octet-stream';
  const common = {
    'Content-Type': type,
    'Cache-Control': noCache ? 'no-cache, no-store, must-revalidate' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  };
  if (ext === '.html' && dir === ctx.dirs.site) {
    const sent = ctx.url.searchParams.get('envoye') === '1';
    const notice = sent
      ? '<div class="fr-alert fr-alert--success fr-mb-4w" id="envoye"><p>Formulaire reçu par le site de démonstration.</p></div>'
      : '';
    const html = fillMarkers(await readFile(file, 'utf8'), { widget: ctx.widget, notice });
    res.writeHead(200, { ...common, 'Content-Length': Buffer.byteLength(html) });
    res.end(html);
    return;
  }
  const body = await readFile(file);
  res.writeHead(200, { ...common, 'Content-Length': body.length });
  res.end(body);
}

function notFound(ctx) {
  sendHtml(ctx.res, 404, fillMarkers(notFoundHtml(ctx.pathname), { widget: ctx.widget }));
}

function sendHtml(res, status, html, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(html),
    ...headers,
  });
  res.end(html);
}

function sendJson(res, status, value) {
  const body = JSON.stringify(value, null, 2);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

function redirect(res, status, location, headers = {}) {
  res.writeHead(status, { Location: location, 'Content-Length': 0, ...headers });
  res.end();
}

// ——— sessions ———

function readCookie(req, name) {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function getSession(ctx, create = true) {
  const id = readCookie(ctx.req, SESSION_COOKIE);
  const existing = id ? ctx.state.sessions.get(id) : undefined;
  if (existing || !create) return existing ?? null;
  const session = { id: randomBytes(16).toString('hex'), procedures: {} };
  // A long-running demo must not grow without end: the oldest sessions go first (Map keeps order).
  if (ctx.state.sessions.size >= MAX_SESSIONS)
    ctx.state.sessions.delete(ctx.state.sessions.keys().next().value);
  ctx.state.sessions.set(session.id, session);
  ctx.res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${session.id}; Path=/; HttpOnly; SameSite=Lax`);
  return session;
}

function procState(session, id) {
  session.procedures[id] ??= { values: {}, files: {}, dossier: null };
  return session.procedures[id];
}

// ——— bodies ———

async function readBody(req, limit) {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, 'body too large');
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, 'body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Reads a form post: { fields: Record<string,string>, files: [{ field, name, type, size }] }. */
async function readForm(req) {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    const body = await readBody(req, MAX_UPLOAD_BYTES);
    try {
      return parseMultipart(body, req.headers['content-type']);
    } catch (error) {
      if (error instanceof MultipartError) throw new HttpError(400, error.message);
      throw error;
    }
  }
  const body = await readBody(req, MAX_FORM_BYTES);
  if (type.startsWith('application/json')) {
    let parsed;
    try {
      parsed = JSON.parse(body.toString('utf8') || '{}');
    } catch {
      throw new HttpError(400, 'bad json');
    }
    const source =
      parsed && typeof parsed === 'object' && parsed.values && typeof parsed.values === 'object'
        ? parsed.values
        : parsed;
    const fields = {};
    for (const [k, v] of Object.entries(source ?? {}))
      if (typeof v === 'string' || typeof v === 'number') fields[k] = String(v);
    return { fields, files: [] };
  }
  const fields = {};
  for (const [k, v] of new URLSearchParams(body.toString('utf8'))) fields[k] = v;
  return { fields, files: [] };
}

// ——— multi-page procedures ———

/**
 * Checks one page's input against its definition. `stored` = the procedure's session state.
 * Returns { values, files, errors } (values as typed, trimmed; files as { name, type, size }).
 */
export function validatePage(page, input, stored) {
  const values = {};
  const files = {};
  const errors = {};
  for (const field of page.fields) {
    const { name } = field;
    if (field.kind === 'file') {
      const sent = input.files.find((f) => f.field === name);
      if (sent) {
        const okType = ACCEPTED_FILE.test(sent.name) || /^(image\/|application\/pdf)/.test(sent.type);
        if (!okType) errors[name] = 'Ce format n’est pas accepté. Envoyez un fichier PDF, JPG ou PNG.';
        else if (sent.size === 0) errors[name] = 'Le fichier est vide. Choisissez un autre fichier.';
        else if (sent.size > MAX_FILE_BYTES)
          errors[name] = 'Le fichier est trop gros. La taille maximale est 10 Mo.';
        else files[name] = { name: sent.name, type: sent.type, size: sent.size };
      } else if (stored.files[name]) {
        files[name] = stored.files[name];
      } else {
        const message = checkValue(field, '');
        if (message) errors[name] = message;
      }
      continue;
    }
    let value;
    if (field.kind === 'checkbox') value = input.fields[name] ? (field.value ?? 'oui') : '';
    else if (field.kind === 'hidden') value = (input.fields[name] ?? stored.values[name] ?? '').trim();
    else if (field.kind === 'password') value = input.fields[name] ?? '';
    else value = (input.fields[name] ?? '').trim();
    values[name] = value;
    let message = checkValue(field, value);
    if (!message && value && field.options && !field.options.some(([v]) => v === value)) {
      message = `Choisissez une réponse dans la liste pour « ${field.label} ».`;
    }
    if (!message && field.sameAs && value !== (input.fields[field.sameAs] ?? '')) {
      message = 'Les deux mots de passe ne sont pas identiques.';
    }
    if (message) errors[name] = message;
  }
  return { values, files, errors };
}

/** Steps before `index` whose saved answers are missing or wrong. */
function missingSteps(procedure, index, stored) {
  const missing = [];
  for (const page of procedure.pages.slice(0, index)) {
    const check = validatePage(page, { fields: stored.values, files: [] }, stored);
    if (Object.keys(check.errors).length > 0) missing.push({ slug: page.slug, title: page.title });
  }
  return missing;
}

async function procedureRoute(ctx, method, procedure, slug) {
  const { res } = ctx;
  const session = getSession(ctx);
  const stored = procState(session, procedure.id);
  const render = (html, status = 200) => sendHtml(res, status, fillMarkers(html, { widget: ctx.widget }));

  if (!slug) {
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'method');
    return render(introPageHtml(procedure, ctx.query));
  }
  if (slug === 'confirmation') {
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'method');
    return render(confirmationPageHtml(procedure, stored.dossier, ctx.query));
  }
  const found = findPage(procedure, slug);
  if (!found) return notFound(ctx);
  const { page, index } = found;
  const isLast = index === procedure.pages.length - 1;

  if (method === 'GET' || method === 'HEAD') {
    return render(
      procedurePageHtml(procedure, index, {
        values: stored.values,
        files: stored.files,
        errors: {},
        query: ctx.query,
      }),
    );
  }
  if (method !== 'POST') throw new HttpError(405, 'method');

  const input = await readForm(ctx.req);
  const result = validatePage(page, input, stored);
  const missing = isLast ? missingSteps(procedure, index, stored) : [];
  if (Object.keys(result.errors).length > 0 || missing.length > 0) {
    // Re-render with what was typed (never passwords) and the site's own error markup.
    return render(
      procedurePageHtml(procedure, index, {
        values: { ...stored.values, ...result.values },
        files: { ...stored.files, ...result.files },
        errors: result.errors,
        missing,
        query: ctx.query,
      }),
    );
  }
  Object.assign(stored.values, result.values);
  Object.assign(stored.files, result.files);
  if (!isLast)
    return redirect(
      res,
      303,
      keepQuery(`${procedure.base}${procedure.pages[index + 1].slug}.html`, ctx.query),
    );

  const submission = record(ctx.state, procedure.id, session.id, { ...stored.values }, { ...stored.files });
  // A sent request starts the next one blank, as real sites do.
  session.procedures[procedure.id] = { values: {}, files: {}, dossier: submission.id };
  return redirect(res, 303, keepQuery(`${procedure.base}confirmation.html`, ctx.query));
}

function record(state, procedure, sessionId, values, files) {
  state.counter += 1;
  const submission = {
    id: `DEMO-${new Date().getFullYear()}-${String(state.counter).padStart(6, '0')}`,
    procedure,
    values,
    files,
    receivedAt: new Date().toISOString(),
    sessionId,
  };
  state.submissions.push(submission);
  return submission;
}

/** The same-origin iframe of procedure 3 (`metier_recherche`); it can also save on its own without JS. */
async function cvFrame(ctx, method) {
  const stored = procState(getSession(ctx), 'emploi');
  const send = (html) => sendHtml(ctx.res, 200, html);
  if (method === 'GET' || method === 'HEAD') {
    const value = stored.values.metier_recherche ?? '';
    const error =
      ctx.url.searchParams.get('erreur') === '1' && !value
        ? 'Ce champ est obligatoire : « Métier recherché ».'
        : '';
    return send(cvFrameHtml({ value, error, saved: false }));
  }
  if (method !== 'POST') throw new HttpError(405, 'method');
  const input = await readForm(ctx.req);
  const value = (input.fields.metier_recherche ?? '').trim();
  if (!value)
    return send(
      cvFrameHtml({ value, error: 'Ce champ est obligatoire : « Métier recherché ».', saved: false }),
    );
  stored.values.metier_recherche = value;
  return send(cvFrameHtml({ value, error: '', saved: true }));
}

/** "Mon espace (démo)": sign in (a cookie), the saved answers while signed in, sign out. */
async function accountRoute(ctx, method) {
  const { res, pathname, state } = ctx;
  const render = (html, headers = {}) =>
    sendHtml(res, 200, fillMarkers(html, { widget: ctx.widget }), headers);
  const token = readCookie(ctx.req, LOGIN_COOKIE);
  if (pathname === '/compte/connexion.html') {
    if (method === 'GET' || method === 'HEAD') return render(loginPageHtml({ query: ctx.query }));
    if (method !== 'POST') throw new HttpError(405, 'method');
    const input = await readForm(ctx.req);
    const name = (input.fields.identifiant ?? '').trim().slice(0, 100);
    if (!name || !input.fields.mot_de_passe)
      return render(loginPageHtml({ error: 'Écrivez un identifiant et un mot de passe.', query: ctx.query }));
    return redirect(res, 303, keepQuery('/compte/', ctx.query), { 'Set-Cookie': logIn(state, name) });
  }
  if (pathname === '/compte/deconnexion.html' && method === 'POST')
    return redirect(res, 303, keepQuery('/compte/connexion.html', ctx.query), {
      'Set-Cookie': logOut(state, token),
    });
  if (pathname === '/compte/' || pathname === '/compte') {
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'method');
    const name = loggedIn(state, token);
    // Signed out: nothing of the account shows, only the way in.
    if (!name) return redirect(res, 303, keepQuery('/compte/connexion.html', ctx.query));
    const session = getSession(ctx, false);
    return render(accountPageHtml({ name, procedures: session?.procedures ?? {}, query: ctx.query }));
  }
  return notFound(ctx);
}

/** Forms of the CSP and hostile test pages: recorded as is, then back to the page. */
async function simpleSubmit(ctx) {
  const session = getSession(ctx);
  const input = await readForm(ctx.req);
  const procedure = ctx.pathname === '/csp.html' ? 'csp' : 'hostile';
  record(ctx.state, procedure, session.id, input.fields, {});
  return redirect(ctx.res, 303, keepQuery(`${ctx.pathname}?envoye=1`, ctx.query));
}

// ——— test API ———

async function api(ctx, method) {
  const { res, pathname, state } = ctx;
  if (pathname === '/demo-api/submissions/last' && method === 'GET') {
    const last = state.submissions.at(-1);
    return last ? sendJson(res, 200, last) : sendJson(res, 404, { error: 'no-submission' });
  }
  if (pathname === '/demo-api/submissions' && method === 'GET') return sendJson(res, 200, state.submissions);
  if (pathname === '/demo-api/session' && method === 'GET') {
    const session = getSession(ctx, false);
    return sendJson(res, 200, session ?? { id: null, procedures: {} });
  }
  if (pathname === '/demo-api/reset' && method === 'POST') {
    state.sessions.clear();
    state.logins.clear();
    state.submissions.length = 0;
    return sendJson(res, 200, { ok: true });
  }
  if (pathname === '/demo-api/spa-submit' && method === 'POST') {
    const session = getSession(ctx);
    const input = await readForm(ctx.req);
    const values = {};
    const errors = {};
    for (const field of CANTINE_FIELDS) {
      const value = (input.fields[field.name] ?? '').trim();
      values[field.name] = value;
      const message = checkValue(field, value);
      if (message) errors[field.name] = message;
    }
    if (Object.keys(errors).length > 0) return sendJson(res, 422, { ok: false, errors });
    const submission = record(state, 'cantine', session.id, values, {});
    return sendJson(res, 200, { ok: true, dossier: submission.id });
  }
  return sendJson(res, 404, { error: 'not-found' });
}
