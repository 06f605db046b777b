/**
 * The numbers typed while a guide session runs on this page, for the recap to offer one by one:
 * in memory only, one memory per session, fed by the page work (which follows the session whether
 * the tab is open or not) and read by the tab. Gone with the page, never written anywhere.
 */
import type { GuideSession } from '../../../utils/guides/session';
import { createNumberMemory, type NumberMemory } from '../../../utils/recap/known-numbers';

const memories = new WeakMap<GuideSession, NumberMemory>();

export function numbersOf(session: GuideSession): NumberMemory {
  let memory = memories.get(session);
  if (!memory) {
    memory = createNumberMemory();
    memories.set(session, memory);
  }
  return memory;
}
