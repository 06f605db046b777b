import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

/** The end-to-end suite runs the built products: `npm test` builds them first. */
export default function setup() {
  for (const file of ['.output/chrome-mv3/manifest.json', 'dist/widget/widget.js', 'public/panel/panel.js']) {
    if (!existsSync(join(ROOT, file))) {
      throw new Error(`Missing build output ${file}: run "npm run build" first (npm test does it).`);
    }
  }
}
