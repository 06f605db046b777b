#!/usr/bin/env node
/**
 * `npm start` / `npm run serve`: runs the demo site on PORT (default 8080, or the next free
 * port) and says, in French and English, where it is and how to load the built extension.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from './server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wanted = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) {
  console.error(`PORT invalide / invalid PORT: ${process.env.PORT}`);
  process.exit(2);
}

async function start() {
  // Busy port: try the next ones, so a second demo or another service is not a dead end.
  for (let port = wanted, tries = 0; tries < 20; port += 1, tries += 1) {
    try {
      return await startDemoServer({ port, host, root, studio: process.env.PASAPAS_STUDIO === '1' });
    } catch (error) {
      if (error?.code !== 'EADDRINUSE' || wanted === 0) throw error;
      console.log(`Port ${port} occupé / in use, essai / trying ${port + 1}…`);
    }
  }
  throw new Error(`Aucun port libre entre ${wanted} et ${wanted + 19} / no free port`);
}

const server = await start();
const u = server.url;
const widgetBuilt = existsSync(path.join(root, 'dist', 'widget', 'widget.js'));
const extBuilt = existsSync(path.join(root, '.output', 'chrome-mv3', 'manifest.json'));

console.log(`
Pas à pas — site de démonstration (administration fictive) / demo site (fictitious administration)

  ${u}/

Pages :
  ${u}/                              accueil / home
  ${u}/aide-logement/                Demande d'aide au logement (démo), 6 étapes / 6 steps
  ${u}/spa/                          Tarif social de la cantine (démo), application une page / single-page app
  ${u}/emploi/                       Inscription demandeur d'emploi (démo) : iframe + mot de passe / password
  ${u}/plain.html                    page simple, sans aide intégrée / plain page, never the widget
  ${u}/hostile.html                  page hostile / hostile page
  ${u}/csp.html                      CSP stricte / strict CSP
  Ajoutez ?widget=0 pour enlever l'aide intégrée / add ?widget=0 to drop the embedded widget.
  PASAPAS_STUDIO=1 npm start : le widget avec « Créer un guide » pour les agents${
    process.env.PASAPAS_STUDIO === '1' ? ' (activé / on)' : ''
  } / the widget with the staff's guide recorder.
  API de test / test API : ${u}/demo-api/session, ${u}/demo-api/submissions/last

Charger l'extension / load the extension:
  Chrome/Chromium : chrome://extensions → Mode développeur → « Charger l'extension non empaquetée »
                    → ${path.join(root, '.output', 'chrome-mv3')}
                    (Developer mode → Load unpacked)
  Firefox :         about:debugging → Ce Firefox → Charger un module complémentaire temporaire
                    → ${path.join(root, '.output', 'firefox-mv3', 'manifest.json')}
                    (This Firefox → Load Temporary Add-on)
${widgetBuilt ? '' : '\n  ⚠ dist/widget/widget.js manque : lancez « npm run build » / missing: run `npm run build`.'}${
  extBuilt ? '' : '\n  ⚠ .output/chrome-mv3 manque : lancez « npm run build » / missing: run `npm run build`.'
}
Ctrl+C pour arrêter / to stop.
`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
