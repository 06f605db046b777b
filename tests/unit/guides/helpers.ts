import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const fixturePath = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/guides/${name}`, import.meta.url));

/** A fresh deep copy of the valid demo guide, to mutate in tests. */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into the JSON freely to break it on purpose.
export function demoGuide(): Record<string, any> {
  return JSON.parse(readFileSync(fixturePath('valid-demo.json'), 'utf8'));
}
