import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const fixturePath = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/guides/${name}`, import.meta.url));

/** A fresh deep copy of the valid demo guide, to mutate in tests. */
export function demoGuide(): Record<string, any> {
  return JSON.parse(readFileSync(fixturePath('valid-demo.json'), 'utf8'));
}
