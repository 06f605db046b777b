/**
 * « Enregistrer dans Mes informations » from our OCR frame on a web page (ocr.html, web-accessible).
 * Any site that learns its address can frame it, so only the frame our page script armed and that
 * claimed with its token (utils/messaging/frame-claims.ts, the OCR part's claims) is answered, from
 * that tab and frame only; the camera window we open and any other sender get `forbidden`. It may
 * read the entries of the kinds its reading offers (the old values shown beside the new ones, inside
 * our frame, which the page cannot read) and add or replace one; nothing else of the file. The file's
 * own rules still hold: each value checked again, closed while a shared computer's PIN is not typed.
 */
import { OCR_FRAME_CLAIMS } from '../../../utils/messaging/protocol';
import type { Caller } from '../../../utils/messaging/sender';
import { ProgressError, toWire } from '../../../utils/progress/errors';
import { answerCall, type CallAnswer } from '../../../utils/progress/remote';
import type { ProgressClient } from '../../../utils/progress/types';
import { sessionFrameClaims } from '../../app/background/session-claims';
import type { Handlers } from '../define-background';

const ocrFrames = sessionFrameClaims(OCR_FRAME_CLAIMS);

async function fromClaimedOcrFrame(caller: Caller, token: string): Promise<boolean> {
  if (caller.kind !== 'page' || caller.tabId === undefined || !caller.frameId) return false;
  return ocrFrames.isClaimed({ tabId: caller.tabId, frameId: caller.frameId, token });
}

export function ocrInfosHandlers(service: Pick<ProgressClient, 'infosList' | 'infosPut'>): Handlers {
  return {
    'progress:infos-from-reading': async (message, _sender, caller): Promise<CallAnswer> => {
      if (!(await fromClaimedOcrFrame(caller, message.claim)))
        return { ok: false, error: toWire(new ProgressError('forbidden')) };
      if (message.action === 'entries') {
        const kinds: readonly string[] = message.kinds;
        return answerCall(
          { infosList: async () => (await service.infosList()).filter((e) => kinds.includes(e.kind)) },
          { method: 'infosList', args: [] },
        );
      }
      const args = message.id === undefined ? [message.input] : [message.input, message.id];
      return answerCall(service, { method: 'infosPut', args });
    },
  };
}
