#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts, prints one report and writes bench/report.md and .json.
// Each bench exports `default async function(): Promise<{ title, rows: Array<Record<string, string|number>>, notes?: string[] }>`
// so that each measure sits beside the reference it is compared with, measured in the same run.
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const sections = [];
for (const file of files) {
  const started = performance.now();
  process.stderr.write(`bench: ${file}…\n`);
  try {
    const mod = await import(join(here, file));
    const section = await mod.default();
    section.seconds = Math.round((performance.now() - started) / 100) / 10;
    sections.push({ file, ...section });
  } catch (error) {
    sections.push({ file, title: file, error: String(error?.stack ?? error), rows: [] });
    process.exitCode = 1;
  }
}

function table(rows) {
  if (rows.length === 0) return '';
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [
    line(cols),
    line(cols.map(() => '---')),
    ...rows.map((r) => line(cols.map((c) => String(r[c] ?? '')))),
  ].join('\n');
}

const md = [
  `# Pas à pas — benchmark report`,
  '',
  `${new Date().toISOString()} · Node ${process.version} · ${process.platform} ${process.arch}`,
  '',
  ...sections.flatMap((s) => [
    `## ${s.title}`,
    '',
    s.error ? `**failed:** \`\`\`\n${s.error}\n\`\`\`` : table(s.rows),
    '',
    ...(s.notes ?? []).map((n) => `- ${n}`),
    '',
  ]),
].join('\n');
console.log(md);
writeFileSync(join(here, 'report.md'), md);
writeFileSync(join(here, 'report.json'), JSON.stringify(sections, null, 2));
