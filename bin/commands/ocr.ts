/**
 * `pasapas ocr <image|pdf…> [--lang fra+eng] [--json] [--pages N]`: reads documents on this computer
 * (same core as the extension) and prints the text, the confidence, the document type and the fields.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { decodeImage, sniffFormat } from '../../utils/ocr/engine/decode-node.ts';
import { createNodeOcr } from '../../utils/ocr/engine/node.ts';
import { OcrError } from '../../utils/ocr/engine/types.ts';
import { type DocumentReading, readDocument } from '../../utils/ocr/index.ts';
import { OcrPdfError } from '../../utils/ocr/pdf/index.ts';
import { readPdfNode } from '../../utils/ocr/pdf/node.ts';
import { OcrImageError } from '../../utils/ocr/preprocess/image.ts';
import { imageErrorMessage, qualityMessage } from '../../utils/ocr/preprocess/messages.ts';

export const summary =
  'Lire un document (photo PNG/JPEG ou PDF) sur cet ordinateur et en extraire les champs';

const USAGE = `Usage : pasapas ocr <image|pdf…> [--lang fra+eng] [--json] [--pages N]

  --lang L    langues de lecture (défaut fra+eng)
  --json      un seul document JSON sur la sortie
  --pages N   nombre de pages lues dans un PDF (défaut 3)`;

type FileReport =
  | { file: string; pages: Array<DocumentReading & { page?: number }> }
  | { file: string; error: { code: string; message: string } };

const require = createRequire(import.meta.url);

function installed(lang: string): boolean {
  try {
    require.resolve(`@tesseract.js-data/${lang}/package.json`);
    return true;
  } catch {
    return false;
  }
}

function parse(args: string[]) {
  const files: string[] = [];
  let lang = 'fra+eng';
  let json = false;
  let pages = 3;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--json') json = true;
    else if (a === '--lang') lang = args[++i] ?? '';
    else if (a.startsWith('--lang=')) lang = a.slice(7);
    else if (a === '--pages') pages = Number(args[++i]);
    else if (a === '--help' || a === '-h') return { help: true as const };
    else if (a.startsWith('--')) return { error: `Option inconnue : ${a}` };
    else files.push(a);
  }
  if (!/^[a-z_]{3,}(\+[a-z_]{3,})*$/.test(lang)) return { error: `Langue invalide : ${lang}` };
  const missing = lang.split('+').filter((l) => !installed(l));
  if (missing.length > 0)
    return { error: `Langue non installée : ${missing.join(', ')} (paquet @tesseract.js-data/<langue>)` };
  if (!Number.isInteger(pages) || pages < 1) return { error: '--pages attend un nombre entier positif' };
  if (files.length === 0) return { error: 'Indiquez au moins un fichier' };
  return { files, lang, json, pages };
}

/** Plain French for the errors a person can fix. */
function explain(error: unknown): { code: string; message: string } {
  if (error instanceof OcrImageError) {
    const m = {
      'unsupported-format': 'Ce fichier n’est ni une image PNG ou JPEG, ni un PDF',
      'corrupt-image': 'L’image est abîmée et ne peut pas être ouverte',
      'empty-image': 'Le fichier est vide',
      'bad-dimensions': 'L’image a une taille invalide',
      'image-too-large': imageErrorMessage('fr', 'image-too-large'),
    }[error.code];
    return { code: error.code, message: m };
  }
  if (error instanceof OcrPdfError) {
    const m = {
      'pdf-invalid': 'Le PDF est abîmé et ne peut pas être ouvert',
      'pdf-encrypted': 'Le PDF est protégé par un mot de passe',
      'pdf-render-unavailable':
        'Ce PDF est une image scannée et ne peut pas être lu ici (pas de moteur de dessin)',
    }[error.code];
    return { code: error.code, message: m };
  }
  if (error instanceof OcrError) return { code: error.code, message: 'Le moteur de lecture a échoué' };
  const code = (error as { code?: string })?.code;
  if (code === 'ENOENT') return { code: 'not-found', message: 'Fichier introuvable' };
  if (code === 'EISDIR') return { code: 'is-directory', message: 'C’est un dossier, pas un fichier' };
  return { code: 'unexpected', message: String((error as Error)?.message ?? error) };
}

function printReading(r: DocumentReading & { page?: number }): void {
  if (r.page !== undefined)
    console.log(`--- page ${r.page} (${r.source === 'text-layer' ? 'texte du PDF' : 'lecture de l’image'})`);
  console.log(`Type de document : ${r.documentType.type} (${Math.round(r.documentType.confidence * 100)} %)`);
  console.log(`Confiance moyenne : ${Math.round(r.confidence)} %`);
  if (r.quality && !r.quality.ok)
    for (const issue of r.quality.issues) console.log(`Qualité : ${qualityMessage('fr', issue)}`);
  if (r.skewAngle) console.log(`Redressée de ${r.skewAngle}°`);
  if (r.rotation) console.log(`Tournée de ${r.rotation}°`);
  console.log(`Durée : ${r.durationMs} ms`);
  console.log('Texte :');
  for (const line of r.text.split('\n')) console.log(`  ${line}`);
  console.log(r.fields.length ? 'Champs :' : 'Champs : aucun');
  for (const f of r.fields) {
    const box = f.box ? ` [${f.box.x0},${f.box.y0}–${f.box.x1},${f.box.y1}]` : '';
    const meaning = f.meaning ? ` (${f.meaning})` : '';
    console.log(
      `  ${f.kind}${meaning} = ${f.value}  ${f.valid ? 'valide' : 'INVALIDE'}  confiance ${Math.round(f.confidence * 100)} %${box}`,
    );
  }
}

export async function run(args: string[]): Promise<number> {
  const opts = parse(args);
  if ('help' in opts) {
    console.log(USAGE);
    return 0;
  }
  if ('error' in opts) {
    console.error(`${opts.error}\n\n${USAGE}`);
    return 2;
  }
  const engine = createNodeOcr({ langs: opts.lang });
  const reports: FileReport[] = [];
  try {
    for (const file of opts.files) {
      try {
        const bytes = new Uint8Array(await readFile(file));
        const pages: Array<DocumentReading & { page?: number }> = [];
        if (sniffFormat(bytes) === 'pdf') {
          for (const p of await readPdfNode(bytes, { maxPages: opts.pages })) {
            const input = p.kind === 'text' ? { text: p.text, lines: p.lines } : p.image;
            pages.push({ ...(await readDocument(input, engine)), page: p.pageNumber });
          }
        } else {
          const decoded = decodeImage(bytes);
          pages.push(await readDocument({ image: decoded.image, orientation: decoded.orientation }, engine));
        }
        reports.push({ file, pages });
      } catch (error) {
        reports.push({ file, error: explain(error) });
      }
      const last = reports[reports.length - 1];
      if (!opts.json && last) {
        console.log(`=== ${file}`);
        if ('error' in last) console.log(`Erreur : ${last.error.message} (${last.error.code})`);
        else for (const p of last.pages) printReading(p);
      }
    }
  } finally {
    await engine.terminate();
  }
  if (opts.json) console.log(JSON.stringify({ files: reports }, null, 2));
  return reports.some((r) => 'error' in r) ? 1 : 0;
}
