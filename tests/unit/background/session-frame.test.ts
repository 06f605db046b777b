/**
 * Our PIN frame (`/session.html`) placed in a web page: heard only once the page script of that
 * tab armed a place and the frame claimed it with the token, and then only for the PIN, the lock
 * and the end of the session (components/features/progress/background-session.ts, background.ts).
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { SESSION_METHODS } from '../../../components/features/progress/background-session';
import { PROGRESS_METHODS } from '../../../utils/progress/types';
import { answered, contentSender, errorCode, pageSender, progress, send, startBackground } from './senders';

startBackground(['progress']);

const SITE = 'https://www.caf.fr';
const TAB = 21;
const FRAME = 7;
const page = contentSender(`${SITE}/aides/logement`, TAB);
const frameIn = (tabId = TAB, frameId = FRAME) =>
  pageSender('/session.html?view=tab', { tabId, frameId, tabUrl: `${SITE}/aides/logement` });
const ALLOWED = ['mode', 'choosePin', 'unlock', 'lock', 'wipe', 'touch', 'publicComputer'];
/** A token of the right shape that nobody armed. */
const GUESS = 'a'.repeat(32);

/** Arms the tab's "tab" place from its page script and returns the token it hands to the frame. */
async function arm(sender = page, view: 'tab' | 'banner' = 'tab'): Promise<string> {
  const answer = (await send({ type: 'pasapas:session-arm', view }, sender)) as { token?: string };
  expect(answer.token).toMatch(/^[0-9a-f]{32}$/);
  return answer.token as string;
}
const claim = (sender: ReturnType<typeof frameIn>, token: string, view: 'tab' | 'banner' = 'tab') =>
  send({ type: 'pasapas:session-claim', view, token }, sender);
const call = (sender: ReturnType<typeof frameIn>, method: string, token: string, args: unknown[] = []) =>
  progress('progress:call', sender, method, args, { frame: { view: 'tab', token } });

beforeAll(async () => {
  // Something to protect: the options page saved a procedure of a site.
  const options = pageSender('/options.html');
  answered(
    await progress('progress:call', options, 'startOrGet', [{ guideId: 'g', origin: SITE, title: 'CAF' }]),
  );
});

