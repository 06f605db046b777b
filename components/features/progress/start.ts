/** Starts progress on the page (the feature's setup, through a lazy import): the agent and its banner. */
import type { PanelServices } from '../../app/services';
import { startProgressAgent } from './agent';
import { mountProgressBanner } from './Banner';

export function startOnPage(services: PanelServices): () => void {
  const agent = startProgressAgent({ services });
  const unmount = mountProgressBanner(agent, services);
  return () => {
    unmount();
    agent.dispose();
  };
}
