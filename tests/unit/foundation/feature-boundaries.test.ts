/**
 * A feature is one folder: none imports another feature's folder (issue 11). What two features
 * share lives in components/app (services, shared screens) or in utils/, and what the shell needs
 * from a feature it reads from the registry. Read from the sources, so a new cross import fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../../components/features');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? filesUnder(join(dir, e.name))
      : /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

/** Static imports, re-exports and dynamic import() of a module, as written. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm))
    if (m[1]) found.push(m[1]);
  return found;
}

describe('feature folders', () => {
  it('read imports in every form they are written', () => {
    expect(
      specifiers(
        "import { a } from '../x/a';\nexport { b } from \"./b\";\nconst c = () => import('../y/c');\nimport './d.css';",
      ),
    ).toEqual(['../x/a', './b', '../y/c', './d.css']);
  });

  it('import nothing from another feature’s folder', () => {
    const folders = readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.length).toBeGreaterThan(5);
    const crossings: string[] = [];
    for (const folder of folders) {
      for (const file of filesUnder(join(root, folder))) {
        for (const spec of specifiers(readFileSync(file, 'utf8'))) {
          if (!spec.startsWith('.')) continue;
          const target = relative(root, resolve(dirname(file), spec));
          const [first, ...rest] = target.split(sep);
          if (first && rest.length > 0 && first !== folder && folders.includes(first))
            crossings.push(`${relative(root, file)} → ${spec}`);
        }
      }
    }
    expect(crossings).toEqual([]);
  });
});
