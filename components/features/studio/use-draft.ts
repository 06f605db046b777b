import { useRef, useState } from 'preact/hooks';
import { type Draft, loadDraft, saveDraft } from '../../../utils/guides/studio';

/** The side panel page's storage; an opaque or refused one is none (the draft stays in memory). */
function pageStorage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The draft being recorded, kept in the page's storage at every change. `draftRef` is the latest
 * draft for handlers that run after an await (a pick answered while the author edited).
 */
export function useDraft(onChange: () => void) {
  const [draft, setState] = useState<Draft | null>(() => loadDraft(pageStorage()));
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const setDraft = (next: Draft | null) => {
    draftRef.current = next;
    setState(next);
    saveDraft(pageStorage(), next);
    onChange();
  };
  return { draft, draftRef, setDraft };
}
