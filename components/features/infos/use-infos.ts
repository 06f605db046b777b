/** Loading "Mes informations" from the storage client, with the public computer's states told apart. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { InfoEntry } from '../../../utils/infos/index';
import type { PanelServices } from '../../app/services';

export type InfosLoad =
  | { status: 'loading' }
  | { status: 'closed'; why: 'locked' | 'needs-pin' }
  | { status: 'ready'; entries: InfoEntry[] }
  | { status: 'error'; error: unknown };

export function useInfos(services: PanelServices): { load: InfosLoad; refresh: () => void } {
  const [load, setLoad] = useState<InfosLoad>({ status: 'loading' });
  const refresh = useCallback(() => {
    (async () => {
      const client = await services.storage();
      const mode = await client.mode();
      if (mode.kind === 'locked' || mode.kind === 'needs-pin') {
        setLoad({ status: 'closed', why: mode.kind === 'locked' ? 'locked' : 'needs-pin' });
        return;
      }
      setLoad({ status: 'ready', entries: await client.infosList() });
    })().catch((error: unknown) => {
      const code = (error as { code?: unknown } | null)?.code;
      if (code === 'locked' || code === 'vault-locked') setLoad({ status: 'closed', why: 'locked' });
      else setLoad({ status: 'error', error });
    });
  }, [services]);
  useEffect(refresh, [refresh]);
  return { load, refresh };
}
