import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { fileURLToPath } from 'node:url';

export const fixturePath = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/guides/${name}`, import.meta.url));

/** A fresh deep copy of the valid demo guide, to mutate in tests. */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into the JSON freely to break it on purpose.
export function demoGuide(): Record<string, any> {
  return JSON.parse(readFileSync(fixturePath('valid-demo.json'), 'utf8'));
}

/** Node's own HTTP, outside the DOM emulation (a page's fetch would apply the browser's same-origin policy). */
export const httpGet = (url: string) =>
  new Promise<string>((resolve, reject) => {
    get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
