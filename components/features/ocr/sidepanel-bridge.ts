/**
 * The side panel reads in itself: it is an extension page, so the engine, the file picker, paste and the
 * camera run right here, with no frame. Only the page's fields, the confirmed values and the tab capture go
 * through the background, which records the tab in front when a reading starts and refuses to fill or shoot
 * any other tab (utils/ocr/front-tab).
 */
import type { FillReport } from '../../../utils/ocr/fill/index';
import { FrontTabError, parseRefusal } from '../../../utils/ocr/front-tab/index';
import type { FrontPage, PanelEnv } from '../../app/services';
import { preprocessWorker } from './preprocess-worker';
import { OCR_MESSAGES, type OcrBridge, type PageTargets } from './protocol';

export function sidePanelBridge(
  env: PanelEnv & { background: NonNullable<PanelEnv['background']> },
  front: FrontPage,
): OcrBridge {
  const ask = async (action: 'targets' | 'fill' | 'capture', extra: Record<string, unknown> = {}) => {
    // The side panel's window: the background looks for the tab in front there.
    const answer = await env.background({
      type: OCR_MESSAGES.side,
      action,
      windowId: await front.windowId(),
      ...extra,
    });
    const refused = parseRefusal(answer);
    if (refused) throw new FrontTabError(refused);
    return answer as Record<string, unknown> | undefined;
  };
  return {
    assetsBase: env.asset('ocr/'),
    preprocessWorker,
    // Asked when a reading starts: the background records the tab in front then.
    async targets() {
      const answer = (await ask('targets').catch(() => undefined)) as PageTargets | undefined;
      return answer && Array.isArray(answer.targets) ? answer : { targets: [] };
    },
    async fill(items) {
      const answer = (await ask('fill', { items })) as FillReport | undefined;
      if (!answer || !Array.isArray(answer.filled)) throw new Error('fill failed');
      return answer;
    },
    async captureTab() {
      const answer = await ask('capture');
      if (typeof answer?.dataUrl !== 'string') throw new Error('capture failed');
      return answer.dataUrl;
    },
  };
}
