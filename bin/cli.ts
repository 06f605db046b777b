/** `pasapas <command> …`: each command lives in bin/commands/<name>.ts and exports `run`. */
type Command = { run(args: string[]): Promise<number>; summary: string };

const commands: Record<string, () => Promise<Command>> = {
  guide: () => import('./commands/guide.ts'),
  readable: () => import('./commands/readable.ts'),
  ocr: () => import('./commands/ocr.ts'),
};

function usage(): string {
  return [
    'pasapas — outils en ligne de commande de Pas à pas',
    '',
    'Usage :',
    '  pasapas guide validate|check|catalog|keygen|sign|verify …',
    '  pasapas readable <fichier.html|-> [--url U] [--json]',
    '  pasapas ocr <image|pdf…> [--lang fra+eng] [--json]',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    console.error(`Commande inconnue : ${name}\n\n${usage()}`);
    return 2;
  }
  const command = await load();
  return command.run(rest);
}
