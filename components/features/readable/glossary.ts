/** The built-in glossary, fetched once per page from our own files (never from elsewhere). */
import { type CompiledGlossary, compileGlossary } from '../../../utils/glossary/match';
import { parseGlossaryFile } from '../../../utils/glossary/schema';

const cache = new Map<string, Promise<CompiledGlossary>>();

/** Resolves to the compiled glossary; rejects (and forgets the attempt) when it cannot be read. */
export function loadGlossary(url: string, fetcher: typeof fetch = fetch): Promise<CompiledGlossary> {
  let pending = cache.get(url);
  if (!pending) {
    pending = fetcher(url, { credentials: 'omit' })
      .then((response) => {
        if (!response.ok) throw new Error(`glossary: HTTP ${response.status}`);
        return response.json();
      })
      .then((json: unknown) => compileGlossary(parseGlossaryFile(json).terms));
    pending.catch(() => cache.delete(url));
    cache.set(url, pending);
  }
  return pending;
}
