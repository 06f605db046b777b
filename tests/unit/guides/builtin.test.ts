import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../utils/guides/bytes.ts';
import { parseCatalog } from '../../../utils/guides/catalog.ts';
import { parseGuideText } from '../../../utils/guides/schema.ts';

// The built-in guides ship in public/guides with their catalog (index.json): what the extension
// loads must pass the same checks as `pasapas guide validate`, and the catalog must match the files.
const dir = fileURLToPath(new URL('../../../public/guides/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json');

describe('built-in guides (public/guides)', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s is a valid guide named after its id', (file) => {
    const result = parseGuideText(readFileSync(dir + file, 'utf8'));
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (result.ok) expect(`${result.guide.id}.json`).toBe(file);
  });

  it('index.json lists every built-in guide with its exact hash', async () => {
    const parsed = parseCatalog(JSON.parse(readFileSync(`${dir}index.json`, 'utf8')));
    if (!parsed.ok) throw new Error(parsed.detail);
    expect(parsed.catalog.guides.map((g) => g.url).sort()).toEqual([...files].sort());
    for (const entry of parsed.catalog.guides) {
      expect(await sha256Hex(new Uint8Array(readFileSync(dir + entry.url))), entry.url).toBe(entry.sha256);
    }
  });
});
