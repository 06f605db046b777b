import { useEffect, useState } from 'preact/hooks';
import { type GlossaryLike, glossaryFromFile } from '../../../utils/guides/studio';
import type { PanelEnv } from '../../app/services';

/** The project's glossary (our own file): its words are offered with their definition in the advice. */
export function useProjectGlossary(env: PanelEnv): GlossaryLike[] {
  const [glossary, setGlossary] = useState<GlossaryLike[]>([]);
  useEffect(() => {
    let live = true;
    fetch(env.asset('glossary/fr.json'))
      .then((r) => (r.ok ? r.json() : null))
      .then((json) => {
        if (live) setGlossary(glossaryFromFile(json));
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [env]);
  return glossary;
}
