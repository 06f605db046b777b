/**
 * What "Mes démarches" shows, loaded: the storage's mode (clear, shared computer locked or not)
 * and the procedures kept, each with what its guide still asks for. Looked at again on `refresh`,
 * and when the person comes back to this page (another tab may have saved or deleted meanwhile).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Guide } from '../../../utils/guides/format';
import { requirementsByGuide } from '../../../utils/progress/guide';
import type { ProgressMode } from '../../../utils/progress/types';
import type { ProcedureSummary } from '../../../utils/storage';
import type { PanelServices } from '../../app/services';
import { errorMessage } from './messages';

export type Procedures =
  | { status: 'loading' }
  | { status: 'ready'; mode: ProgressMode; list: ProcedureSummary[] };

/** The guides, for what each procedure still misses: the panel's guide service; none when unreachable. */
async function knownGuides(services: Pick<PanelServices, 'guides'>): Promise<Guide[]> {
  try {
    const guides = await services.guides();
    return guides.available ? (await guides.load()).guides : [];
  } catch {
    return [];
  }
}

export function useProcedures(
  services: Pick<PanelServices, 'guides' | 'storage' | 'lang'>,
  onError: (message: string) => void,
): { load: Procedures; refresh(): void } {
  const { lang } = services;
  const [load, setLoad] = useState<Procedures>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const refresh = () => setVersion((n) => n + 1);

  useEffect(() => {
    const again = () => document.visibilityState === 'visible' && refresh();
    document.addEventListener('visibilitychange', again);
    return () => document.removeEventListener('visibilitychange', again);
  }, []);

  useEffect(() => {
    let alive = true;
    (async () => {
      const client = await services.storage();
      const mode = await client.mode();
      let list: ProcedureSummary[] = [];
      if (mode.kind === 'clear' || mode.kind === 'unlocked') {
        const known = await knownGuides(services);
        list = await client.list(requirementsByGuide(known, lang.value));
      }
      if (alive) setLoad({ status: 'ready', mode, list });
    })().catch((e: unknown) => alive && onError(errorMessage(lang.value, e)));
    return () => {
      alive = false;
    };
  }, [version, lang.value]);

  return { load, refresh };
}