describe('our PIN frame in a web page', () => {
  it('the allowed methods are exactly the PIN, the lock and the end of the session', () => {
    expect([...SESSION_METHODS].sort()).toEqual([...ALLOWED].sort());
  });

  it('gets nothing before a claim, with or without a made-up token', async () => {
    for (const method of ALLOWED) {
      expect(errorCode(await progress('progress:call', frameIn(), method)), method).toBe('forbidden');
      expect(errorCode(await call(frameIn(), method, GUESS)), method).toBe('forbidden');
    }
    // Armed but not claimed: the token alone is not enough.
    const token = await arm();
    expect(errorCode(await call(frameIn(), 'mode', token))).toBe('forbidden');
    expect(await claim(frameIn(), GUESS)).toEqual({ claimed: false });
  });

  it('after arm and claim, gets its methods only (no list, no export), and only from that tab and frame', async () => {
    const token = await arm();
    expect(await claim(frameIn(), token)).toEqual({ claimed: true });
    // One claim per arm: a second frame with the same token gets nothing.
    expect(await claim(frameIn(TAB, FRAME + 1), token)).toEqual({ claimed: false });

    expect(answered(await call(frameIn(), 'mode', token))).toEqual({ kind: 'clear' });
    for (const method of PROGRESS_METHODS) {
      if (method === 'wipe') continue; // below, last
      const answer = await call(frameIn(), method, token);
      expect(answer, method).not.toHaveProperty('refused');
      if (ALLOWED.includes(method)) expect(errorCode(answer), method).not.toBe('forbidden');
      else expect(errorCode(answer), method).toBe('forbidden');
    }
    expect(errorCode(await call(frameIn(), 'exportFile', token, ['une longue phrase de passe']))).toBe(
      'forbidden',
    );
    expect(errorCode(await call(frameIn(), 'list', token))).toBe('forbidden');

    // The same token from another tab, another frame of the tab, the top of the tab, or the other place.
    for (const elsewhere of [frameIn(TAB + 1, FRAME), frameIn(TAB, FRAME + 1), frameIn(TAB, 0)]) {
      expect(errorCode(await call(elsewhere, 'mode', token))).toBe('forbidden');
      expect(errorCode(await call(elsewhere, 'wipe', token))).toBe('forbidden');
    }
    const banner = await progress('progress:call', frameIn(), 'mode', [], {
      frame: { view: 'banner', token },
    });
    expect(errorCode(banner)).toBe('forbidden');

    // Nothing was wiped by those: the options page still sees the procedure. Then the frame may wipe.
    const options = pageSender('/options.html');
    expect(answered<unknown[]>(await progress('progress:call', options, 'list'))).toHaveLength(1);
    expect(answered(await call(frameIn(), 'wipe', token))).toEqual({ nothingLeft: true });
    expect(answered<unknown[]>(await progress('progress:call', options, 'list'))).toEqual([]);
  });

  it('chooses a PIN once claimed: the answers are then locked behind it', async () => {
    const token = await arm();
    expect(await claim(frameIn(), token)).toEqual({ claimed: true });
    expect(errorCode(await call(frameIn(), 'choosePin', token, ['12']))).not.toBe('forbidden');
    expect(answered(await call(frameIn(), 'mode', token))).toEqual({ kind: 'clear' });
    answered(await call(frameIn(), 'choosePin', token, ['482915']));
    expect(answered(await call(frameIn(), 'mode', token))).toMatchObject({ kind: 'unlocked' });
    answered(await call(frameIn(), 'lock', token));
    expect(answered(await call(frameIn(), 'mode', token))).toMatchObject({ kind: 'locked' });
    answered(await call(frameIn(), 'unlock', token, ['482915']));
    expect(answered(await call(frameIn(), 'mode', token))).toMatchObject({ kind: 'unlocked' });
  }, 60_000); // one real Argon2id derivation per choosePin and unlock: seconds on a loaded machine

  it('a new arm of the tab ends the earlier claim', async () => {
    const first = await arm();
    expect(await claim(frameIn(), first)).toEqual({ claimed: true });
    const second = await arm();
    expect(errorCode(await call(frameIn(), 'mode', first))).toBe('forbidden');
    expect(await claim(frameIn(), second)).toEqual({ claimed: true });
    expect(errorCode(await call(frameIn(), 'mode', second))).not.toBe('forbidden');
  });

  it("is never claimed with another tab's arm, nor at the top of a tab", async () => {
    const other = await arm(contentSender('https://evil.example/', TAB + 5));
    // The token armed for tab TAB+5, used by a frame in tab TAB.
    expect(await claim(frameIn(), other)).toEqual({ claimed: false });
    // Our page opened as a tab (frame 0) is not in a page: nothing to claim.
    const own = await arm(contentSender(`${SITE}/`, TAB + 6));
    expect(await claim(frameIn(TAB + 6, 0), own)).toEqual({ claimed: false });
    // A claim goes to one place: a token of the banner does not claim the tab's.
    const bannerToken = await arm(page, 'banner');
    expect(await claim(frameIn(), bannerToken, 'tab')).toEqual({ claimed: false });
  });

  it('only the page script arms, only our PIN frame claims', async () => {
    expect(await send({ type: 'pasapas:session-arm', view: 'tab' }, frameIn())).toEqual({
      refused: 'sender',
    });
    expect(
      await send({ type: 'pasapas:session-arm', view: 'tab' }, { ...page, id: 'another-extension' }),
    ).toEqual({ refused: 'sender' });
    const token = await arm();
    expect(await claim(page, token)).toEqual({ refused: 'sender' });
    expect(await claim(pageSender('/ocr.html', { tabId: TAB, frameId: FRAME }), token)).toEqual({
      refused: 'sender',
    });
    expect(await claim({ ...frameIn(), id: 'another-extension' }, token)).toEqual({ refused: 'sender' });
    // None of those used up the arm: our frame still claims.
    expect(await claim(frameIn(), token)).toEqual({ claimed: true });
  });
});
