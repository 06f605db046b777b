/**
 * Writes public/guide.schema.json from the valibot schema (`npx tsx scripts/gen-guide-schema.ts`).
 * The JSON Schema covers the structure; `pasapas guide validate` also checks ids, references,
 * match patterns and safe text, which JSON Schema cannot express.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import { GuideSchema } from '../utils/guides/format.ts';

export const GUIDE_SCHEMA_PATH = fileURLToPath(new URL('../public/guide.schema.json', import.meta.url));

export function generateGuideJsonSchema(): string {
  const schema = toJsonSchema(GuideSchema, { target: 'draft-07', errorMode: 'throw' });
  const { $schema, title, description, ...rest } = schema;
  const ordered = { $schema, $id: 'https://pasapas.fr/guide.schema.json', title, description, ...rest };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(GUIDE_SCHEMA_PATH, generateGuideJsonSchema());
  console.log(`Écrit : ${GUIDE_SCHEMA_PATH}`);
}
