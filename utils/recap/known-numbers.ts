/**
 * The numbers typed while a guide runs on this page (IBAN, NIR, numéro fiscal…), remembered in
 * memory only, so the recap can offer them one by one. Never written anywhere: they go with the
 * page. Framework-free; the recap feature feeds it from the guide session's views.
 */
import type { SessionView } from '../guides/session.ts';
import { isValidatorId } from '../validators/index.ts';
import { type KnownNumber, SENSITIVE_KINDS } from './recap.ts';

export type NumberMemory = {
  /** Looks at a view of the session: a sensitive field checked valid is remembered. */
  see(view: SessionView): void;
  list(): KnownNumber[];
  clear(): void;
};

export function createNumberMemory(): NumberMemory {
  const byStep = new Map<string, KnownNumber>();
  return {
    see(view) {
      const step = view.state.step;
      const kind = step?.field?.validator;
      const check = view.check;
      if (!step || !kind || !isValidatorId(kind) || !SENSITIVE_KINDS.has(kind)) return;
      if (!check || check.empty || !check.ok) return;
      byStep.set(step.id, { stepId: step.id, kind, value: check.result?.normalized ?? check.value.trim() });
    },
    list: () => [...byStep.values()],
    clear: () => byStep.clear(),
  };
}
