/**
 * The folder a mediator puts on any web host to publish guides: the signed guides in `guides/`,
 * `catalog.json` listing them with their SHA-256 (the same `buildCatalog` as `pasapas guide
 * catalog`), the public key file to give to those who install them, and a short note on what to
 * do with it. Downloaded as one zip archive named after the guide.
 */
import { buildCatalog } from '../catalog.ts';
import type { PublicKeyFile } from '../signature.ts';
import { type ZipEntry, zip } from './zip.ts';

export type PublishInput = {
  /** Guide files' texts, signed. */
  guides: ReadonlyArray<{ id: string; text: string }>;
  publicKey: PublicKeyFile;
  /** The catalog's name: the publisher's, else the guide's title. */
  name: string;
  updated?: string;
};

export const PUBLIC_KEY_FILE = 'cle-publique.json';

const NOTE = (name: string, keyId: string) => `Dossier de guides à publier : ${name}

Ce dossier contient :
- catalog.json : la liste des guides, avec leur empreinte.
- guides/ : les guides signés.
- ${PUBLIC_KEY_FILE} : votre clé publique (clé ${keyId}).

Pour publier : copiez tout le dossier sur un site web (https).
Donnez l’adresse de catalog.json aux médiateurs.
Donnez-leur aussi le fichier ${PUBLIC_KEY_FILE}.
Dans Pas à pas, ils ajoutent la clé, puis le catalogue.
Vos guides s’affichent alors « vérifiés ».
`;

export async function publishableFolder(
  input: PublishInput,
): Promise<{ files: ZipEntry[]; problems: number; folder: string }> {
  const guideFiles = input.guides.map((g) => ({ url: `guides/${g.id}.json`, content: g.text }));
  const { catalog, problems } = await buildCatalog(guideFiles, {
    name: input.name,
    ...(input.updated ? { updated: input.updated } : {}),
  });
  const files: ZipEntry[] = [
    { path: 'catalog.json', content: `${JSON.stringify(catalog, null, 2)}\n` },
    ...guideFiles
      .filter((f) => catalog.guides.some((g) => g.url === f.url))
      .map((f) => ({ path: f.url, content: f.content })),
    { path: PUBLIC_KEY_FILE, content: `${JSON.stringify(input.publicKey, null, 2)}\n` },
    { path: 'LISEZMOI.txt', content: NOTE(input.name, input.publicKey.keyId) },
  ];
  return { files, problems: problems.length, folder: 'guides-a-publier' };
}

/** The folder as one zip, every path under the folder's name. */
export async function publishableZip(
  input: PublishInput,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; problems: number }> {
  const { files, problems, folder } = await publishableFolder(input);
  return { bytes: zip(files.map((f) => ({ ...f, path: `${folder}/${f.path}` }))), problems };
}
