/**
 * The reading flow's effects (utils/ocr/reading-flow.ts): a `reading` phase reads its document with the
 * engine, a `filling` phase sends the confirmed values through the bridge, and the engine's worker is
 * freed when the screen goes. Leaving a reading (cancel, a new document, the screen closing) aborts it.
 */
import { type Dispatch, useEffect } from 'preact/hooks';
import {
  type FlowEvent,
  type FlowState,
  fillProblem,
  type PageTargets,
  readProblem,
} from '../../../utils/ocr/reading-flow';
import type { OcrBridge } from './protocol';
import { readSource, releaseEngine } from './reading';

export function useReadingEffects(bridge: OcrBridge, state: FlowState, dispatch: Dispatch<FlowEvent>): void {
  // The engine (about 100 MB) lives while the screen does; the next reading starts it again.
  useEffect(() => () => releaseEngine(), []);

  const reading = state.phase.k === 'reading' ? state.phase : null;
  useEffect(() => {
    if (!reading) return;
    const { run, source } = reading;
    const ctrl = new AbortController();
    let settled = false;
    void (async () => {
      // Let the progress screen paint before the (synchronous) preprocessing starts.
      await new Promise((r) => setTimeout(r, 30));
      if (ctrl.signal.aborted) return;
      try {
        const [read, page] = await Promise.all([
          readSource(source, {
            assetsBase: bridge.assetsBase,
            demoKey: bridge.demoKey === true,
            signal: ctrl.signal,
            onStage: (stage) => dispatch({ type: 'stage', run, stage }),
            preprocessWorker: bridge.preprocessWorker,
          }),
          bridge.targets().catch((): PageTargets => ({ targets: [] })),
        ]);
        dispatch({ type: 'read', run, read, page });
      } catch (error) {
        dispatch({ type: 'read-failed', run, notice: readProblem(error, ctrl.signal.aborted) });
      } finally {
        settled = true;
      }
    })();
    return () => {
      if (!settled) ctrl.abort();
    };
  }, [reading?.run]);

  const filling = state.phase.k === 'filling' ? state.phase : null;
  useEffect(() => {
    if (!filling) return;
    let alive = true;
    bridge.fill(filling.items).then(
      (report) => alive && dispatch({ type: 'fill-done', report }),
      // The side panel's tab is no longer the one in front (or changed site): nothing was filled, and the
      // values stay here for when the person is back on the form.
      (error) => alive && dispatch(fillProblem(error)),
    );
    return () => {
      alive = false;
    };
  }, [filling]);
}
