/** Starts progress on the page (called by mountPanel through a lazy import): the agent and its banner. */
import type { PublicComputerConfig } from '../../../utils/progress/types';
import type { PanelServices } from '../../app/services';
import { startProgressAgent } from './agent';
import { mountProgressBanner } from './Banner';
import { setWidgetPublicComputer } from './client';

export function startOnPage(
  services: PanelServices,
  options: { publicComputer?: Partial<PublicComputerConfig> },
): () => void {
  if (options.publicComputer) setWidgetPublicComputer(options.publicComputer);
  const agent = startProgressAgent({ lang: services.lang });
  const unmount = mountProgressBanner(agent, services);
  return () => {
    unmount();
    agent.dispose();
  };
}
