import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GUIDE_SCHEMA_PATH, generateGuideJsonSchema } from '../../../scripts/gen-guide-schema.ts';
import { demoGuide } from './helpers.ts';

describe('public/guide.schema.json', () => {
  it('is the one generated from the valibot schema (run `npx tsx scripts/gen-guide-schema.ts`)', () => {
    // Compared as JSON: the formatter may lay the committed file out differently.
    const committed = JSON.parse(readFileSync(GUIDE_SCHEMA_PATH, 'utf8'));
    expect(committed).toEqual(JSON.parse(generateGuideJsonSchema()));
  });

  it('describes the fields of the format', () => {
    const schema = JSON.parse(generateGuideJsonSchema());
    expect(schema.$schema).toContain('draft-07');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['formatVersion', 'id', 'version', 'steps']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(Object.keys(demoGuide())));
    expect(schema.properties.steps.maxItems).toBe(500);
  });
});
